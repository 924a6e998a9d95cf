"""Which of a mentorship's dates have come due: the checkpoint opening, each checkup, the
mid-point, the initial-meeting window, the term's end, and the cohort's confirm-by date.
Reminders are announced once per date by whoever runs the clock; the rules for which dates
count live here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus


class DeadlineKind(StrEnum):
    CONFIRM_BY = "confirm_by"
    INITIAL_MEETING = "initial_meeting"
    CHECKPOINT = "checkpoint"
    CHECKUP = "checkup"
    MIDPOINT = "midpoint"
    TERM_END = "term_end"


@dataclass(frozen=True, slots=True)
class Deadline:
    kind: DeadlineKind
    due_on: date


def due_deadlines(
    status: MentorshipStatus, today: date, *, confirm_by: date | None = None
) -> tuple[Deadline, ...]:
    """The dates of a running mentorship that fall on or before ``today``, in date order;
    ``confirm_by``: the pair's confirm-by date (``cohort_calendar.pair_confirm_by``), a deadline
    for a pair still unconfirmed (004 "Schedule of Events": "Sept 1 Participants confirm
    mentoring matches")."""
    if status.state is MentorshipState.PROPOSED:
        late = confirm_by is not None and confirm_by <= today
        return (Deadline(DeadlineKind.CONFIRM_BY, confirm_by),) if late and confirm_by else ()
    if status.state not in (MentorshipState.CONFIRMED, MentorshipState.ACTIVE):
        return ()
    timeline = status.timeline
    found = []
    if timeline.initial_meeting_due_on is not None:
        found.append(Deadline(DeadlineKind.INITIAL_MEETING, timeline.initial_meeting_due_on))
    if status.state is MentorshipState.ACTIVE:
        if timeline.checkpoint_opens_on is not None and status.checkpoint_outcome is None:
            found.append(Deadline(DeadlineKind.CHECKPOINT, timeline.checkpoint_opens_on))
        found += [Deadline(DeadlineKind.CHECKUP, day) for day in timeline.checkups]
        if timeline.midpoint_on is not None:
            found.append(Deadline(DeadlineKind.MIDPOINT, timeline.midpoint_on))
        found.append(Deadline(DeadlineKind.TERM_END, timeline.ends_on))
    return tuple(sorted((d for d in found if d.due_on <= today), key=lambda d: d.due_on))
