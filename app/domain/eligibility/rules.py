"""The eligibility rules the seed programs use, each a small named value with a stable name.

A policy lists rules as data (`to_dict` / `rule_from_dict`), so the names are part of
stored policies and of the API: never rename one.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Protocol

from app.domain.directory import EmploymentStatus
from app.domain.errors import PolicyError

if TYPE_CHECKING:
    from app.domain.eligibility.facts import ApplicantFacts, EligibilityOverride


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    """One rule's verdict on one applicant, with a reason a person can read."""

    rule: str
    passed: bool
    reason: str
    override: EligibilityOverride | None = None  # set only on a failed, overridden rule

    def to_dict(self) -> dict[str, object]:
        """`{rule, passed, reason}`, plus `override` when a coordinator admitted anyway."""
        data: dict[str, object] = {"rule": self.rule, "passed": self.passed, "reason": self.reason}
        if self.override is not None:
            data["override"] = self.override.to_dict()
        return data


class EligibilityRule(Protocol):
    """A named rule over an applicant's facts."""

    @property
    def name(self) -> str:
        """The stable snake_case name policies and decisions use."""
        ...

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Judge the applicant as of `today`, with a reason either way."""
        ...

    def to_dict(self) -> dict[str, object]:
        """The rule as data: `{"rule": name, **parameters}`."""
        ...


def whole_months_between(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (0 if `end` is earlier).

    A month is complete on the same day-of-month, or on the last day of a shorter month:
    from 31 January, one month is complete on 28 (or 29) February.
    """
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    anniversary_day = min(start.day, calendar.monthrange(end.year, end.month)[1])
    return months - 1 if end.day < anniversary_day else months


class _Rule:
    """Shared `to_dict` and outcome building for the rule values below."""

    __slots__ = ()
    name: ClassVar[str]

    def to_dict(self) -> dict[str, object]:
        """The rule as data: `{"rule": name, **parameters}`."""
        data: dict[str, object] = {"rule": self.name}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    def _outcome(self, passed: bool, reason: str) -> RuleOutcome:
        return RuleOutcome(self.name, passed, reason)


@dataclass(frozen=True, slots=True)
class NoDisciplinaryIssues(_Rule):
    """Charlotte: no performance or disciplinary issues; NC: in good standing."""

    name: ClassVar[str] = "no_disciplinary_issues"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the applicant is in good standing."""
        if facts.in_good_standing:
            return self._outcome(True, "in good standing, no performance or disciplinary issue")
        return self._outcome(False, "has a performance or disciplinary issue on record")


@dataclass(frozen=True, slots=True)
class MinimumMonthsOfService(_Rule):
    """NC: at least N months of agency service (the guide leaves N blank: a setting)."""

    months: int
    name: ClassVar[str] = "minimum_months_of_service"

    def __post_init__(self) -> None:
        _require_count(self.name, "months", self.months)

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
class SupervisorApproved(_Rule):
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
class AttendedInformationSession(_Rule):
    """NC (both sides) and Caltrans orientation: attended the information session."""

    name: ClassVar[str] = "attended_information_session"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when attendance is recorded."""
        if facts.attended_information_session:
            return self._outcome(True, "attended the information session")
        return self._outcome(False, "has not attended the information session yet")


@dataclass(frozen=True, slots=True)
class MinimumLevel(_Rule):
    """Charlotte: mentors are senior leaders, i.e. at or above a level."""

    level: int
    name: ClassVar[str] = "minimum_level"

    def __post_init__(self) -> None:
        _require_count(self.name, "level", self.level)

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the applicant's level is at least `level`."""
        wanted = f"the program asks for level {self.level} or above"
        if facts.level is None:
            return self._outcome(False, f"no level on record; {wanted}")
        return self._outcome(facts.level >= self.level, f"is at level {facts.level}; {wanted}")


@dataclass(frozen=True, slots=True)
class GraduateOf(_Rule):
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


@dataclass(frozen=True, slots=True)
class HasCapacity(_Rule):
    """A mentor has room for another mentee."""

    name: ClassVar[str] = "has_capacity"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when current mentees are fewer than the capacity offered."""
        count, capacity = facts.current_mentee_count, facts.capacity
        if count < capacity:
            return self._outcome(True, f"mentors {count} of a capacity of {capacity}")
        return self._outcome(False, f"already mentors {count}, the capacity of {capacity} offered")


@dataclass(frozen=True, slots=True)
class SelfAssessmentComplete(_Rule):
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
class NeedsAssessmentProvided(_Rule):
    """NC: the mentee provides a completed Needs Assessment at the start."""

    name: ClassVar[str] = "needs_assessment_provided"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the needs assessment is on file."""
        if facts.needs_assessment_provided:
            return self._outcome(True, "the needs assessment was provided")
        return self._outcome(False, "the needs assessment has not been provided")


@dataclass(frozen=True, slots=True)
class ParticipationInIdp(_Rule):
    """Caltrans: participation is part of the mentee's development plan, written in their IDP."""

    name: ClassVar[str] = "participation_in_idp"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the application states that participation is included in the IDP."""
        if facts.participation_in_idp:
            return self._outcome(True, "participation is included in the mentee's IDP")
        missing = "the application does not state that participation is included in the IDP"
        return self._outcome(False, missing)


@dataclass(frozen=True, slots=True)
class ActiveEmployment(_Rule):
    """Someone on leave or no longer employed cannot take part."""

    name: ClassVar[str] = "active_employment"

    def evaluate(self, facts: ApplicantFacts, today: date) -> RuleOutcome:
        """Pass when the employment status is active."""
        status = str(facts.employment_status)
        passed = facts.employment_status == EmploymentStatus.ACTIVE
        return self._outcome(passed, f"employment status is {status}; the program asks for active")


RULE_TYPES: dict[str, type[_Rule]] = {
    cls.name: cls
    for cls in (
        NoDisciplinaryIssues,
        MinimumMonthsOfService,
        SupervisorApproved,
        AttendedInformationSession,
        MinimumLevel,
        GraduateOf,
        HasCapacity,
        SelfAssessmentComplete,
        NeedsAssessmentProvided,
        ParticipationInIdp,
        ActiveEmployment,
    )
}


def rule_from_dict(data: Mapping[str, object]) -> EligibilityRule:
    """Rebuild a rule from `to_dict` output; an unknown name or parameter is a PolicyError."""
    raw_name = data.get("rule")
    name = raw_name if isinstance(raw_name, str) else ""
    cls = RULE_TYPES.get(name)
    if cls is None:
        known = ", ".join(sorted(RULE_TYPES))
        raise PolicyError(f"unknown eligibility rule {raw_name!r}; known: {known}", field="rule")
    params = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k != "rule"}
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(params) - fields)
    if unknown:
        raise PolicyError(f"{name} has no setting {unknown[0]!r}", field=unknown[0], rule=name)
    try:
        rule = cls(**params)
    except TypeError:
        raise PolicyError(f"{name} needs: {', '.join(sorted(fields))}", rule=name) from None
    return rule  # type: ignore[return-value]


def _require_count(rule: str, setting: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PolicyError(f"{rule}.{setting} must be a whole number >= 0", field=setting, rule=rule)
