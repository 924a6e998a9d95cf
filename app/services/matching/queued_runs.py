"""Queuing a matching run for the background, and how soon a poller asks again; the run's
states themselves are the domain's (`app.domain.matching.run_state`)."""

from __future__ import annotations

import uuid
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.errors import NotFound
from app.domain.matching.run_state import RunState
from app.services.approvers import approver_name
from app.services.ports import UnitOfWork
from app.services.programs.records import MatchingRun

# How long a poller might wait before asking again (the `Retry-After` of a pending run).
POLL_AFTER_SECONDS = 2


async def is_large(uow: UnitOfWork, cohort_id: UUID, background_above: int | None) -> bool:
    """Whether the cohort's run goes to the background: more applications than the setting."""
    if background_above is None:
        return False
    return await uow.programs.count_applications(cohort_id) > background_above


async def queued_run(uow: UnitOfWork, principal: Principal, cohort_id: UUID) -> MatchingRun:
    """Store a run for the background to compute (inside the caller's transaction)."""
    cohort = await uow.programs.get_cohort(cohort_id)
    program = None if cohort is None else await uow.programs.get_program(cohort.program_id)
    if program is None:
        raise NotFound("no such cohort", field="id")
    draft = MatchingRun(
        uuid.uuid4(),
        cohort_id,
        RunState.QUEUED,
        program.policy_version,
        {},
        await approver_name(uow, principal),
    )
    run = await uow.programs.add_run(draft)
    await uow.access.record(AuditEvent.by(principal, "matching_run.queued", "matching_run", run.id))
    return run
