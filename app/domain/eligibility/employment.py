"""Eligibility rules over the person's HR record: employed, in good standing, long enough in
service, senior enough, a graduate of the named institute (seeds 000/001, 003, 004)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from app.domain.directory import EmploymentStatus
from app.domain.eligibility.outcome import (
    NamedRule,
    RuleOutcome,
    require_count,
    whole_months_between,
)
from app.domain.errors import PolicyError

if TYPE_CHECKING:
    from app.domain.eligibility.facts import ApplicantFacts


@dataclass(frozen=True, slots=True)
class ActiveEmployment(NamedRule):
    """Someone on leave or no longer employed cannot take part."""

    name: ClassVar[str] = "active_employment"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the employment status is active."""
        status = str(facts.employment_status)
        passed = facts.employment_status == EmploymentStatus.ACTIVE
        return self._outcome(passed, f"employment status is {status}; the program asks for active")


@dataclass(frozen=True, slots=True)
class NoDisciplinaryIssues(NamedRule):
    """Charlotte: no performance or disciplinary issues; NC: in good standing."""

    name: ClassVar[str] = "no_disciplinary_issues"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the applicant is in good standing."""
        if facts.in_good_standing:
            return self._outcome(True, "in good standing, no performance or disciplinary issue")
        return self._outcome(False, "has a performance or disciplinary issue on record")


@dataclass(frozen=True, slots=True)
class MinimumMonthsOfService(NamedRule):
    """NC: at least N months of agency service (the guide leaves N blank: a setting)."""

    months: int
    name: ClassVar[str] = "minimum_months_of_service"

    def __post_init__(self) -> None:
        require_count(self.name, "months", self.months)

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when whole calendar months since the hire date reach `months`."""
        if facts.hire_date is None:
            return self._outcome(
                False, f"no hire date on record; the program asks for {self.months} months"
            )
        served = whole_months_between(facts.hire_date, today)
        reason = f"has {served} months of service; the program asks for {self.months}"
        return self._outcome(served >= self.months, reason)


@dataclass(frozen=True, slots=True)
class MinimumLevel(NamedRule):
    """Charlotte: mentors are senior leaders, i.e. at or above a level."""

    level: int
    name: ClassVar[str] = "minimum_level"

    def __post_init__(self) -> None:
        require_count(self.name, "level", self.level)

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the applicant's level is at least `level`."""
        wanted = f"the program asks for level {self.level} or above"
        if facts.level is None:
            return self._outcome(False, f"no level on record; {wanted}")
        return self._outcome(facts.level >= self.level, f"is at level {facts.level}; {wanted}")


@dataclass(frozen=True, slots=True)
class GraduateOf(NamedRule):
    """Maine: the protege graduated from a named leadership institute."""

    institutes: tuple[str, ...]
    name: ClassVar[str] = "graduate_of"

    def __post_init__(self) -> None:
        if not self.institutes or not all(isinstance(i, str) and i for i in self.institutes):
            raise PolicyError("graduate_of needs at least one institute name", rule=self.name)

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when any of the applicant's institutes is listed (case-insensitive)."""
        held = {g.casefold() for g in facts.graduate_of}
        matched = [i for i in self.institutes if i.casefold() in held]
        if matched:
            return self._outcome(True, f"is a graduate of {matched[0]}")
        listed = " or ".join(self.institutes)
        return self._outcome(False, f"is not recorded as a graduate of {listed}")
