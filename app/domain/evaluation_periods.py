"""When an evaluation may be given, and that each respondent gives each one once.

Caltrans' relationship checkup comes "every two months" (002 worksheet): checkup N opens on
its date and stays the one to answer until checkup N+1 opens. Charlotte's mid-point
evaluation comes at the term's mid-point, not before (000 "Expectations"). Every other
evaluation (final, outcome review, program evaluation) is one period for the whole term.
Charlotte's mentees evaluate monthly (001): one period per month of the term. The month-3
compatibility check (000) opens and closes with the checkpoint window. Caltrans' program
evaluation comes "at the conclusion of the mentoring program period" (002): from the term's
last month.
A respondent answers each period once; a second answer is refused, never double counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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


def period_on(timeline: Timeline, kind: EvaluationKind, day: date) -> EvaluationPeriod | None:
    """The period an answer given on ``day`` belongs to; None when none is due yet."""
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
    if kind is EvaluationKind.PROGRAM and timeline.program_evaluation_opens_on is not None:
        return EvaluationPeriod(kind) if day >= timeline.program_evaluation_opens_on else None
    return EvaluationPeriod(kind)


# The final evaluation and NC's outcome review belong to the term's last month (000
# "Expectations": "mid-point and ending"; 003: "during the final meeting at the conclusion").
_AT_THE_END = frozenset({EvaluationKind.FINAL, EvaluationKind.OUTCOME_REVIEW})


def due_period(timeline: Timeline, kind: EvaluationKind, today: date) -> EvaluationPeriod:
    """The period answered today, or a refusal saying when the first one opens."""
    found = period_on(timeline, kind, today)
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
    if kind is EvaluationKind.PROGRAM and timeline.program_evaluation_opens_on is not None:
        raise TransitionRefused(
            "the program evaluation is given at the conclusion, from "
            f"{timeline.program_evaluation_opens_on.isoformat()} in the term's last month "
            f"(the term ends on {timeline.ends_on.isoformat()})",
            rule="program_evaluation_not_due",
        )
    midpoint = timeline.midpoint_on.isoformat() if timeline.midpoint_on else "never"
    raise TransitionRefused(f"the mid-point is {midpoint}", rule="midpoint_not_reached")


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


def require_first_answer(period: EvaluationPeriod, mine: Iterable[EvaluationPeriod]) -> None:
    """A respondent answers each period once."""
    if period in set(mine):
        raise Conflict(
            f"you have already given the {period.label} evaluation",
            rule="evaluation_already_submitted",
        )
