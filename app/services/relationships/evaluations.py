"""Checkups (Caltrans: Likert 1-5 items every N months), mid-point and final evaluations,
each answered once per respondent and not before it is due. The answers are the
respondent's; others see that an evaluation was done, and reports see only aggregates of
groups large enough that no one's answers show."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from uuid import UUID

from app.domain import lifecycle
from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.cohort_calendar import evaluation_window, require_evaluation_open
from app.domain.confidentiality import ContentPart, Viewer
from app.domain.confidentiality import may_read as may
from app.domain.errors import InvalidInput
from app.domain.evaluation_periods import EvaluationPeriod, period_on
from app.domain.lifecycle import Party
from app.domain.policy.model import EvaluationKind
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import (
    Pair,
    audit_read,
    open_pair,
    participant,
    save_transition,
)
from app.services.relationships.records import Evaluation

LIKERT = range(1, 6)
MAX_TEXT = 10_000


async def submit_evaluation(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    mentorship_id: UUID,
    kind: EvaluationKind,
    scores: Sequence[int] = (),
    free_text: str | None = None,
) -> Evaluation:
    """A participant's evaluation; a checkup answers each of the policy's items from 1 to 5."""
    scope = reach(principal, Resource.EVALUATIONS, Action.WRITE)
    today = clock.now().date()
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope, lock=True)
        by = participant(pair)
        items = pair.policy.evaluations.checkup_items if kind is EvaluationKind.CHECKUP else ()
        _check(items, scores, free_text)
        if kind is EvaluationKind.PROGRAM:
            events = await uow.programs.events(pair.mentorship.cohort_id)
            require_evaluation_open(evaluation_window(events), today)
        earlier = _answered(pair, await uow.relationships.evaluations([mentorship_id]))
        transition = lifecycle.record_evaluation(
            pair.status, kind=kind, by=by, today=today, earlier=earlier
        )
        assert principal.employee_id is not None
        stored = await uow.relationships.add_evaluation(
            Evaluation(
                uuid.uuid4(),
                mentorship_id,
                kind.value,
                principal.employee_id,
                by.value,
                {str(i + 1): s for i, s in enumerate(scores)},
                free_text,
                today,
            )
        )
        await save_transition(uow, principal, pair, transition)
        await uow.commit()
    return stored


async def list_evaluations(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[Evaluation]:
    """Evaluations done: the respondent sees their answers; others see kind, date and side."""
    scope = reach(principal, Resource.EVALUATIONS, Action.READ)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        found = await uow.relationships.evaluations([mentorship_id])
        shown = [e if _own(pair.viewer(principal), e) else _facts(e) for e in found]
        mine = sum(1 for e in found if e.respondent_id == principal.employee_id)
        if mine:
            await audit_read(uow, principal, pair, ContentPart.EVALUATION_FREE_TEXT, mine)
        await uow.commit()
    return shown


def _answered(pair: Pair, found: Sequence[Evaluation]) -> list[tuple[Party, EvaluationPeriod]]:
    """Who answered which period so far (the period of each answer follows from its date)."""
    answered = []
    for evaluation in found:
        period = period_on(
            pair.status.timeline, EvaluationKind(evaluation.kind), evaluation.submitted_on
        )
        if period is not None:
            answered.append((Party(evaluation.party), period))
    return answered


def _own(viewer: Viewer, evaluation: Evaluation) -> bool:
    author = Viewer(
        viewer.relation,
        viewer.person_id,
        is_respondent=viewer.person_id == evaluation.respondent_id,
    )
    return author.is_respondent and may(author, ContentPart.EVALUATION_FREE_TEXT).allowed


def _facts(evaluation: Evaluation) -> Evaluation:
    return Evaluation(
        evaluation.id,
        evaluation.mentorship_id,
        evaluation.kind,
        evaluation.respondent_id,
        evaluation.party,
        {},
        None,
        evaluation.submitted_on,
        evaluation.created_at,
    )


def _check(items: Sequence[str], scores: Sequence[int], free_text: str | None) -> None:
    if items and len(scores) != len(items):
        raise InvalidInput(
            f"a checkup answers all {len(items)} items", field="scores", rule="checkup_items"
        )
    for index, score in enumerate(scores):
        if score not in LIKERT:
            raise InvalidInput(
                "each answer is 1 (strongly disagree) to 5 (strongly agree)",
                field=f"scores[{index}]",
                rule="likert_1_5",
            )
    if free_text is not None and len(free_text) > MAX_TEXT:
        raise InvalidInput(f"at most {MAX_TEXT} characters", field="free_text")
