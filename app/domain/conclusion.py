"""NC's conclusion and its monthly reports (seed 003).

"The program coordinator will discuss individually with the mentor and mentee, upon conclusion
of the mentorship, their experience" ("Evaluation"): one debrief per participant, once the
relationship has concluded, recorded by the coordinator. The mentee will "Track and report
monthly progress, assignments, and activities" and the mentor "Inform program coordinator /
manager of mentee's progress" ("Expectations", "Roles"): one report per side and month of the
term; its facts go to the coordinator, its reflections stay with the one who wrote them.

The mentee's report is an expectation each month ("Track and report monthly progress"); the
mentor's report to the coordinator has no stated frequency, so only the mentee's missing month
is owed. A month's report is given during that month (``report_month``), so once a month of
the running term has ended without the mentee's report it is missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.errors import Conflict, InvalidInput, TransitionRefused
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import TERMINAL_STATES, MentorshipState
from app.domain.lifecycle.status import MentorshipStatus

PARTICIPANT_SIDES = (Party.MENTEE, Party.MENTOR)
# A partnership concludes when it completes or is ended after it ran; a pair withdrawn or
# rematched before or instead of running has no experience of its own to discuss.
CONCLUDED_STATES = frozenset({MentorshipState.COMPLETED, MentorshipState.ENDED})


def check_debrief(
    status: MentorshipStatus, *, party: Party, held_on: date, done: Iterable[Party]
) -> None:
    """Refuse a debrief the policy does not hold, before the conclusion, or a second one."""
    if not status.policy.ending.coordinator_debriefs_each:
        raise TransitionRefused(
            "this program's coordinator holds no individual debriefs", rule="no_debriefs"
        )
    if party not in PARTICIPANT_SIDES:
        raise InvalidInput("a debrief is with the mentee or the mentor", field="party")
    if status.state not in TERMINAL_STATES or status.closed_on is None:
        raise TransitionRefused(
            "a debrief is held upon conclusion of the mentorship", rule="not_concluded"
        )
    if held_on < status.closed_on:
        raise InvalidInput(
            f"the mentorship concluded on {status.closed_on.isoformat()}", field="held_on"
        )
    if party in set(done):
        raise Conflict(f"the {party} has had their debrief", rule="debrief_recorded")


def debriefs_owed(status: MentorshipStatus, done: Iterable[Party]) -> tuple[Party, ...]:
    """The sides the coordinator has still to debrief once the partnership has concluded (it
    ran, then completed or ended); none where the policy holds no debriefs."""
    if not status.policy.ending.coordinator_debriefs_each:
        return ()
    if status.state not in CONCLUDED_STATES or status.activated_on is None:
        return ()
    if status.closed_on is None:
        return ()
    had = set(done)
    return tuple(side for side in PARTICIPANT_SIDES if side not in had)


def report_month(status: MentorshipStatus, today: date) -> int:
    """The month of the term a progress report given today covers; refused where the policy
    asks for none, or outside the running term."""
    if not status.policy.goals.monthly_progress_reports:
        raise TransitionRefused(
            "this program asks for no monthly progress reports", rule="no_progress_reports"
        )
    if status.state is not MentorshipState.ACTIVE:
        raise TransitionRefused(f"cannot report while {status.state}", rule="wrong_state")
    month = max(
        (w.month for w in status.timeline.cadence_windows if w.starts_on <= today), default=None
    )
    if month is None:
        raise TransitionRefused(
            f"the term starts on {status.timeline.starts_on.isoformat()}", rule="before_term"
        )
    return month


def require_first_report(month: int, mine: Iterable[int]) -> None:
    """Each side reports each month once."""
    if month in set(mine):
        raise Conflict(
            f"you have already reported for month {month}", rule="progress_report_submitted"
        )


@dataclass(frozen=True, slots=True)
class ReportOwed:
    """A month of the running term whose monthly progress report the mentee has not given,
    and the last day of that month (the day it is due)."""

    month: int
    due_on: date


def mentee_reports_owed(
    status: MentorshipStatus, reported_months: Iterable[int], today: date
) -> tuple[ReportOwed, ...]:
    """Each month of an active term begun by ``today`` (from the one it became active in)
    without the mentee's report, in order; none where the policy asks for no reports."""
    if not status.policy.goals.monthly_progress_reports:
        return ()
    if status.state is not MentorshipState.ACTIVE:
        return ()
    given = set(reported_months)
    since = status.activated_on or status.timeline.starts_on
    return tuple(
        ReportOwed(w.month, w.ends_on)
        for w in status.timeline.cadence_windows
        if w.starts_on <= today and w.ends_on >= since and w.month not in given
    )
