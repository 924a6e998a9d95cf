"""The evaluations a running pair records, and what the policy still wants before completion."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.domain.calendar.evaluation_rounds import EvaluationRound
from app.domain.errors import NotPermitted, TransitionRefused
from app.domain.evaluation_periods import (
    EvaluationPeriod,
    due_period,
    require_compatibility_check_open,
    require_first_answer,
)
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipEvent, MentorshipStatus, Transition, require_state
from app.domain.policy.model import EvaluationKind, LateAnswer


def record_evaluation(
    status: MentorshipStatus,
    *,
    kind: EvaluationKind,
    by: Party,
    today: date,
    earlier: Iterable[tuple[Party, EvaluationPeriod]] = (),
    rounds: Sequence[EvaluationRound] = (),
) -> Transition:
    """Record an evaluation the policy runs, once it is due (a checkup from its date, a
    mid-point one from the mid-point, a program evaluation in a round of the cohort's calendar:
    ``rounds``) and once per respondent and period (``earlier``: who answered which period).
    A period counts towards completion once, however many answer it."""
    if by is Party.SYSTEM:
        raise NotPermitted("an evaluation is done by a person", rule="people_only")
    require_state(status, frozenset({MentorshipState.ACTIVE}), "record an evaluation")
    if kind not in status.policy.evaluations.kinds():
        raise TransitionRefused(
            f"this program runs no {kind} evaluation", rule="evaluation_not_in_policy"
        )
    period = due_period(status.timeline, kind, today, rounds)
    if kind is EvaluationKind.COMPATIBILITY_CHECK:
        late_refused = status.policy.checkpoint.late_answers is LateAnswer.REFUSED
        require_compatibility_check_open(status.timeline, today, late_refused=late_refused)
    answered = list(earlier)
    require_first_answer(period, (p for party, p in answered if party is by))
    form = status.policy.evaluations.form(kind)
    if form is not None and by.value not in form.respondents:
        sides = " and ".join(sorted(form.respondents))
        raise NotPermitted(f"the {form.title} is answered by the {sides}", rule="not_a_respondent")
    status = replace(status, evaluations_by=(*status.evaluations_by, (kind, by)))
    if any(p == period for _, p in answered):
        return Transition(status, (MentorshipEvent.EVALUATION_RECORDED,))
    done = replace(status, evaluations_done=(*status.evaluations_done, kind))
    return Transition(done, (MentorshipEvent.EVALUATION_RECORDED,))


@dataclass(frozen=True, slots=True)
class OwedEvaluation:
    """Evaluations still to do before completion, and from whom (None: either side)."""

    kind: EvaluationKind
    count: int
    respondent: Party | None = None

    def describe(self) -> str:
        who = f" from the {self.respondent}" if self.respondent else ""
        return f"{self.count} {self.kind}{who}"


def evaluations_owed(status: MentorshipStatus) -> tuple[OwedEvaluation, ...]:
    """What the policy requires before completion that is not done yet, side by side where
    the form waits for each side (Charlotte: mentor and mentee, at mid-point and end)."""
    owed = []
    by_side = Counter(status.evaluations_by)
    periods = Counter(status.evaluations_done)
    for kind in sorted(status.policy.evaluations.required_before_completion):
        needed = len(status.timeline.checkups) if kind is EvaluationKind.CHECKUP else 1
        form = status.policy.evaluations.form(kind)
        if form is None or not form.required_from:
            if needed > periods[kind]:
                owed.append(OwedEvaluation(kind, needed - periods[kind]))
            continue
        for side in sorted(form.required_from):
            party = Party(side.value)
            if needed > by_side[(kind, party)]:
                owed.append(OwedEvaluation(kind, needed - by_side[(kind, party)], party))
    return tuple(owed)


def missing_evaluations(status: MentorshipStatus) -> dict[EvaluationKind, int]:
    """How many of each evaluation the policy requires before completion are still to do."""
    missing: Counter[EvaluationKind] = Counter()
    for owed in evaluations_owed(status):
        missing[owed.kind] += owed.count
    return dict(sorted(missing.items()))
