"""The program year: a cohort's calendar of events and the dates it gives the rules."""
