"""What every eligibility rule shares: its outcome with a reason, the protocol a rule keeps,
the base that turns a rule value into data, and the month counting service rules use."""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Protocol

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


class NamedRule:
    """Shared `to_dict` and outcome building for the named rule values."""

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


def require_count(rule: str, setting: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PolicyError(f"{rule}.{setting} must be a whole number >= 0", field=setting, rule=rule)
