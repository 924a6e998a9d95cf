"""A cohort's year under a policy: group sessions and luncheons, the program fee, and the
calendar of events laid out from the cohort's start. Each section checks itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.calendar.kinds import EventKind
from app.domain.policy.choices import FeePayer, refuse
from app.domain.policy.codec import Section


@dataclass(frozen=True, slots=True)
class GroupActivityPolicy(Section):
    """Group sessions and small-group luncheons (mentees stay in a group, hosts rotate)."""

    group_sessions_mandatory_for_mentees: bool = False
    group_sessions_mandatory_for_mentors: bool = False
    luncheons: int = 0
    luncheon_hosts: int = 0
    luncheon_group_min: int = 0
    luncheon_group_max: int = 0
    mentees_stay_hosts_rotate: bool = False
    luncheons_not_before_month: int | None = None

    def __post_init__(self) -> None:
        for name in ("luncheons", "luncheon_hosts", "luncheon_group_min"):
            refuse(getattr(self, name) < 0, f"{name} must be >= 0", name)
        refuse(
            self.luncheon_group_max < self.luncheon_group_min,
            "luncheon_group_max is below luncheon_group_min",
            "luncheon_group_max",
        )
        month = self.luncheons_not_before_month
        refuse(
            month is not None and not 1 <= month <= 12,
            "a month is 1 to 12",
            "luncheons_not_before_month",
        )


@dataclass(frozen=True, slots=True)
class FeePolicy(Section):
    """The program fee, in cents, and who is billed."""

    amount_cents: int = 0
    billed_to: FeePayer = FeePayer.NONE

    def __post_init__(self) -> None:
        refuse(self.amount_cents < 0, "a fee cannot be negative", "amount_cents")
        refuse(
            self.amount_cents > 0 and self.billed_to is FeePayer.NONE,
            "a fee must say who is billed",
            "billed_to",
        )


@dataclass(frozen=True, slots=True)
class CalendarEntry(Section):
    """One event of the preset's calendar, placed relative to the cohort's start: ``months``
    and ``days`` after it (negative: before), lasting ``lasts_months`` and ``lasts_days``."""

    kind: EventKind
    title: str
    months: int = 0
    days: int = 0
    lasts_months: int = 0
    lasts_days: int = 0

    def __post_init__(self) -> None:
        refuse(not self.title.strip(), "an event has a title", "title")
        refuse(
            self.lasts_months < 0 or self.lasts_days < 0,
            "an event cannot end before it starts",
            "lasts_days",
        )
