"""Who reads an evaluation's free text: its respondent always; the respondent's partner in the
pair when the program shares that kind with the pair (Caltrans' checkup is a worksheet "to
create a dialogue", 002); coordinators and other staff never, whatever the program shares."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.confidentiality.parts import ContentPart
from app.domain.confidentiality.reading import AccessDecision, may_read
from app.domain.confidentiality.viewers import Viewer
from app.domain.forms.kinds import EvaluationKind
from app.domain.forms.model import EvaluationForm, ItemKind
from app.domain.policy.pair_work import EvaluationPolicy


def shared_with_pair(policy: EvaluationPolicy, kind: EvaluationKind) -> bool:
    """Whether both sides of the pair read the free text of ``kind``; a program evaluation
    judges the program, so it is never a dialogue between them."""
    return kind is not EvaluationKind.PROGRAM and kind in policy.free_text_shared_with_pair


def may_read_free_text(
    viewer: Viewer, kind: EvaluationKind, policy: EvaluationPolicy
) -> AccessDecision:
    """Whether ``viewer`` reads one evaluation's free text (``viewer.is_respondent``: they
    wrote it), under the evaluation policy of the pair's snapshot."""
    return may_read(
        viewer,
        ContentPart.EVALUATION_FREE_TEXT,
        evaluations_shared_with_pair=shared_with_pair(policy, kind),
    )


def free_text_answers(
    form: EvaluationForm | None, answers: Mapping[str, object]
) -> dict[str, object]:
    """The answers to the form's free-text items: what the partner reads of a shared
    evaluation (its scales and numbers stay the respondent's)."""
    if form is None:
        return {}
    text_items = {item.key for item in form.items if item.kind is ItemKind.TEXT}
    return {key: value for key, value in answers.items() if key in text_items}
