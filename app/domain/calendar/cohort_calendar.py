"""A cohort's calendar laid out from its program's policy, and the dates it gives the rules.

Maine's "Schedule of Events" (004) is the model: a social event, preliminary matches, an
orientation, the initial-meetings window, the confirm-by date (a deadline), two networking
events, the March program evaluation and the final celebration, where "formal relationships
end". Charlotte's luncheons come twice in the nine months, "beginning after January 1"
(000 "Group Learning"): in January, then in April. Every date is the coordinator's to edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from app.domain.calendar.kinds import EventKind
from app.domain.calendar_months import add_months
from app.domain.policy.model import CalendarEntry, GroupActivityPolicy, Policy

LUNCHEON_DAY = 15  # mid-month: "beginning after January 1"
LUNCHEON_EVERY_MONTHS = 3  # 000: "in January ... Then, in April"


class Dated(Protocol):
    """An event on a cohort's calendar as the rules read it."""

    @property
    def kind(self) -> str: ...

    @property
    def starts_on(self) -> date: ...

    @property
    def ends_on(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    """An event the policy lays out for a cohort."""

    kind: EventKind
    title: str
    starts_on: date
    ends_on: date | None = None


def planned_calendar(
    policy: Policy, starts_on: date, ends_on: date | None = None
) -> tuple[PlannedEvent, ...]:
    """The events of a cohort starting on ``starts_on``, in date order: the policy's calendar,
    then its luncheons and the group sessions' attendance rule."""
    events = [_placed(entry, starts_on, policy.group_activities) for entry in policy.calendar]
    term_end = cohort_term_end(policy, starts_on, ends_on)
    events += luncheons(policy.group_activities, starts_on, term_end)
    return tuple(sorted(events, key=lambda e: (e.starts_on, e.kind)))


def cohort_term_end(policy: Policy, starts_on: date, ends_on: date | None) -> date:
    """The first day past a cohort's term: its own end, or its start plus the policy's months."""
    return ends_on or add_months(starts_on, policy.duration_months)


def _placed(entry: CalendarEntry, cohort_start: date, groups: GroupActivityPolicy) -> PlannedEvent:
    first = add_months(cohort_start, entry.months) + timedelta(days=entry.days)
    last = None
    if entry.lasts_months or entry.lasts_days:
        last = add_months(first, entry.lasts_months) + timedelta(days=entry.lasts_days)
    title = entry.title
    if entry.kind is EventKind.GROUP_SESSION:
        title = f"{title} ({group_attendance(groups)})"
    return PlannedEvent(entry.kind, title, first, last)


def group_attendance(groups: GroupActivityPolicy) -> str:
    """Who must attend the group sessions (000 "Group Learning": "Mentee participation is
    mandatory, Mentor attendance is usually optional")."""
    mentees = "mandatory" if groups.group_sessions_mandatory_for_mentees else "optional"
    mentors = "mandatory" if groups.group_sessions_mandatory_for_mentors else "optional"
    return f"{mentees} for mentees, {mentors} for mentors"


def luncheons(
    groups: GroupActivityPolicy, starts_on: date, ends_on: date
) -> tuple[PlannedEvent, ...]:
    """The policy's luncheons: the first in the first ``luncheons_not_before_month`` after the
    start (or the start's next month), then every three months, all inside the term."""
    if groups.luncheons == 0:
        return ()
    first = _first_luncheon(groups.luncheons_not_before_month, starts_on)
    found = []
    for number in range(groups.luncheons):
        day = add_months(first, number * LUNCHEON_EVERY_MONTHS)
        if day >= ends_on:
            break
        found.append(PlannedEvent(EventKind.LUNCHEON, f"Luncheon {number + 1}", day))
    return tuple(found)


def _first_luncheon(not_before_month: int | None, starts_on: date) -> date:
    day = add_months(starts_on.replace(day=LUNCHEON_DAY), 1 if starts_on.day >= LUNCHEON_DAY else 0)
    if not_before_month is None:
        return day
    while day.month != not_before_month:
        day = add_months(day, 1)
    return day


def formal_end(
    policy: Policy, starts_on: date, cohort_ends_on: date | None, events: Iterable[Dated]
) -> date | None:
    """Where the policy ends terms at the cohort's formal end (Maine: the final celebration,
    "Formal relationships end", 004), that day: the final event's, else the cohort's end.
    None: the term runs its months from the start."""
    end = cohort_formal_end(policy, cohort_ends_on, events)
    return end if end is not None and end > starts_on else None


def cohort_formal_end(
    policy: Policy, cohort_ends_on: date | None, events: Iterable[Dated]
) -> date | None:
    """The day the cohort's formal relationships end, where the policy ends terms there: its
    final celebration, else the cohort's own end; None where terms run their own months."""
    if not policy.term.ends_at_cohort_end:
        return None
    finals = [e.starts_on for e in events if e.kind == EventKind.FINAL_CELEBRATION]
    return max(finals) if finals else cohort_ends_on


def confirm_by(events: Iterable[Dated]) -> date | None:
    """The cohort's confirm-by date (Maine: "Participants confirm mentoring matches", Sept 1)."""
    found = [e.starts_on for e in events if e.kind == EventKind.MATCH_CONFIRMATION]
    return min(found) if found else None


def pair_confirm_by(
    cohort_confirm_by: date | None, cohort_starts_on: date, pair_starts_on: date
) -> date | None:
    """The day a pair's match is confirmed by. 004 "Schedule of Events": "July-Sept Initial
    meetings of mentoring partners / Sept 1 Participants confirm mentoring matches": the
    partners meet first, then confirm. A pair starting on or before the cohort's confirm-by
    keeps that day; one formed after it (a late match) gets the same allowance from its own
    start (the cohort's confirm-by less its start: the initial-meetings window), rather than
    being overdue the day it forms. None where the cohort has no confirm-by."""
    if cohort_confirm_by is None or pair_starts_on <= cohort_confirm_by:
        return cohort_confirm_by
    allowance = max(cohort_confirm_by - cohort_starts_on, timedelta(0))
    return pair_starts_on + allowance


def applications_close_on(
    policy: Policy, cohort_starts_on: date, cohort_ends_on: date | None, close_on: date | None
) -> date | None:
    """The last day a cohort takes applications; None: it takes them while it has no end.
    The coordinator's close date wins. Without one, where the policy closes them at the start
    (pairs form before the term: 004 "Schedule of Events", 000 "Selection Committee"), the
    start; where pairs form as people come (002's volunteer list "readily available for all
    employees to use when seeking out a mentor", 003's coordinator matching as participants
    are screened), the cohort's last day: the day before its ``ends_on``, which is the first
    day past its term (as ``cohort_term_end``, the luncheons and a pair's term read it)."""
    if close_on is not None:
        return close_on
    if policy.onboarding.applications_close_at_start:
        return cohort_starts_on
    return None if cohort_ends_on is None else cohort_ends_on - timedelta(days=1)
