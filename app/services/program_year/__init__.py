"""The program year: cohort calendars, the worklist, and attendance as a person's fact."""
