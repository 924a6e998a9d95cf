"""Is a pair keeping the meeting cadence its policy asks for? (the seeds' "avoider" signal)

Caltrans asks for about two meetings and three hours a month (002 FAQ), NC at least one
meeting a month (003 "Duration"). A month counts once it is over; a pair whose last finished
month fell short, or who missed the initial-meeting window, is `at_risk`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.timeline import CadenceWindow, Timeline


@dataclass(frozen=True, slots=True)
class MeetingFact:
    """When a meeting was held and how long it lasted: facts, never what was said.
    A cancelled meeting stays on record but never counts."""

    held_on: date
    hours: float
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class MonthCadence:
    """One month of the term against the policy's minimum."""

    month: int
    starts_on: date
    ends_on: date
    meetings: int
    hours: float
    min_meetings: int
    min_hours: float
    finished: bool

    @property
    def short(self) -> bool:
        """True when the month is over and fell below the minimum meetings or hours."""
        below = self.meetings < self.min_meetings or self.hours + 1e-9 < self.min_hours
        return self.finished and below


@dataclass(frozen=True, slots=True)
class CadenceReport:
    """The pair's months so far, and whether it has fallen behind."""

    months: tuple[MonthCadence, ...]
    initial_meeting_missed: bool
    at_risk: bool
    reason: str


def _month(window: CadenceWindow, meetings: list[MeetingFact], today: date) -> MonthCadence:
    inside = [m for m in meetings if window.starts_on <= m.held_on <= window.ends_on]
    return MonthCadence(
        month=window.month,
        starts_on=window.starts_on,
        ends_on=window.ends_on,
        meetings=len(inside),
        hours=round(sum(m.hours for m in inside), 2),
        min_meetings=window.min_meetings,
        min_hours=window.min_hours,
        finished=window.ends_on < today,
    )


def cadence(timeline: Timeline, meetings: Iterable[MeetingFact], today: date) -> CadenceReport:
    """The cadence of a pair on ``today``: months begun so far, and the at-risk signal."""
    held = sorted((m for m in meetings if not m.cancelled), key=lambda m: m.held_on)
    months = tuple(_month(w, held, today) for w in timeline.cadence_windows if w.starts_on <= today)
    due = timeline.initial_meeting_due_on
    missed = due is not None and due < today and not any(m.held_on <= due for m in held)
    finished = [m for m in months if m.finished]
    last_short = bool(finished) and finished[-1].short
    if missed:
        reason = f"no meeting was held by {due.isoformat() if due else ''}"
    elif last_short:
        last = finished[-1]
        reason = (
            f"month {last.month} had {last.meetings} meetings and {last.hours:g} hours; "
            f"the policy asks for {last.min_meetings} and {last.min_hours:g}"
        )
    else:
        reason = "keeping the cadence"
    return CadenceReport(months, missed, missed or last_short, reason)
