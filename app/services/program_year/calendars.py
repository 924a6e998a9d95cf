"""A cohort's calendar: served as an iCalendar feed, and edited by the coordinator after the
preset laid it out (a confirm-by date moved, an evaluation window set)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.cohort_calendar import formal_end
from app.domain.calendar.kinds import EventKind
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.policy.model import stored_policy
from app.services.ports import UnitOfWork
from app.services.programs.records import CohortEvent
from app.services.relationships.calendar_feed import CalendarEntry
from app.services.versions import check_unchanged

ALL_PAIRS = 1_000_000


async def cohort_calendar_entries(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[CalendarEntry]:
    """The cohort's events as calendar entries (titles and dates: facts only)."""
    reach(principal, Resource.COHORTS, Action.READ)
    async with uow.read_only():
        cohort = await uow.programs.get_cohort(cohort_id)
        if cohort is None:
            raise NotFound("no such cohort", field="id")
        events = await uow.programs.events(cohort_id)
    return [
        CalendarEntry(f"cohort-event-{e.id}@mentoring", e.title, e.starts_on, e.ends_on, False)
        for e in events
    ]


async def update_cohort_event(
    *,
    uow: UnitOfWork,
    principal: Principal,
    event_id: UUID,
    title: str | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    clear_end: bool = False,
    if_fingerprint: str | None = None,
) -> CohortEvent:
    """Move or rename one event of a cohort's calendar; its kind (what the rules read) stays.
    Moving the final celebration moves the end of the pairs whose term ends there (Maine).
    `if_fingerprint` (an `If-Match`): refused as stale unless the event is as it was read."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    async with uow:
        found = await uow.programs.event(event_id, lock=if_fingerprint is not None)
        if found is None:
            raise NotFound("no such event", field="event_id")
        check_unchanged(found, if_fingerprint, "event")
        moved = replace(
            found,
            title=title.strip() if title and title.strip() else found.title,
            starts_on=starts_on or found.starts_on,
            ends_on=None if clear_end else (ends_on or found.ends_on),
        )
        if moved.ends_on is not None and moved.ends_on < moved.starts_on:
            raise InvalidInput(
                f"must not be before starts_on ({moved.starts_on.isoformat()})", field="ends_on"
            )
        stored = await uow.programs.move_event(moved)
        if stored is None:
            raise NotFound("no such event", field="event_id")
        if stored.kind == EventKind.FINAL_CELEBRATION:
            await follow_formal_end(uow, principal, stored.cohort_id)
        await uow.access.record(
            AuditEvent.by(
                principal, "cohort.event_moved", "cohort", found.cohort_id, event_id=str(event_id)
            )
        )
        await uow.commit()
    return stored


async def remove_cohort_event(
    *, uow: UnitOfWork, principal: Principal, event_id: UUID
) -> CohortEvent:
    """Take an event off a cohort's calendar; one with attendance recorded stays (the people's
    attendance counts toward their eligibility; an excusal answers for a missed session)."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    async with uow:
        found = await uow.programs.event(event_id)
        if found is None:
            raise NotFound("no such event", field="event_id")
        if found.attendees or found.excused or not await uow.programs.remove_event(event_id):
            raise Conflict(
                "someone is recorded at this event (present or excused); it stays on the calendar",
                field="event_id",
                rule="attendance_recorded",
            )
        await uow.access.record(
            AuditEvent.by(
                principal, "cohort.event_removed", "cohort", found.cohort_id, kind=found.kind
            )
        )
        await uow.commit()
    return found


async def follow_formal_end(uow: UnitOfWork, principal: Principal, cohort_id: UUID) -> None:
    """Where a pair's policy ends its term at the cohort's formal end (Maine: "Formal
    relationships end" at the final celebration, 004), moving that event, or the cohort's
    end, moves the end of the cohort's open pairs with it."""
    cohort = await uow.programs.get_cohort(cohort_id)
    if cohort is None:
        return
    events = await uow.programs.events(cohort.id)
    pairs = await uow.programs.mentorships(cohort_id=cohort.id, limit=ALL_PAIRS)
    for pair in pairs:
        if pair.state not in OPEN_STATES:
            continue
        end = formal_end(stored_policy(pair.policy), pair.starts_on, cohort.ends_on, events)
        if end is None or end == pair.ends_on:
            continue
        await uow.relationships.set_term(pair.id, end)
        await uow.access.record(
            AuditEvent.by(
                principal, "mentorship.term_moved", "mentorship", pair.id, ends_on=end.isoformat()
            )
        )
