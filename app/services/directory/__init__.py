"""The employee directory as HR gives it: imports checked row by row, reads and pages."""
