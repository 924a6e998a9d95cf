"""Who may do what: one permission table (role x resource x action) and each area's rows."""
