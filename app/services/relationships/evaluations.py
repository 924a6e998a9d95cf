"""Evaluations on the program's forms (Caltrans' checkup every N months, Charlotte's mid-point,
final and monthly ones, NC's outcome review...), each answered once per respondent and not
before it is due, item by item against the form version of the pair's policy snapshot.
The answers are the respondent's (the partner reads the free text of a kind the program shares
with the pair); others see that an evaluation was done, and reports see only aggregates of
groups large enough that no one's answers show."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from datetime import date
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.evaluation_rounds import EvaluationRound, evaluation_rounds
from app.domain.confidentiality.evaluation_text import (
    free_text_answers,
    may_read_free_text,
    shared_with_pair,
)
from app.domain.confidentiality.parts import ContentPart
from app.domain.confidentiality.viewers import Viewer
from app.domain.errors import InvalidInput
from app.domain.evaluation_periods import EvaluationPeriod, answered_period, due_period
from app.domain.forms.model import Answer, EvaluationForm, ItemKind, check_answers
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.outcome_review import PlanItem, require_outcomes, shared_with_coordinator
from app.domain.policy.model import EvaluationKind, EvaluationPolicy, Policy
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import (
    Pair,
    audit_read,
    open_pair,
    participant,
    save_transition,
)
from app.services.relationships.records import Evaluation, Goal, ShownEvaluation

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
    answers: Mapping[str, object] | None = None,
) -> ShownEvaluation:
    """A participant's evaluation: on the program's form for ``kind``, item by item in
    ``answers``; a kind without a form takes 1-5 ``scores`` and free text. The answer says
    whether the partner reads its free text."""
    scope = reach(principal, Resource.EVALUATIONS, Action.WRITE)
    today = clock.now().date()
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        by = participant(pair)
        form = pair.policy.evaluations.form(kind)
        checked = _answers_on(form, answers, scores, free_text)
        rounds = await _program_rounds(uow, pair) if kind is EvaluationKind.PROGRAM else ()
        if kind is EvaluationKind.OUTCOME_REVIEW:
            require_outcomes([_plan_item(g) for g in await uow.relationships.goals(mentorship_id)])
        earlier = _answered(pair, await uow.relationships.evaluations([mentorship_id]), rounds)
        transition = record_evaluation(
            pair.status, kind=kind, by=by, today=today, earlier=earlier, rounds=rounds
        )
        period = due_period(pair.status.timeline, kind, today, rounds)
        assert principal.employee_id is not None
        on_form = form is not None
        stored = await uow.relationships.add_evaluation(
            Evaluation(
                id=uuid.uuid4(),
                mentorship_id=mentorship_id,
                kind=kind.value,
                respondent_id=principal.employee_id,
                party=by.value,
                scores=_scale_answers(form, checked) if on_form else _numbered(scores),
                free_text=None if on_form else free_text,
                submitted_on=today,
                answers=checked,
                form_version=form.version if form else None,
                period_number=period.number,
            )
        )
        await save_transition(uow, principal, pair, transition)
        await uow.commit()
    return _shown(stored, pair.policy.evaluations)


async def list_evaluations(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[ShownEvaluation]:
    """Evaluations done: the respondent sees their answers, the partner the free text of the
    kinds the program shares with the pair (its snapshot); others see kind, date and side."""
    scope = reach(principal, Resource.EVALUATIONS, Action.READ)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        found = await _numbered_by_date(
            uow, pair, await uow.relationships.evaluations([mentorship_id])
        )
        policy = pair.policy.evaluations
        viewer = pair.viewer(principal)
        read_by = [_as_read_by(viewer, e, policy) for e in found]
        shown = [_shown(e, policy) for e, _ in read_by]
        read = sum(1 for _, text_read in read_by if text_read)
        if read:
            await audit_read(uow, principal, pair, ContentPart.EVALUATION_FREE_TEXT, read)
        await uow.commit()
    return shown


async def _program_rounds(uow: UnitOfWork, pair: Pair) -> tuple[EvaluationRound, ...]:
    return await program_rounds(
        uow, pair.mentorship.cohort_id, pair.policy, pair.status.timeline.ends_on
    )


async def program_rounds(
    uow: UnitOfWork, cohort_id: UUID, policy: Policy, term_ends_on: date
) -> tuple[EvaluationRound, ...]:
    """The program evaluation's rounds on the cohort's calendar (``term_ends_on`` closes a last
    round with no end); none are read where the policy gives it at the term's end instead."""
    if policy.evaluations.program_evaluation_at_end:
        return ()
    return evaluation_rounds(await uow.programs.events(cohort_id), term_ends_on)


def _answered(
    pair: Pair, found: Sequence[Evaluation], rounds: Sequence[EvaluationRound]
) -> list[tuple[Party, EvaluationPeriod]]:
    """Who answered which period so far: the period stored with each answer (one stored
    before periods were: the one its date falls in, a program evaluation's round that day)."""
    answered = []
    for evaluation in found:
        period = _period_of(pair, evaluation, rounds)
        if period is not None:
            answered.append((Party(evaluation.party), period))
    return answered


def _period_of(
    pair: Pair, evaluation: Evaluation, rounds: Sequence[EvaluationRound]
) -> EvaluationPeriod | None:
    kind = EvaluationKind(evaluation.kind)
    return answered_period(
        pair.status.timeline, kind, evaluation.period_number, evaluation.submitted_on, rounds
    )


async def _numbered_by_date(
    uow: UnitOfWork, pair: Pair, found: list[Evaluation]
) -> list[Evaluation]:
    """The evaluations with the period each was given for; one stored before periods were
    shows the period its date falls in (the calendar's rounds read once, only for those)."""
    unnumbered = [e for e in found if e.period_number is None]
    if not unnumbered:
        return found
    program = any(e.kind == EvaluationKind.PROGRAM.value for e in unnumbered)
    rounds = await _program_rounds(uow, pair) if program else ()
    numbered = []
    for evaluation in found:
        period = _period_of(pair, evaluation, rounds) if evaluation.period_number is None else None
        if period is not None and period.number is not None:
            evaluation = replace(evaluation, period_number=period.number)
        numbered.append(evaluation)
    return numbered


def _as_read_by(
    viewer: Viewer, evaluation: Evaluation, policy: EvaluationPolicy
) -> tuple[Evaluation, bool]:
    """The evaluation as ``viewer`` reads it, and whether they read its free text: whole for
    its respondent; the facts and the free text for the partner of a kind shared with the
    pair; the facts for anyone else."""
    is_respondent = viewer.person_id == evaluation.respondent_id
    author = Viewer(viewer.relation, viewer.person_id, is_respondent=is_respondent)
    kind = EvaluationKind(evaluation.kind)
    facts = _facts(evaluation, policy.form(EvaluationKind.OUTCOME_REVIEW))
    if not may_read_free_text(author, kind, policy).allowed:
        return facts, False
    if is_respondent:
        return evaluation, True
    text = free_text_answers(policy.form(kind), evaluation.answers)
    return replace(facts, free_text=evaluation.free_text, answers={**facts.answers, **text}), True


def _shown(evaluation: Evaluation, policy: EvaluationPolicy) -> ShownEvaluation:
    shared = shared_with_pair(policy, EvaluationKind(evaluation.kind))
    values = {f.name: getattr(evaluation, f.name) for f in fields(Evaluation)}
    return ShownEvaluation(**values, partner_reads_free_text=shared)


def _facts(evaluation: Evaluation, review: EvaluationForm | None) -> Evaluation:
    # NC 003: the outcome review's outcomes are "shared with the program coordinator".
    shared = {}
    if evaluation.kind == EvaluationKind.OUTCOME_REVIEW.value:
        shared = shared_with_coordinator(review, evaluation.answers)
    return replace(evaluation, scores={}, free_text=None, answers=shared)


def _plan_item(goal: Goal) -> PlanItem:
    return PlanItem(goal.id, goal.kind, goal.text, goal.progress, goal.outcome)


def _answers_on(
    form: EvaluationForm | None,
    answers: Mapping[str, object] | None,
    scores: Sequence[int],
    free_text: str | None,
) -> dict[str, Answer]:
    if form is None:
        if answers:
            raise InvalidInput(
                "this program has no form for this evaluation; give scores and free_text",
                field="answers",
                rule="no_form",
            )
        _check_plain(scores, free_text)
        return {}
    if scores or free_text is not None:
        raise InvalidInput(
            f"the {form.title} is answered item by item in answers "
            f"(version {form.version}: items {', '.join(i.key for i in form.items)})",
            field="scores" if scores else "free_text",
            rule="answer_on_form",
        )
    if answers is not None and not isinstance(answers, Mapping):
        raise InvalidInput("answers is an object: item key -> answer", field="answers")
    return check_answers(form, answers or {})


def _scale_answers(form: EvaluationForm | None, answers: Mapping[str, Answer]) -> dict[str, int]:
    scale_keys = {i.key for i in form.items if i.kind is ItemKind.SCALE} if form else set()
    return {k: int(v) for k, v in answers.items() if k in scale_keys}


def _numbered(scores: Sequence[int]) -> dict[str, int]:
    return {str(i + 1): s for i, s in enumerate(scores)}


def _check_plain(scores: Sequence[int], free_text: str | None) -> None:
    for index, score in enumerate(scores):
        if score not in LIKERT:
            raise InvalidInput(
                "each answer is 1 (strongly disagree) to 5 (strongly agree)",
                field=f"scores[{index}]",
                rule="likert_1_5",
            )
    if free_text is not None and len(free_text) > MAX_TEXT:
        raise InvalidInput(f"at most {MAX_TEXT} characters", field="free_text")
