"""The choices a policy's settings are made of (how pairs form, what a late checkpoint answer
becomes, whose supervisory line is out of bounds, ...) and the refusal every section uses:
a leaf module, so the sections and the rules that read them share these names without cycles.
"""

from __future__ import annotations

import math
from enum import StrEnum

from app.domain.errors import PolicyError


def refuse(condition: bool, detail: str, field_name: str) -> None:
    """Raise PolicyError naming ``field_name`` when ``condition`` holds."""
    if condition:
        raise PolicyError(detail, field=field_name)


def refuse_negative(value: float, detail: str, field_name: str) -> None:
    """Refuse a number below zero, or no number at all (NaN, infinity), naming the field."""
    refuse(not math.isfinite(value) or value < 0, detail, field_name)


class PairFormation(StrEnum):
    """How a pair comes to be proposed."""

    COMMITTEE = "committee"
    COORDINATOR = "coordinator"
    ALGORITHM = "algorithm"
    MENTEE_CHOICE = "mentee_choice"
    REFERRAL = "referral"
    INTERVIEW_SHORTLIST = "interview_shortlist"
    SOCIAL_OCCASION = "social_occasion"


class LateAnswer(StrEnum):
    """What becomes of a checkpoint answer given after its window has closed."""

    REFUSED = "refused"
    MARKED_LATE = "marked_late"


class CadenceMeasure(StrEnum):
    """How the meeting cadence is judged over the term so far."""

    EACH_MONTH = "each_month"  # every finished month must reach the minimum (NC: "at least")
    ON_AVERAGE = "on_average"  # the finished months together, per month (Caltrans: "about")


class NoRematchOutcome(StrEnum):
    """What happens when a change is asked for at the checkpoint and no other mentor is free."""

    WITHDRAW_MENTEE = "withdraw_mentee"
    END_RELATIONSHIP = "end_relationship"


class FeePayer(StrEnum):
    """Who is billed the program fee."""

    NONE = "none"
    MENTEE_DEPARTMENT = "mentee_department"


class SupervisoryLine(StrEnum):
    """Whose supervisory line may not mentor: each handbook reads it differently."""

    DIRECT_SUPERVISOR = "direct_supervisor"  # 000/001, 002, 003: not the direct supervisor
    WHOLE_CHAIN = "whole_chain"  # 004: "no supervisory responsibilities, even indirectly"


SUPERVISORY_READINGS = {
    SupervisoryLine.DIRECT_SUPERVISOR: "the mentor may not be the mentee's direct supervisor "
    "(nor the mentee the mentor's)",
    SupervisoryLine.WHOLE_CHAIN: "the mentor may not be anywhere in the mentee's supervisory "
    "chain, even indirectly (nor the mentee in the mentor's)",
}
