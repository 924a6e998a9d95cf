"""Reports for coordinators and agency leadership (NC: leadership reads program assessments):
counts, meetings and hours, checkpoint outcomes, completion and withdrawal rates and checkup
averages and each form's items (the program evaluation's round by round), any group under
five suppressed so no one's answers can be singled out; and Maine's fee as a bill per
department of the proteges."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.evaluation_rounds import (
    EvaluationRound,
    answered_round,
)
from app.domain.errors import NotFound
from app.domain.fee_billing import PairForBilling, billed_proteges
from app.domain.forms.kinds import EvaluationKind
from app.domain.forms.model import EvaluationForm
from app.domain.forms.report import GivenAnswers, ItemReport, report_items
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import TERMINAL_STATES, MentorshipState
from app.domain.policy.model import Policy, stored_policy
from app.domain.small_groups import SMALLEST_GROUP, Aggregate, suppress_counts
from app.services.ports import UnitOfWork
from app.services.programs.records import Mentorship
from app.services.relationships.evaluations import program_rounds
from app.services.relationships.records import Evaluation, Progress

AT_MOST = 1_000_000


@dataclass(frozen=True, slots=True)
class ItemAverage:
    item: str
    aggregate: Aggregate


@dataclass(frozen=True, slots=True)
class CohortReport:
    cohort_id: UUID
    mentorships: int
    by_state: dict[str, int]
    meetings: int
    hours: float
    checkpoint_outcomes: dict[str, int | None]
    completion_rate: float | None
    withdrawal_rate: float | None
    checkup_averages: tuple[ItemAverage, ...]
    form_items: tuple[ItemReport, ...] = ()
    smallest_group: int = SMALLEST_GROUP


@dataclass(frozen=True, slots=True)
class DepartmentBill:
    department: str
    proteges: int
    amount_cents: int


@dataclass(frozen=True, slots=True)
class FeeBill:
    cohort_id: UUID
    fee_cents: int
    billed_to: str
    departments: tuple[DepartmentBill, ...]
    total_cents: int


async def _cohort_mentorships(uow: UnitOfWork, cohort_id: UUID) -> list[Mentorship]:
    if await uow.programs.get_cohort(cohort_id) is None:
        raise NotFound("no such cohort", field="id")
    return await uow.programs.mentorships(cohort_id=cohort_id, limit=AT_MOST)


async def cohort_report(*, uow: UnitOfWork, principal: Principal, cohort_id: UUID) -> CohortReport:
    """Aggregates of a cohort's mentorships; never one person's answers."""
    reach(principal, Resource.REPORTS, Action.READ)
    async with uow.read_only():
        found = await _cohort_mentorships(uow, cohort_id)
        ids = [m.id for m in found]
        progress = await uow.relationships.progress_of(ids)
        meetings = [m for m in await uow.relationships.meetings(ids) if not m.cancelled]
        evaluations = await uow.relationships.evaluations(ids)
        policy = stored_policy(found[0].policy) if found else None
        rounds = await _program_rounds(uow, cohort_id, policy)
    states = Counter(m.state for m in found)
    outcomes = Counter(p.checkpoint_outcome for p in progress.values() if p.checkpoint_outcome)
    closed = sum(states[s] for s in TERMINAL_STATES)
    items = _form_items(policy, evaluations, rounds)
    return CohortReport(
        cohort_id=cohort_id,
        mentorships=len(found),
        by_state=dict(sorted(states.items())),
        meetings=len(meetings),
        hours=round(sum(m.hours for m in meetings), 2),
        checkpoint_outcomes=suppress_counts(dict(sorted(outcomes.items()))),
        completion_rate=_rate(states[MentorshipState.COMPLETED], closed),
        withdrawal_rate=_rate(states[MentorshipState.WITHDRAWN], closed),
        checkup_averages=_checkup_averages(items),
        form_items=items,
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole >= SMALLEST_GROUP else None


async def _program_rounds(
    uow: UnitOfWork, cohort_id: UUID, policy: Policy | None
) -> tuple[EvaluationRound, ...]:
    """The program evaluation's rounds on the cohort's calendar, where the program answers it
    in rounds on a form; read from the calendar only then."""
    if policy is None or policy.evaluations.form(EvaluationKind.PROGRAM) is None:
        return ()
    # Every answer was taken inside a round: the last one open-ended needs no term's end here.
    return await program_rounds(uow, cohort_id, policy, date.max)


def _form_items(
    policy: Policy | None, evaluations: list[Evaluation], rounds: Sequence[EvaluationRound]
) -> tuple[ItemReport, ...]:
    """Each form of the cohort's policy, item by item, in its own direction and labels; the
    program evaluation's round by round, in the round each answer was given in."""
    if policy is None:
        return ()
    return tuple(
        item
        for form in policy.evaluations.forms
        for item in _items_of(form, [e for e in evaluations if e.kind == form.kind.value], rounds)
    )


def _items_of(
    form: EvaluationForm, given: list[Evaluation], rounds: Sequence[EvaluationRound]
) -> tuple[ItemReport, ...]:
    """The form's items; the program evaluation's by the round each answer was given in (as
    stored with it, so a round the coordinator moved later keeps its answers)."""
    if form.kind is not EvaluationKind.PROGRAM:
        return report_items(form, map(_given, given))
    numbers = [answered_round(rounds, e.period_number, e.submitted_on) for e in given]
    if not rounds and not any(n is not None for n in numbers):
        return report_items(form, map(_given, given))
    by_round: dict[int | None, list[GivenAnswers]] = {r.number: [] for r in rounds}
    for number, evaluation in zip(numbers, given, strict=True):
        by_round.setdefault(number, []).append(_given(evaluation))
    return tuple(
        item for number, answers in by_round.items() for item in report_items(form, answers, number)
    )


def _given(evaluation: Evaluation) -> GivenAnswers:
    return GivenAnswers(evaluation.respondent_id, evaluation.form_version, evaluation.answers)


def _checkup_averages(items: tuple[ItemReport, ...]) -> tuple[ItemAverage, ...]:
    """The checkup's scale items (Caltrans: 1 = Strongly Agree), labelled with their scale."""
    return tuple(
        ItemAverage(f"{item.text} ({item.scale})", item.aggregate)
        for item in items
        if item.kind is EvaluationKind.CHECKUP and item.scale is not None
    )


async def fee_bill(*, uow: UnitOfWork, principal: Principal, cohort_id: UUID) -> FeeBill:
    """Maine: $150 per protege who entered the initiative (a pair both sides confirmed),
    billed once to the protege's department (seed 004 "Cost")."""
    reach(principal, Resource.REPORTS, Action.READ)
    async with uow.read_only():
        found = await _cohort_mentorships(uow, cohort_id)
        progress = await uow.relationships.progress_of([m.id for m in found])
        billed = billed_proteges(_for_billing(m, progress.get(m.id)) for m in found)
        proteges = sorted({m.mentee_id for m in found if m.mentee_id in billed})
        people = {e.id: e for e in await uow.employees.get_many(proteges)}
    fee = stored_policy(found[0].policy).fee if found else None
    per_department: dict[str, set[Any]] = defaultdict(set)
    for protege in proteges:
        person = people.get(protege)
        per_department[person.department if person else "unknown"].add(protege)
    cents = fee.amount_cents if fee else 0
    departments = tuple(
        DepartmentBill(name, len(proteges), cents * len(proteges))
        for name, proteges in sorted(per_department.items())
        if cents
    )
    return FeeBill(
        cohort_id,
        cents,
        fee.billed_to.value if fee else "none",
        departments,
        sum(d.amount_cents for d in departments),
    )


def _for_billing(mentorship: Mentorship, progress: Progress | None) -> PairForBilling:
    confirmed = progress.confirmed_by if progress else ()
    return PairForBilling(
        mentorship.mentee_id, mentorship.state, frozenset(Party(p) for p in confirmed)
    )
