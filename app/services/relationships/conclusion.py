"""NC's conclusion (seed 003): the coordinator's individual debrief with the mentee and the
mentor once the mentorship has concluded, and each side's monthly progress report while it
runs: the facts reach the coordinator, the reflections stay with the one who wrote them."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.conclusion import check_debrief, report_month, require_first_report
from app.domain.errors import InvalidInput
from app.domain.lifecycle.parties import Party
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import open_pair, participant
from app.services.relationships.records import Debrief, ProgressReport

MAX_TEXT = 10_000


async def record_debrief(
    *,
    uow: UnitOfWork,
    principal: Principal,
    mentorship_id: UUID,
    party: Party,
    held_on: date,
    notes: str | None = None,
) -> Debrief:
    """The coordinator records the individual debrief held with one participant."""
    scope = reach(principal, Resource.DEBRIEFS, Action.WRITE)
    if notes is not None and len(notes) > MAX_TEXT:
        raise InvalidInput(f"at most {MAX_TEXT} characters", field="notes")
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        done = [Party(d.party) for d in await uow.relationships.debriefs(mentorship_id)]
        check_debrief(pair.status, party=party, held_on=held_on, done=done)
        who = pair.mentorship.mentee_id if party is Party.MENTEE else pair.mentorship.mentor_id
        stored = await uow.relationships.add_debrief(
            Debrief(
                uuid.uuid4(), mentorship_id, party.value, who, held_on, principal.employee_id, notes
            )
        )
        await uow.access.record(
            AuditEvent.by(
                principal, "debrief.recorded", "mentorship", mentorship_id, party=party.value
            )
        )
        await uow.outbox.emit(
            "debrief.recorded", {"mentorship_id": str(mentorship_id), "party": party.value}
        )
        await uow.commit()
    return stored


async def list_debriefs(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[Debrief]:
    """Staff read the debriefs; a participant sees that theirs was held, not the notes."""
    scope = reach(principal, Resource.DEBRIEFS, Action.READ)
    async with uow.read_only():
        await open_pair(uow, principal, mentorship_id, scope)
        found = await uow.relationships.debriefs(mentorship_id)
    if scope is Reach.ALL:
        return found
    return [
        replace(d, notes=None, recorded_by=None)
        for d in found
        if d.participant_id == principal.employee_id
    ]


async def submit_progress_report(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    mentorship_id: UUID,
    on_track: bool,
    assignments_done: int,
    reflections: str | None = None,
) -> ProgressReport:
    """A participant's report for the current month of the term (once a month each)."""
    scope = reach(principal, Resource.PROGRESS_REPORTS, Action.WRITE)
    if assignments_done < 0:
        raise InvalidInput("a count, 0 or more", field="assignments_done")
    if reflections is not None and len(reflections) > MAX_TEXT:
        raise InvalidInput(f"at most {MAX_TEXT} characters", field="reflections")
    today = clock.now().date()
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        by = participant(pair)
        month = report_month(pair.status, today)
        earlier = await uow.relationships.progress_reports(mentorship_id)
        require_first_report(month, (r.month for r in earlier if r.party == by.value))
        assert principal.employee_id is not None
        stored = await uow.relationships.add_progress_report(
            ProgressReport(
                uuid.uuid4(),
                mentorship_id,
                by.value,
                principal.employee_id,
                month,
                today,
                on_track,
                assignments_done,
                reflections,
            )
        )
        await uow.outbox.emit(
            "progress_report.submitted",
            {"mentorship_id": str(mentorship_id), "party": by.value, "month": month},
        )
        await uow.commit()
    return stored


async def list_progress_reports(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[ProgressReport]:
    """The reports' facts; each author alone reads their own reflections."""
    scope = reach(principal, Resource.PROGRESS_REPORTS, Action.READ)
    async with uow.read_only():
        await open_pair(uow, principal, mentorship_id, scope)
        found = await uow.relationships.progress_reports(mentorship_id)
    me = principal.employee_id
    return [r if r.author_id == me else replace(r, reflections=None) for r in found]
