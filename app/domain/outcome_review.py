"""NC's conclusion (003 "Setting Learning and Development Goals"): "A review of the plan and
the outcomes of the partnership, relative to goals set and achieved, should be discussed, and
documented during the final meeting ... Outcomes should also be shared with the program
coordinator." So the review is of the plan itself: each goal and objective carries its outcome
and progress before the review is recorded; what reaches the coordinator is those outcomes and
the review's non-confidential answers, never its free text."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.forms.model import EvaluationForm, confidential_keys

REVIEWED_KINDS = frozenset({"goal", "objective"})


@dataclass(frozen=True, slots=True)
class PlanItem:
    """A goal or objective of the plan as the review reads it."""

    id: Hashable
    kind: str
    text: str
    progress: int
    outcome: str | None


def require_outcomes(plan: Sequence[PlanItem]) -> None:
    """Refuse the review while a goal or objective has no outcome, naming each one."""
    missing = [i for i in plan if i.kind in REVIEWED_KINDS and not (i.outcome or "").strip()]
    if missing:
        named = "; ".join(f"{i.kind} {i.text!r}" for i in missing)
        raise InvalidInput(
            f"record the outcome and progress of each goal and objective first: {named}",
            field="goal_outcomes",
            rule="plan_outcomes_missing",
        )


def shared_with_coordinator(
    form: EvaluationForm | None, answers: Mapping[str, object]
) -> dict[str, object]:
    """The review's answers the coordinator reads: all but its confidential items."""
    if form is None:
        return {}
    hidden = confidential_keys(form)
    return {k: v for k, v in answers.items() if k not in hidden}
