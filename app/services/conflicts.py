"""Conflicts of interest a coordinator records at any time (004 "Ethics"), audited; matching
refuses the pair from then on and an open pair between the two is flagged."""

from __future__ import annotations

import uuid
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import NotFound
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.conflicts import RecordedConflict
from app.services.approvers import approver_name
from app.services.integrations.ports import MentorshipFlag
from app.services.ports import Clock, UnitOfWork

RULE = "no_conflict_of_interest"


async def record_conflict_of_interest(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    employee_id: UUID,
    other_employee_id: UUID,
    reason: str,
) -> RecordedConflict:
    """Record, with the reason and who recorded it, a conflict between two people of a cohort."""
    reach(principal, Resource.APPLICATIONS, Action.OVERRIDE)
    async with uow:
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="cohort_id")
        found = {e.id for e in await uow.employees.get_many([employee_id, other_employee_id])}
        for field, person in (
            ("employee_id", employee_id),
            ("other_employee_id", other_employee_id),
        ):
            if person not in found:
                raise NotFound("no such employee", field=field)
        draft = RecordedConflict(
            uuid.uuid4(),
            cohort_id,
            employee_id,
            other_employee_id,
            reason.strip(),
            await approver_name(uow, principal),
        )
        stored = await uow.conflicts.add(draft)
        await uow.access.record(
            AuditEvent.by(
                principal,
                "conflict_of_interest.recorded",
                "cohort",
                cohort_id,
                employee_id=str(employee_id),
                other_employee_id=str(other_employee_id),
            )
        )
        await _flag_open_pairs(uow, clock, stored)
        await uow.commit()
    return stored


async def list_conflicts_of_interest(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[RecordedConflict]:
    """The conflicts recorded for a cohort (coordinators)."""
    reach(principal, Resource.APPLICATIONS, Action.OVERRIDE)
    async with uow.read_only():
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="id")
        return await uow.conflicts.of_cohort(cohort_id)


async def _flag_open_pairs(uow: UnitOfWork, clock: Clock, conflict: RecordedConflict) -> None:
    both = {conflict.employee_id, conflict.other_employee_id}
    for pair in await uow.integrations.open_pairs_of([conflict.employee_id], OPEN_STATES):
        if {pair.mentee_id, pair.mentor_id} == both:
            reason = "a coordinator recorded a conflict of interest between the two"
            flag = MentorshipFlag(uuid.uuid4(), pair.mentorship_id, (RULE,), (reason,), clock.now())
            if await uow.integrations.add_flag(flag):
                payload = {"mentorship_id": str(pair.mentorship_id), "rules": [RULE]}
                await uow.outbox.emit("mentorship.flagged", payload)
