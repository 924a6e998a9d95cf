"""Is a pair keeping the meeting cadence its policy asks for? (the seeds' "avoider" signal)

Caltrans asks for about two meetings and three hours a month (002 FAQ), NC at least one
meeting a month (003 "Duration"). A month counts once it is over; a pair is `at_risk` when
the months finished so far fall short (each month, or on average, as the policy measures),
or when no initial meeting long enough was held in its window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from app.domain.policy.model import CadenceMeasure, Policy
from app.domain.timeline import CadenceWindow, Timeline


@dataclass(frozen=True, slots=True)
class MeetingFact:
    """When a meeting was held and how long it lasted: facts, never what was said.
    A cancelled meeting stays on record but never counts."""

    held_on: date
    hours: float
    cancelled: bool = False
    face_to_face: bool = True  # in person or virtual, not an email or phone check-in


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
    short_months: tuple[int, ...] = ()
    initial_meeting_held: bool = True  # in its window (or the program asks for none)
    # The day of the first meeting that counts as the initial one (None: none held yet).
    initial_meeting_on: date | None = None


def _month(
    window: CadenceWindow, held: list[MeetingFact], met: list[MeetingFact], today: date
) -> MonthCadence:
    """One month: the hours of every meeting ``held`` in it, the count of those ``met``."""

    def inside(m: MeetingFact) -> bool:
        return window.starts_on <= m.held_on <= window.ends_on

    return MonthCadence(
        month=window.month,
        starts_on=window.starts_on,
        ends_on=window.ends_on,
        meetings=sum(1 for m in met if inside(m)),
        hours=round(sum(m.hours for m in held if inside(m)), 2),
        min_meetings=window.min_meetings,
        min_hours=window.min_hours,
        finished=window.ends_on < today,
    )


def cadence(
    timeline: Timeline,
    meetings: Iterable[MeetingFact],
    today: date,
    *,
    measured: CadenceMeasure = CadenceMeasure.EACH_MONTH,
    initial_min_hours: float = 0.0,
    recommended: bool = True,
    agreed_frequency: str | None = None,
    face_to_face_only: bool = False,
) -> CadenceReport:
    """The cadence of a pair on ``today``, judged over every month of the term finished so far:
    each month against the minimum (NC: "at least one meeting per month", 003), or the months
    together on average (Caltrans: "about twice a month", "approximately 3 hours", 002).
    ``face_to_face_only``: email and phone check-ins are no meetings, the initial one included
    (NC: "At least one face-to-face [in-person or virtual] meeting ... per month", 003)."""
    held = sorted((m for m in meetings if not m.cancelled), key=lambda m: m.held_on)
    # A check-in's hours are time "in conversations" (003 "Expectations"); it is no meeting.
    met = [m for m in held if m.face_to_face or not face_to_face_only]
    agreed = meetings_agreed(agreed_frequency)
    windows = [w for w in timeline.cadence_windows if w.starts_on <= today]
    if agreed is not None:
        windows = [replace(w, min_meetings=max(w.min_meetings, agreed)) for w in windows]
    months = tuple(_month(w, held, met, today) for w in windows)
    due = timeline.initial_meeting_due_on
    # 003 "Initial Meeting": "at least one hour for the initial one-on-one meeting"
    initial = [m.held_on for m in met if m.hours + 1e-9 >= initial_min_hours]
    first_held = any(d <= due for d in initial) if due else True
    # Without a window the pair's first meeting of the hours asked is its initial meeting.
    initial_on = initial[0] if initial and (due is None or initial[0] <= due) else None
    missed = due is not None and due < today and not first_held
    finished = [m for m in months if m.finished]
    short = tuple(m.month for m in finished if m.short)
    behind = _behind(finished, measured)
    if behind and recommended:
        behind = f"{behind} (a recommendation, not a requirement)"
    if missed:
        reason = f"no meeting of at least {initial_min_hours:g} hours was held by {due}"
    elif behind:
        reason = behind
    else:
        reason = "keeping the cadence"
    return CadenceReport(
        months, missed, missed or bool(behind), reason, short, first_held, initial_on
    )


def pair_cadence(
    timeline: Timeline,
    policy: Policy,
    meetings: Iterable[MeetingFact],
    today: date,
    agreed_frequency: str | None = None,
) -> CadenceReport:
    """`cadence` under a pair's policy (its snapshot): how it measures, the initial meeting's
    hours, whether the cadence is only recommended, whether check-ins count as meetings."""
    return cadence(
        timeline,
        meetings,
        today,
        measured=policy.cadence.measured,
        initial_min_hours=policy.onboarding.initial_meeting_min_hours,
        recommended=policy.cadence.recommended,
        agreed_frequency=agreed_frequency,
        face_to_face_only=policy.cadence.face_to_face_meetings_only,
    )


def _behind(finished: list[MonthCadence], measured: CadenceMeasure) -> str:
    """Why the finished months fall short of the policy ("": they do not)."""
    if not finished:
        return ""
    first = finished[0]
    if measured is CadenceMeasure.ON_AVERAGE:
        count = len(finished)
        meetings = sum(m.meetings for m in finished) / count
        hours = sum(m.hours for m in finished) / count
        if meetings >= first.min_meetings and hours + 1e-9 >= first.min_hours:
            return ""
        return (
            f"over {count} months, {meetings:.2g} meetings and {hours:.2g} hours a month on "
            f"average; the policy asks for about {first.min_meetings} and {first.min_hours:g}"
            + _listed(finished)
        )
    if not any(m.short for m in finished):
        return ""
    return (
        f"the policy asks for at least {first.min_meetings} meetings and "
        f"{first.min_hours:g} hours every month" + _listed(finished)
    )


def _listed(finished: list[MonthCadence]) -> str:
    short = [str(m.month) for m in finished if m.short]
    return f"; short: month {', '.join(short)}" if short else ""


# 000 "Mentoring Relationship Agreement": "Frequency of mentor-mentee contact (weekly,
# bi-weekly, monthly, etc.)".
_AGREED_PER_MONTH = {"weekly": 4, "bi-weekly": 2, "biweekly": 2, "twice a month": 2, "monthly": 1}


def meetings_agreed(frequency: str | None) -> int | None:
    """Meetings a month the pair agreed in its agreement (Charlotte), when it says so."""
    if frequency is None:
        return None
    return _AGREED_PER_MONTH.get(frequency.strip().lower())
