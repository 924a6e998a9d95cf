"""Deadlines come due: `mentoring tick` (or the worker loop) announces each checkpoint,
checkup, mid-point and term end once, as an event, so reminders need no cron in the client;
and a pair confirmed and signed before its start date becomes active on that date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from app.domain.access import Principal, Role
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.viewers import ViewerRelation
from app.domain.deadlines import due_deadlines
from app.domain.lifecycle.activation import start_if_due
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.lifecycle.status import MentorshipStatus
from app.services.ports import Clock, UnitOfWork
from app.services.programs.cohort_dates import cohort_dates
from app.services.programs.records import Mentorship
from app.services.relationships.pairs import Pair, save_transition, status_of
from app.services.relationships.records import Progress

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
        for mentorship in running:
            stored = progress.get(mentorship.id) or Progress(mentorship.id)
            status = await _start_if_due(uow, principal, mentorship, stored, today)
            confirm_by = dates[mentorship.cohort_id].confirm_by_of(mentorship.starts_on)
            due = due_deadlines(status, today, confirm_by=confirm_by)
            for deadline in due:
                claimed = await uow.relationships.claim_notice(
                    mentorship.id, deadline.kind, deadline.due_on
                )
                if claimed:
                    await uow.outbox.emit(
                        "deadline.due",
                        {
                            "mentorship_id": str(mentorship.id),
                            "kind": deadline.kind.value,
                            "due_on": deadline.due_on.isoformat(),
                        },
                    )
                    announced += 1
        await uow.commit()
    return announced


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
