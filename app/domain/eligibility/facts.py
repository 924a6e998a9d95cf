"""What eligibility rules read: an applicant's facts, and a coordinator's recorded override."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.domain.directory import EmploymentStatus
from app.domain.errors import InvalidInput


class ApplicantRole(StrEnum):
    """The side of a program an application is for."""

    MENTEE = "mentee"
    MENTOR = "mentor"


@dataclass(frozen=True, slots=True)
class ApplicantFacts:
    """Everything an eligibility rule may read about one applicant, gathered once."""

    role: ApplicantRole
    level: int | None = None
    hire_date: date | None = None
    employment_status: EmploymentStatus = EmploymentStatus.ACTIVE
    in_good_standing: bool = True
    supervisor_approved: bool | None = None  # None: not asked or not answered yet
    attended_information_session: bool = False
    graduate_of: frozenset[str] = frozenset()
    capacity: int = 1
    current_mentee_count: int = 0
    self_assessment_sections: frozenset[str] = frozenset()  # e.g. strengths, weaknesses, goals
    needs_assessment_provided: bool = False
    # The mentee attests that taking part is written into their IDP (Caltrans, seed 002).
    participation_in_idp: bool = False
    # The mentee commits to take part in evaluating the experience (Charlotte, seeds 000/001).
    commits_to_evaluation: bool = False


@dataclass(frozen=True, slots=True)
class EligibilityOverride:
    """A coordinator's recorded approval to admit someone who fails `rule` (NC, seed 003)."""

    rule: str
    approved_by: str
    approved_at: datetime
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput(
                "an override needs the extenuating circumstances as its reason",
                field="reason",
                rule=self.rule,
            )
        if not self.approved_by.strip():
            raise InvalidInput("an override must say who approved it", field="approved_by")
        if self.approved_at.tzinfo is None or self.approved_at.utcoffset() is None:
            raise InvalidInput("approved_at must be timezone-aware", field="approved_at")

    def to_dict(self) -> dict[str, str]:
        """The override as JSON-compatible values."""
        return {
            "rule": self.rule,
            "approved_by": self.approved_by,
            "approved_at": self.approved_at.isoformat(),
            "reason": self.reason,
        }
