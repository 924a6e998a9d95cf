"""A cohort's answers to a form, item by item, in the form's own direction and labels: the
mean of a Caltrans checkup item reads on 1 = Strongly Agree ... 5 = Strongly Disagree, never
silently flipped. Confidential items are never reported; small groups are suppressed."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from app.domain.forms.kinds import EvaluationKind
from app.domain.forms.model import EvaluationForm, ItemKind, ScaleEnd
from app.domain.small_groups import SMALLEST_GROUP, Aggregate, aggregate


@dataclass(frozen=True, slots=True)
class ItemReport:
    """One item's aggregate, with what its numbers mean."""

    kind: EvaluationKind
    form_version: int
    key: str
    text: str
    scale: str | None
    favourable: ScaleEnd | None
    unit: str
    aggregate: Aggregate
    # The program evaluation's round on the cohort's calendar the answers were given in; None:
    # the kind has no rounds (or an answer fell outside every round).
    evaluation_round: int | None = None


@dataclass(frozen=True, slots=True)
class GivenAnswers:
    """One respondent's answers to one form version."""

    respondent: Hashable
    form_version: int | None
    answers: Mapping[str, object]


def report_items(
    form: EvaluationForm, given: Iterable[GivenAnswers], evaluation_round: int | None = None
) -> tuple[ItemReport, ...]:
    """Aggregates of the scale and number items of ``form`` over answers to its version
    (those of one round, ``evaluation_round``, where the evaluation runs in rounds)."""
    same_version = [g for g in given if g.form_version == form.version]
    people = {g.respondent for g in same_version}
    reports = []
    for item in form.items:
        if item.confidential or item.kind is ItemKind.TEXT:
            continue
        values = [
            float(v)
            for g in same_version
            if isinstance(v := g.answers.get(item.key), int | float) and not isinstance(v, bool)
        ]
        found = aggregate(values)
        if len(people) < SMALLEST_GROUP and values:
            found = Aggregate(found.count, None, True)
        scale = item.scale
        reports.append(
            ItemReport(
                kind=form.kind,
                form_version=form.version,
                key=item.key,
                text=item.text,
                scale=scale.describe() if scale else None,
                favourable=scale.favourable if scale else None,
                unit=item.unit,
                aggregate=found,
                evaluation_round=evaluation_round,
            )
        )
    return tuple(reports)
