"""When an evaluation may be given, and that each respondent gives each one once.

Caltrans' relationship checkup comes "every two months" (002 worksheet): checkup N opens on
its date and stays the one to answer until checkup N+1 opens. Charlotte's mid-point
evaluation comes at the term's mid-point, not before (000 "Expectations"). Every other
evaluation (final, outcome review) is one period for the whole term. Charlotte's mentees
evaluate monthly (001): one period per month of the term. The month-3 compatibility check
(000) opens and closes with the checkpoint window. The program evaluation is answered in the
rounds of the cohort's calendar (Maine's March, 004; Charlotte's "periodically", 000), one
period per round; Caltrans' and NC's come at the conclusion (002 "at the conclusion of the
mentoring program period", 003 "upon conclusion of the mentorship"): from the term's last
month. A cohort whose calendar has no program-evaluation event takes it once, any day.
A respondent answers each period once; a second answer is refused, never double counted.
An answer keeps the period it was given for: the coordinator edits the calendar and a term's
dates may change (Caltrans' agreed term), and neither moves an answer into another period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.calendar.evaluation_rounds import EvaluationRound, next_round, round_on
from app.domain.errors import Conflict, TransitionRefused
from app.domain.policy.model import EvaluationKind
from app.domain.timeline import Timeline


@dataclass(frozen=True, slots=True)
class EvaluationPeriod:
    """Which evaluation an answer belongs to: checkup N, or the term's one of its kind."""

    kind: EvaluationKind
    number: int | None = None

    @property
    def label(self) -> str:
        return f"{self.kind} {self.number}" if self.number is not None else str(self.kind)


def period_on(
    timeline: Timeline,
    kind: EvaluationKind,
    day: date,
    rounds: Sequence[EvaluationRound] = (),
) -> EvaluationPeriod | None:
    """The period an answer given on ``day`` belongs to; None when none is due or open then.
    ``rounds``: the program evaluation's rounds on the pair's cohort calendar."""
    if kind is EvaluationKind.CHECKUP:
        opened = sum(1 for due in timeline.checkups if due <= day)
        return EvaluationPeriod(kind, opened) if opened else None
    if kind is EvaluationKind.MIDPOINT and timeline.midpoint_on is not None:
        return EvaluationPeriod(kind) if day >= timeline.midpoint_on else None
    if kind in _AT_THE_END and timeline.final_opens_on is not None:
        return EvaluationPeriod(kind) if day >= timeline.final_opens_on else None
    if kind is EvaluationKind.MONTHLY:
        month = max((w.month for w in timeline.cadence_windows if w.starts_on <= day), default=None)
        return EvaluationPeriod(kind, month) if month is not None else None
    if kind is EvaluationKind.COMPATIBILITY_CHECK:
        opens = timeline.checkpoint_opens_on
        return EvaluationPeriod(kind) if opens is not None and day >= opens else None
    if kind is EvaluationKind.PROGRAM:
        return _program_period(timeline, rounds, day)
    return EvaluationPeriod(kind)


def _program_period(
    timeline: Timeline, rounds: Sequence[EvaluationRound], day: date
) -> EvaluationPeriod | None:
    # Timed at the term's end (002, 003), the calendar's rounds do not apply.
    at_end = timeline.program_evaluation_opens_on
    if at_end is not None:
        return EvaluationPeriod(EvaluationKind.PROGRAM) if day >= at_end else None
    if not rounds:
        return EvaluationPeriod(EvaluationKind.PROGRAM)
    found = round_on(rounds, day)
    return EvaluationPeriod(EvaluationKind.PROGRAM, found.number) if found else None


# The final evaluation and NC's outcome review belong to the term's last month (000
# "Expectations": "mid-point and ending"; 003: "during the final meeting at the conclusion").
_AT_THE_END = frozenset({EvaluationKind.FINAL, EvaluationKind.OUTCOME_REVIEW})


def due_period(
    timeline: Timeline,
    kind: EvaluationKind,
    today: date,
    rounds: Sequence[EvaluationRound] = (),
) -> EvaluationPeriod:
    """The period answered today, or a refusal saying when the first (or next) one opens."""
    found = period_on(timeline, kind, today, rounds)
    if found is not None:
        return found
    if kind is EvaluationKind.CHECKUP:
        first = timeline.checkups[0].isoformat() if timeline.checkups else "never"
        raise TransitionRefused(f"the first checkup is due on {first}", rule="checkup_not_due")
    if kind in _AT_THE_END:
        opens = timeline.final_opens_on.isoformat() if timeline.final_opens_on else "never"
        raise TransitionRefused(
            f"the {kind} evaluation is given from {opens}, in the term's last month "
            f"(the term ends on {timeline.ends_on.isoformat()})",
            rule="final_not_due",
        )
    if kind is EvaluationKind.MONTHLY:
        raise TransitionRefused(
            f"monthly evaluations start on {timeline.starts_on.isoformat()}", rule="monthly_not_due"
        )
    if kind is EvaluationKind.COMPATIBILITY_CHECK:
        check_opens = timeline.checkpoint_opens_on
        raise TransitionRefused(
            "the compatibility check opens on "
            f"{check_opens.isoformat() if check_opens else 'never'}",
            rule="checkpoint_not_open",
        )
    if kind is EvaluationKind.PROGRAM:
        raise _program_evaluation_closed(timeline, rounds, today)
    midpoint = timeline.midpoint_on.isoformat() if timeline.midpoint_on else "never"
    raise TransitionRefused(f"the mid-point is {midpoint}", rule="midpoint_not_reached")


def _program_evaluation_closed(
    timeline: Timeline, rounds: Sequence[EvaluationRound], today: date
) -> TransitionRefused:
    at_end = timeline.program_evaluation_opens_on
    if at_end is not None:
        return TransitionRefused(
            f"the program evaluation is given at the conclusion, from {at_end.isoformat()} "
            f"in the term's last month (the term ends on {timeline.ends_on.isoformat()})",
            rule="program_evaluation_not_due",
        )
    coming = next_round(rounds, today)
    when = (
        f"round {coming.number} opens on {coming.opens_on.isoformat()} and runs to "
        f"{coming.closes_on.isoformat()}"
        if coming is not None
        else f"the last round closed on {max(r.closes_on for r in rounds).isoformat()}"
    )
    return TransitionRefused(
        f"the program evaluation is answered in the rounds on the cohort's calendar; no round "
        f"is open on {today.isoformat()}: {when}",
        field="kind",
        rule="program_evaluation_round_closed",
    )


def require_compatibility_check_open(
    timeline: Timeline, today: date, *, late_refused: bool
) -> None:
    """The month-3 compatibility check is the checkpoint's own evaluation (000 "Relationship
    Compatibility": "toward the end of the first three months ... evaluate the process and
    progress to this point"), so it closes with the checkpoint's window: past it, an answer
    is refused where the program refuses late checkpoint answers."""
    closes = timeline.checkpoint_closes_on
    if closes is None or today <= closes or not late_refused:
        return
    opens = timeline.checkpoint_opens_on
    assert opens is not None
    raise TransitionRefused(
        f"the compatibility check took answers from {opens.isoformat()} to "
        f"{closes.isoformat()}, with the checkpoint",
        field="kind",
        rule="checkpoint_closed",
    )


# The kinds whose periods carry a number whatever the calendar (checkup N, month N).
_NUMBERED = frozenset({EvaluationKind.CHECKUP, EvaluationKind.MONTHLY})


def answered_period(
    timeline: Timeline,
    kind: EvaluationKind,
    number: int | None,
    day: date,
    rounds: Sequence[EvaluationRound] = (),
) -> EvaluationPeriod | None:
    """The period an answer given on ``day`` was given for: the one stored with it, ``number``
    (None for a kind with one period per term). An answer stored before periods were has no
    number where its kind numbers its periods: it belongs to the period its date falls in."""
    if number is not None:
        return EvaluationPeriod(kind, number)
    in_rounds = kind is EvaluationKind.PROGRAM and bool(rounds)
    if kind in _NUMBERED or (in_rounds and timeline.program_evaluation_opens_on is None):
        return period_on(timeline, kind, day, rounds)
    return EvaluationPeriod(kind)


def require_first_answer(period: EvaluationPeriod, mine: Iterable[EvaluationPeriod]) -> None:
    """A respondent answers each period once."""
    if period in set(mine):
        raise Conflict(
            f"you have already given the {period.label} evaluation",
            rule="evaluation_already_submitted",
        )
