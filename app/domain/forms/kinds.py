"""The evaluations a program may run, and who answers them: a leaf module, so the policy
sections and the forms can both name them without importing each other."""

from __future__ import annotations

from enum import StrEnum


class EvaluationKind(StrEnum):
    """An evaluation a program may run on a mentorship."""

    MIDPOINT = "midpoint"
    FINAL = "final"
    CHECKUP = "checkup"
    OUTCOME_REVIEW = "outcome_review"
    PROGRAM = "program"
    MONTHLY = "monthly"  # 001 "Understanding the Mentee Role": "Complete monthly evaluations"
    COMPATIBILITY_CHECK = "compatibility_check"  # 000 "Relationship Compatibility", month 3


class Respondent(StrEnum):
    """Which side of the pair answers a form."""

    MENTEE = "mentee"
    MENTOR = "mentor"
