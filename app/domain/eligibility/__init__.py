"""Who may enter a program: an applicant's facts, the named rules, and the decision."""
