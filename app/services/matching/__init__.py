"""Matching a cohort: its pool, the cost matrices, the solver and the runs coordinators publish."""
