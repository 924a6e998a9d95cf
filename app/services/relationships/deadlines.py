"""Deadlines come due: `mentoring tick` (or the worker loop) announces each checkpoint,
checkup, mid-point, term end and program-evaluation round once, as an event, so reminders
need no cron in the client; and a pair confirmed and signed before its start date becomes
active on that date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from app.domain.access import Principal, Role
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.evaluation_rounds import answered_round, evaluation_rounds
from app.domain.confidentiality.viewers import ViewerRelation
from app.domain.deadlines import Deadline, due_deadlines, program_evaluation_due
from app.domain.lifecycle.activation import start_if_due
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import EvaluationKind
from app.services.ports import Clock, UnitOfWork
from app.services.programs.cohort_dates import CohortDates, cohort_dates
from app.services.programs.records import Mentorship
from app.services.relationships.pairs import Pair, save_transition, status_of
from app.services.relationships.records import Evaluation, Progress

RUNNING_AT_MOST = 1_000_000


def system_principal(organization_id: UUID) -> Principal:
    """The service itself, acting for one organisation when the clock ticks."""
    return Principal(organization_id, Role.ORG_ADMIN, "system:tick")


async def announce_due_deadlines(*, uow: UnitOfWork, principal: Principal, clock: Clock) -> int:
    """Emit `deadline.due` once for every date come due in the organisation's running
    mentorships; running it again announces nothing twice. Returns how many it announced."""
    reach(principal, Resource.MENTORSHIPS, Action.READ)
    today = clock.now().date()
    announced = 0
    async with uow:
        running = [
            m
            for m in await uow.programs.mentorships(limit=RUNNING_AT_MOST)
            if m.state in OPEN_STATES  # proposed too: the confirm-by date
        ]
        progress = await uow.relationships.progress_of([m.id for m in running])
        dates = await cohort_dates(uow, (m.cohort_id for m in running))
        answers = await _program_answers(uow, running)
        for mentorship in running:
            stored = progress.get(mentorship.id) or Progress(mentorship.id)
            status = await _start_if_due(uow, principal, mentorship, stored, today)
            cohort = dates[mentorship.cohort_id]
            due = due_deadlines(
                status, today, confirm_by=cohort.confirm_by_of(mentorship.starts_on)
            )
            due += _round_due(status, cohort, answers.get(mentorship.id, []), today)
            for deadline in due:
                announced += await _announce(uow, mentorship.id, deadline)
        await uow.commit()
    return announced


async def _announce(uow: UnitOfWork, mentorship_id: UUID, deadline: Deadline) -> int:
    """1 when this date is announced now, 0 when it was announced before."""
    if not await uow.relationships.claim_notice(mentorship_id, deadline.kind, deadline.due_on):
        return 0
    await uow.outbox.emit(
        "deadline.due",
        {
            "mentorship_id": str(mentorship_id),
            "kind": deadline.kind.value,
            "due_on": deadline.due_on.isoformat(),
            "evaluation_round": deadline.evaluation_round,
        },
    )
    return 1


async def _program_answers(
    uow: UnitOfWork, running: list[Mentorship]
) -> dict[UUID, list[Evaluation]]:
    """The program evaluations the pairs gave, read in one statement for them all."""
    ids = [m.id for m in running]
    found: dict[UUID, list[Evaluation]] = {}
    for evaluation in await uow.relationships.evaluations(ids) if ids else []:
        if evaluation.kind == EvaluationKind.PROGRAM.value:
            found.setdefault(evaluation.mentorship_id, []).append(evaluation)
    return found


def _round_due(
    status: MentorshipStatus, cohort: CohortDates, answers: list[Evaluation], today: date
) -> tuple[Deadline, ...]:
    """The program evaluation's round the pair is asked to answer today, if any; the rounds
    are read from the calendar already loaded for the confirm-by date."""
    rounds = evaluation_rounds(cohort.events, status.timeline.ends_on)
    answered = [
        (Party(e.party), number)
        for e in answers
        if (number := answered_round(rounds, e.period_number, e.submitted_on)) is not None
    ]
    return program_evaluation_due(status, today, rounds, answered)


async def _start_if_due(
    uow: UnitOfWork, principal: Principal, mentorship: Mentorship, stored: Progress, today: date
) -> MentorshipStatus:
    """A pair confirmed and signed before its start date becomes active on that date."""
    status = status_of(mentorship, stored)
    started = start_if_due(status, today=today)
    if not started.events:
        return status
    pair = Pair(mentorship, stored, status, ViewerRelation.ORG_ADMIN, None)
    await save_transition(uow, principal, pair, started)
    return started.status


async def tick(
    *,
    admin_uow: Callable[[], UnitOfWork],
    tenant_uow: Callable[[UUID], UnitOfWork],
    clock: Clock,
) -> int:
    """One tick across every organisation with running mentorships."""
    async with admin_uow() as uow:
        organizations = await uow.relationships.organizations_running()
    total = 0
    for organization_id in organizations:
        total += await announce_due_deadlines(
            uow=tenant_uow(organization_id),
            principal=system_principal(organization_id),
            clock=clock,
        )
    return total
