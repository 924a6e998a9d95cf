"""Correcting an event's attendance: people recorded present or excused by mistake are taken
off the record, and what the record decided for them is decided again."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.attendance_corrections import AttendanceRecord, withdrawn
from app.domain.errors import NotFound
from app.services.eligibility_decisions import refresh_within
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import CohortEvent
from app.services.versions import check_unchanged


async def correct_attendance(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    event_id: UUID,
    employee_ids: Sequence[UUID] = (),
    excused: Sequence[UUID] = (),
    if_fingerprint: str | None = None,
) -> CohortEvent:
    """Withdraw people recorded present (`employee_ids`) or excused (`excused`) at an event by
    mistake; naming someone not so recorded is refused on that field. Those withdrawn from the
    present list have every application decided again in the same transaction, as recording
    them did (an NC information session no longer counts for them). `if_fingerprint` (an
    `If-Match`): refused as stale unless the event is as it was read."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    async with uow:
        seen = await uow.programs.event(event_id, lock=True)
        if seen is None:
            raise NotFound("no such event", field="event_id")
        check_unchanged(seen, if_fingerprint, "event")
        record = AttendanceRecord(frozenset(seen.attendees), frozenset(seen.excused))
        kept = withdrawn(record, present=employee_ids, excused=excused)
        event = await uow.programs.set_attendance(
            event_id, sorted(kept.attendees), sorted(kept.excused)
        )
        if event is None:
            raise NotFound("no such event", field="event_id")
        await refresh_within(uow, principal, sorted(set(employee_ids)), clock.now().date())
        await uow.access.record(_audited(principal, event_id, employee_ids, excused))
        await uow.commit()
    return event


def _audited(
    principal: Principal, event_id: UUID, present: Sequence[UUID], excused: Sequence[UUID]
) -> AuditEvent:
    """Who withdrew whom from which list: facts, as the record itself is."""
    return AuditEvent.by(
        principal,
        "cohort.attendance_corrected",
        "cohort_event",
        event_id,
        withdrawn_present=sorted({str(p) for p in present}),
        withdrawn_excused=sorted({str(p) for p in excused}),
    )
