"""Every date that matters in a mentorship, computed from its start and its policy snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

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
    checkpoint_closes_on: date | None
    midpoint_on: date | None
    final_opens_on: date | None
    program_evaluation_opens_on: date | None
    checkups: tuple[date, ...]
    initial_meeting_due_on: date | None
    cadence_windows: tuple[CadenceWindow, ...]

    def all_dates(self) -> tuple[date, ...]:
        """Every date on the timeline, in order."""
        optional = (
            self.checkpoint_opens_on,
            self.checkpoint_due_on,
            self.checkpoint_closes_on,
            self.midpoint_on,
            self.final_opens_on,
            self.program_evaluation_opens_on,
            self.initial_meeting_due_on,
        )
        found = [self.starts_on, self.ends_on, *self.checkups]
        found += [d for d in optional if d is not None]
        found += [w.ends_on for w in self.cadence_windows]
        return tuple(sorted(found))


class TimelineRules(NamedTuple):
    """The policy settings a timeline reads, and no others: a small immutable value, so a
    timeline can be kept by its start, its end and these (see ``_timeline``)."""

    # A named tuple rather than a frozen dataclass: one is built and hashed on every status
    # read (each row of a list), and a tuple's construction, hash and comparison run in C
    # where a frozen dataclass's __init__, __hash__ and __eq__ run in Python.

    checkpoint_month: int | None
    checkpoint_closes_after_days: int | None
    midpoint: bool
    final_evaluation: bool
    program_evaluation_at_end: bool
    checkup_every_months: int | None
    initial_meeting_window_days: int | None
    min_meetings_per_month: int
    min_hours_per_month: float


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


def timeline_for(
    starts_on: date,
    policy: Policy,
    duration_months: int | None = None,
    *,
    ends_on: date | None = None,
    checkpoint: bool = True,
) -> Timeline:
    """The timeline of a mentorship starting on ``starts_on`` under ``policy``. ``ends_on``: a
    term that ends on a given day (the cohort's formal end, a rematch's session end) rather
    than after its months; ``checkpoint=False``: a term with no checkpoint of its own (a
    rematch successor continues the session whose checkpoint already came)."""
    if ends_on is None:
        ends_on = add_months(starts_on, agreed_duration(policy, duration_months))
    if ends_on <= starts_on:
        raise InvalidInput("a term ends after it starts", field="ends_on")
    return _timeline(starts_on, ends_on, timeline_rules(policy, checkpoint=checkpoint))


def timeline_rules(policy: Policy, *, checkpoint: bool = True) -> TimelineRules:
    """What ``policy`` says about the dates of a term (``checkpoint=False``: a term with no
    checkpoint of its own)."""
    evaluations, cadence = policy.evaluations, policy.cadence
    return TimelineRules(
        checkpoint_month=policy.checkpoint_month if checkpoint else None,
        checkpoint_closes_after_days=policy.checkpoint.closes_days_after_due,
        midpoint=evaluations.midpoint,
        final_evaluation=evaluations.final or evaluations.outcome_review,
        program_evaluation_at_end=evaluations.program_evaluation_at_end,
        checkup_every_months=evaluations.checkup_every_months,
        initial_meeting_window_days=policy.onboarding.initial_meeting_window_days,
        min_meetings_per_month=cadence.min_meetings_per_month,
        min_hours_per_month=cadence.min_hours_per_month,
    )


def months_between(starts_on: date, ends_on: date) -> int:
    """How many (begun) months of a term from ``starts_on`` it takes to reach ``ends_on``."""
    months = max(1, (ends_on.year - starts_on.year) * 12 + ends_on.month - starts_on.month)
    while add_months(starts_on, months) < ends_on:
        months += 1
    while months > 1 and add_months(starts_on, months - 1) >= ends_on:
        months -= 1
    return months


# A timeline depends on these few values only, and a pair's status needs its own on every
# write (with its cadence windows, month by month): each is computed once. A
# Timeline is deeply frozen, so sharing one is safe; pairs of a cohort share a start.
@lru_cache(maxsize=4096)
def _timeline(starts_on: date, ends_on: date, rules: TimelineRules) -> Timeline:
    months = months_between(starts_on, ends_on)
    # The term's last month: the final evaluations, and a program evaluation timed at the end.
    last_month = max(starts_on, add_months(ends_on, -1))
    opens, due, closes = _checkpoint_window(starts_on, ends_on, rules)
    window_days = rules.initial_meeting_window_days
    return Timeline(
        starts_on=starts_on,
        ends_on=ends_on,
        duration_months=months,
        checkpoint_opens_on=opens,
        checkpoint_due_on=due,
        checkpoint_closes_on=closes,
        midpoint_on=starts_on + (ends_on - starts_on) // 2 if rules.midpoint else None,
        final_opens_on=last_month if rules.final_evaluation else None,
        program_evaluation_opens_on=last_month if rules.program_evaluation_at_end else None,
        checkups=_checkups(starts_on, ends_on, rules.checkup_every_months),
        initial_meeting_due_on=(
            None if window_days is None else starts_on + timedelta(days=window_days)
        ),
        cadence_windows=tuple(
            _cadence_window(starts_on, ends_on, month, rules) for month in range(1, months + 1)
        ),
    )


def _checkpoint_window(
    starts_on: date, ends_on: date, rules: TimelineRules
) -> tuple[date | None, date | None, date | None]:
    # A checkpoint that would fall on or after the term's end has no window at all.
    month = rules.checkpoint_month
    if month is None or add_months(starts_on, month) >= ends_on:
        return None, None, None
    opens, due = month_window(starts_on, month)
    after = rules.checkpoint_closes_after_days
    return opens, due, None if after is None else due + timedelta(days=after)


def _cadence_window(
    starts_on: date, ends_on: date, month: int, rules: TimelineRules
) -> CadenceWindow:
    first, last = month_window(starts_on, month)
    return CadenceWindow(
        month,
        first,
        min(last, ends_on - timedelta(days=1)),
        rules.min_meetings_per_month,
        rules.min_hours_per_month,
    )


def _checkups(starts_on: date, ends_on: date, every: int | None) -> tuple[date, ...]:
    # Counted from the start each time, so a 31st start never drifts to the 28th for good.
    if every is None:
        return ()
    found, month = [], every
    while (day := add_months(starts_on, month)) <= ends_on:
        found.append(day)
        month += every
    return tuple(found)
