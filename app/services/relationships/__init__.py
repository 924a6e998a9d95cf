"""Running a mentorship: from proposal through agreement, meetings and evaluations to its end."""
