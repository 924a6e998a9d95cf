"""When a new pair's term starts and ends.

The term is the pair's, not the cohort's: "a formal one-to-one relationship for a period of
9 months" (000 "Description"), "the recommended duration of the relationship is six-months"
(002 FAQ), "at least a one-year partnership" (003 "Duration"). Pairs do not all form on the
cohort's first day: a Caltrans mentee seeks out a volunteer mentor from a list "readily
available for all employees to use when seeking out a mentor" (002), an NC coordinator
matches people as they come (003), a committee or a referral may match late. A pair formed
late starts on its own day, so its initial meeting, which "should occur soon after the first
contact when participants receive their mentor/mentee assignment" (003 "Initial Meeting"),
and its months are counted from then, not from a day already past.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.domain.calendar.cohort_calendar import Dated, cohort_formal_end, formal_end
from app.domain.errors import TransitionRefused
from app.domain.policy.model import Policy


def pair_starts_on(cohort_starts_on: date, today: date) -> date:
    """A new pair starts on the day it is formed, or on the cohort's start if it is formed
    before the cohort starts. (A rematch keeps its own rule: ``rematch.successor_term``.)"""
    return max(cohort_starts_on, today)


def pair_ends_on(
    policy: Policy, starts_on: date, cohort_ends_on: date | None, events: Iterable[Dated]
) -> date | None:
    """Where the policy ends every term at the cohort's formal end (Maine, 004 "Schedule of
    Events": "Formal relationships end" at the final celebratory event), a late pair ends
    there too, and none is formed once that day has come; None: the term runs its months."""
    events = tuple(events)
    end = cohort_formal_end(policy, cohort_ends_on, events)
    if end is not None and end <= starts_on:
        raise TransitionRefused(
            f"this cohort's formal relationships ended on {end.isoformat()}; a pair formed "
            "now has no term left in it",
            field="cohort_id",
            rule="cohort_formal_end_passed",
        )
    return formal_end(policy, starts_on, cohort_ends_on, events)
