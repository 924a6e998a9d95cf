"""An event's attendance record, recorded and corrected: who was present (an information
session feeds NC's and Caltrans' eligibility) and who was excused (000 "Group Learning": an
excused mentee owes nothing for a mandatory session). Both change the event's row under its
lock, the new record decided by the domain, and decide again the eligibility of the people
whose presence changed, in the same transaction (no stale `eligible`)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.attendance_record import AttendanceRecord, recorded, withdrawn
from app.domain.errors import InvalidInput, NotFound
from app.services.eligibility_decisions import refresh_within
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import CohortEvent
from app.services.versions import check_unchanged


async def record_attendance(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    event_id: UUID,
    employee_ids: Sequence[UUID] = (),
    excused: Sequence[UUID] = (),
    if_fingerprint: str | None = None,
) -> CohortEvent:
    """Record who attended an event and who was excused from it, adding to what is recorded
    (422 for anyone both present and excused, or no employee of the organisation). The
    attendance is the person's: every application it feeds, in any cohort of the program, is
    decided again. `if_fingerprint` (an `If-Match`): refused as stale unless the event is as
    it was read."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    async with uow:
        record = await _locked_record(uow, event_id, if_fingerprint)
        kept = recorded(record, present=employee_ids, excused=excused)
        await _check_known(uow, employee_ids=employee_ids, excused=excused)
        event = await _store(uow, event_id, kept)
        await refresh_within(uow, principal, sorted(set(employee_ids)), clock.now().date())
        await uow.access.record(
            AuditEvent.by(
                principal,
                "cohort.attendance_recorded",
                "cohort_event",
                event_id,
                count=len(set(employee_ids)),
                excused=len(set(excused)),
            )
        )
        await uow.commit()
    return event


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
    present list have every application decided again, as recording them did (an NC
    information session no longer counts for them). `if_fingerprint`: as in recording."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    async with uow:
        record = await _locked_record(uow, event_id, if_fingerprint)
        kept = withdrawn(record, present=employee_ids, excused=excused)
        event = await _store(uow, event_id, kept)
        await refresh_within(uow, principal, sorted(set(employee_ids)), clock.now().date())
        await uow.access.record(
            AuditEvent.by(
                principal,
                "cohort.attendance_corrected",
                "cohort_event",
                event_id,
                withdrawn_present=sorted({str(p) for p in employee_ids}),
                withdrawn_excused=sorted({str(p) for p in excused}),
            )
        )
        await uow.commit()
    return event


async def _locked_record(
    uow: UnitOfWork, event_id: UUID, if_fingerprint: str | None
) -> AttendanceRecord:
    """The event's record, its row held for the rest of the transaction (as read, if
    `if_fingerprint` names the version the caller read)."""
    seen = await uow.programs.event(event_id, lock=True)
    if seen is None:
        raise NotFound("no such event", field="event_id")
    check_unchanged(seen, if_fingerprint, "event")
    return AttendanceRecord(frozenset(seen.attendees), frozenset(seen.excused))


async def _store(uow: UnitOfWork, event_id: UUID, record: AttendanceRecord) -> CohortEvent:
    event = await uow.programs.set_attendance(event_id, record.attendees, record.excused)
    if event is None:
        raise NotFound("no such event", field="event_id")
    return event


async def _check_known(uow: UnitOfWork, **named: Sequence[UUID]) -> None:
    """Everyone named is an employee of the organisation (one read for all of them)."""
    everyone = sorted({p for people in named.values() for p in people})
    known = {e.id for e in await uow.employees.get_many(everyone)}
    for field, people in named.items():
        unknown = [str(i) for i in people if i not in known]
        if unknown:
            raise InvalidInput(f"no such employees: {', '.join(unknown)}", field=field)
