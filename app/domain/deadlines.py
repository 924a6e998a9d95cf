"""Which of a mentorship's dates have come due: the checkpoint opening, each checkup, the
mid-point, the initial-meeting window, the term's end, the cohort's confirm-by date, and the
opening of each round of the program evaluation on the cohort's calendar. Reminders are
announced once per date by whoever runs the clock; the rules for which dates count live here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.calendar.evaluation_rounds import EvaluationRound, round_on
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import EvaluationKind, EvaluationPolicy


class DeadlineKind(StrEnum):
    CONFIRM_BY = "confirm_by"
    INITIAL_MEETING = "initial_meeting"
    CHECKPOINT = "checkpoint"
    CHECKUP = "checkup"
    MIDPOINT = "midpoint"
    TERM_END = "term_end"
    PROGRAM_EVALUATION = "program_evaluation"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date come due; ``evaluation_round``: the program evaluation's round that opened."""

    kind: DeadlineKind
    due_on: date
    evaluation_round: int | None = None


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


def program_evaluation_due(
    status: MentorshipStatus,
    today: date,
    rounds: Sequence[EvaluationRound],
    answered: Iterable[tuple[Party, int]] = (),
) -> tuple[Deadline, ...]:
    """The round of the program evaluation an active pair is asked to answer ``today``: the
    one an answer given today would belong to, dated the day it opened, unless every side
    that answers the program evaluation has answered it (``answered``: side, round number).
    Only an active pair may answer it, so only an active pair is asked; a program that gives
    it at the term's end keeps the term-end reminder instead (002, 003)."""
    # seed 000_4e18aab21704e587.txt "Program Evaluations": "You will be asked periodically to
    # complete an online evaluation"; 004 "March 2004 Evaluate program".
    evaluations = status.policy.evaluations
    runs_rounds = EvaluationKind.PROGRAM in evaluations.kinds()
    if status.state is not MentorshipState.ACTIVE or not runs_rounds:
        return ()
    if evaluations.program_evaluation_at_end:
        return ()
    found = round_on(rounds, today)
    if found is None:
        return ()
    done = {party for party, number in answered if number == found.number}
    if _respondents(evaluations) <= done:
        return ()
    return (Deadline(DeadlineKind.PROGRAM_EVALUATION, found.opens_on, found.number),)


def _respondents(evaluations: EvaluationPolicy) -> frozenset[Party]:
    form = evaluations.form(EvaluationKind.PROGRAM)
    if form is None:
        return frozenset({Party.MENTOR, Party.MENTEE})
    return frozenset(Party(side.value) for side in form.respondents)
