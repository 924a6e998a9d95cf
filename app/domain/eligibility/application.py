"""Eligibility rules over what the applicant brings: the supervisor's approval and the IDP
(002), the information session and the needs assessment (003), the self-assessment and the
commitment to evaluate (000/001), and a mentor's room for another mentee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from app.domain.eligibility.outcome import (
    NamedRule,
    RuleOutcome,
)
from app.domain.errors import PolicyError

if TYPE_CHECKING:
    from app.domain.eligibility.facts import ApplicantFacts


@dataclass(frozen=True, slots=True)
class SupervisorApproved(NamedRule):
    """Caltrans: the mentee needs the supervisor's approval to participate."""

    name: ClassVar[str] = "supervisor_approved"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass only on a recorded approval; a pending one is not yet a pass."""
        if facts.supervisor_approved is True:
            return self._outcome(True, "the supervisor approved participation")
        if facts.supervisor_approved is False:
            return self._outcome(False, "the supervisor did not approve participation")
        return self._outcome(False, "the supervisor's approval has not been given yet")


@dataclass(frozen=True, slots=True)
class ParticipationInIdp(NamedRule):
    """Caltrans: participation is part of the mentee's development plan, written in their IDP."""

    name: ClassVar[str] = "participation_in_idp"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the application states that participation is included in the IDP."""
        if facts.participation_in_idp:
            return self._outcome(True, "participation is included in the mentee's IDP")
        missing = "the application does not state that participation is included in the IDP"
        return self._outcome(False, missing)


@dataclass(frozen=True, slots=True)
class AttendedInformationSession(NamedRule):
    """NC (both sides) and Caltrans orientation: attended the information session."""

    name: ClassVar[str] = "attended_information_session"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when attendance is recorded."""
        if facts.attended_information_session:
            return self._outcome(True, "attended the information session")
        return self._outcome(False, "has not attended the information session yet")


@dataclass(frozen=True, slots=True)
class NeedsAssessmentProvided(NamedRule):
    """NC: the mentee provides a completed Needs Assessment at the start."""

    name: ClassVar[str] = "needs_assessment_provided"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the needs assessment is on file."""
        if facts.needs_assessment_provided:
            return self._outcome(True, "the needs assessment was provided")
        return self._outcome(False, "the needs assessment has not been provided")


@dataclass(frozen=True, slots=True)
class SelfAssessmentComplete(NamedRule):
    """Charlotte: the self-assessment shows strengths, weaknesses and goals."""

    sections: tuple[str, ...] = ("strengths", "weaknesses", "goals")
    name: ClassVar[str] = "self_assessment_complete"

    def __post_init__(self) -> None:
        if not all(isinstance(s, str) and s for s in self.sections):
            raise PolicyError("sections must be non-empty names", field="sections", rule=self.name)

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when every required section has content."""
        missing = [s for s in self.sections if s not in facts.self_assessment_sections]
        if missing:
            return self._outcome(False, f"the self-assessment is missing: {', '.join(missing)}")
        return self._outcome(True, f"the self-assessment covers {', '.join(self.sections)}")


@dataclass(frozen=True, slots=True)
class CommitsToEvaluation(NamedRule):
    """Charlotte: the mentee commits to take part in evaluating the experience (000/001)."""

    name: ClassVar[str] = "commits_to_evaluation"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the application states the mentee will take part in the evaluations."""
        if facts.commits_to_evaluation:
            return self._outcome(True, "commits to take part in evaluating the experience")
        missing = "the application does not commit to take part in evaluating the experience"
        return self._outcome(False, missing)


@dataclass(frozen=True, slots=True)
class HasCapacity(NamedRule):
    """A mentor has room for another mentee."""

    name: ClassVar[str] = "has_capacity"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when current mentees are fewer than the capacity offered."""
        count, capacity = facts.current_mentee_count, facts.capacity
        if count < capacity:
            return self._outcome(True, f"mentors {count} of a capacity of {capacity}")
        return self._outcome(False, f"already mentors {count}, the capacity of {capacity} offered")
