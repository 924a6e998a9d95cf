"""Every date that matters in a mentorship, computed from its start and its policy snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from app.domain.calendar_months import add_months, month_window
from app.domain.errors import InvalidInput
from app.domain.policy.model import Policy


@dataclass(frozen=True, slots=True)
class CadenceWindow:
    """One month of the term: a meeting must happen by ``ends_on`` for the cadence to hold."""

    month: int
    starts_on: date
    ends_on: date
    min_meetings: int
    min_hours: float


@dataclass(frozen=True, slots=True)
class Timeline:
    """The dates of one mentorship; ``ends_on`` is the first day completion is possible."""

    starts_on: date
    ends_on: date
    duration_months: int
    checkpoint_opens_on: date | None
    checkpoint_due_on: date | None
    midpoint_on: date | None
    checkups: tuple[date, ...]
    initial_meeting_due_on: date | None
    cadence_windows: tuple[CadenceWindow, ...]

    def all_dates(self) -> tuple[date, ...]:
        """Every date on the timeline, in order."""
        optional = (
            self.checkpoint_opens_on,
            self.checkpoint_due_on,
            self.midpoint_on,
            self.initial_meeting_due_on,
        )
        found = [self.starts_on, self.ends_on, *self.checkups]
        found += [d for d in optional if d is not None]
        found += [w.ends_on for w in self.cadence_windows]
        return tuple(sorted(found))


def agreed_duration(policy: Policy, duration_months: int | None) -> int:
    """The term for one pair: the policy's, or a per-pair length inside the policy's bounds."""
    if duration_months is None:
        return policy.duration_months
    low, high = policy.term_bounds()
    if not policy.term.agreed_per_pair and duration_months != policy.duration_months:
        raise InvalidInput(
            f"this program's term is {policy.duration_months} months; pairs do not agree their own",
            field="duration_months",
        )
    if duration_months < low or (high is not None and duration_months > high):
        ceiling = f"{high} months" if high is not None else "no ceiling"
        raise InvalidInput(
            f"a term of {duration_months} months is outside {low} months to {ceiling}",
            field="duration_months",
        )
    return duration_months


def timeline_for(starts_on: date, policy: Policy, duration_months: int | None = None) -> Timeline:
    """The timeline of a mentorship starting on ``starts_on`` under ``policy``."""
    cadence, evaluations = policy.cadence, policy.evaluations
    return _timeline(
        starts_on,
        agreed_duration(policy, duration_months),
        policy.checkpoint_month,
        evaluations.midpoint,
        evaluations.checkup_every_months,
        policy.onboarding.initial_meeting_window_days,
        cadence.min_meetings_per_month,
        cadence.min_hours_per_month,
    )


# A timeline depends on these few values only, and a pair's status needs its own on every
# write (with its cadence windows, month by month): each is computed once. A
# Timeline is deeply frozen, so sharing one is safe; pairs of a cohort share a start.
@lru_cache(maxsize=4096)
def _timeline(
    starts_on: date,
    months: int,
    checkpoint_month: int | None,
    midpoint: bool,
    checkup_every: int | None,
    initial_window_days: int | None,
    min_meetings: int,
    min_hours: float,
) -> Timeline:
    ends_on = add_months(starts_on, months)
    opens = due = None
    if checkpoint_month is not None:
        opens, due = month_window(starts_on, checkpoint_month)
    return Timeline(
        starts_on=starts_on,
        ends_on=ends_on,
        duration_months=months,
        checkpoint_opens_on=opens,
        checkpoint_due_on=due,
        midpoint_on=starts_on + (ends_on - starts_on) // 2 if midpoint else None,
        checkups=_checkups(starts_on, months, checkup_every),
        initial_meeting_due_on=(
            None if initial_window_days is None else starts_on + timedelta(days=initial_window_days)
        ),
        cadence_windows=tuple(
            CadenceWindow(month, *month_window(starts_on, month), min_meetings, min_hours)
            for month in range(1, months + 1)
        ),
    )


def _checkups(starts_on: date, months: int, every: int | None) -> tuple[date, ...]:
    # Counted from the start each time, so a 31st start never drifts to the 28th for good.
    if every is None:
        return ()
    return tuple(add_months(starts_on, m) for m in range(every, months + 1, every))
