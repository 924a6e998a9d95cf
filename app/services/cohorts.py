"""Cohorts: one run of a program, with its calendar of events and the attendance recorded."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.cohort_calendar import cohort_term_end, planned_calendar
from app.domain.calendar.kinds import EventKind
from app.domain.errors import InvalidInput, NotFound
from app.domain.luncheons import check_luncheon_date
from app.services.paging import Page, check_limit, page_of
from app.services.ports import UnitOfWork
from app.services.program_year.calendars import follow_formal_end
from app.services.programs.cohort_view import CohortView
from app.services.programs.records import Cohort, CohortEvent
from app.services.versions import check_unchanged

# The calendars of the seeds: Maine's yearly schedule, NC information sessions, Charlotte groups.
EVENT_KINDS = tuple(kind.value for kind in EventKind)


async def create_cohort(
    *,
    uow: UnitOfWork,
    principal: Principal,
    program_id: UUID,
    name: str,
    starts_on: date,
    ends_on: date | None = None,
    applications_close_on: date | None = None,
) -> CohortView:
    """A cohort of a program, its calendar laid out from the program's policy (each event the
    coordinator's to edit); applications are taken until `applications_close_on`, or else its
    start, or, where pairs form as people come, its last day: the day before `ends_on`, the
    first day past its term (`applications_open_until` says which)."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    if not name.strip():
        raise InvalidInput("must not be blank", field="name")
    _check_end(starts_on, ends_on)
    draft = Cohort(
        uuid.uuid4(), program_id, name.strip(), starts_on, ends_on, applications_close_on
    )
    async with uow:
        program = await uow.programs.get_program(program_id)
        if program is None:
            raise NotFound("no such program", field="id")
        cohort = await uow.programs.add_cohort(draft)
        for planned in planned_calendar(program.policy, starts_on, ends_on):
            await uow.programs.add_event(
                CohortEvent(
                    uuid.uuid4(),
                    cohort.id,
                    planned.kind.value,
                    planned.title,
                    planned.starts_on,
                    planned.ends_on,
                )
            )
        await uow.access.record(AuditEvent.by(principal, "cohort.created", "cohort", cohort.id))
        await uow.commit()
    return CohortView.of(cohort, program.policy)


async def update_cohort(
    *,
    uow: UnitOfWork,
    principal: Principal,
    cohort_id: UUID,
    name: str | None = None,
    ends_on: date | None = None,
    applications_close_on: date | None = None,
    cleared: Collection[str] = (),
    if_fingerprint: str | None = None,
) -> CohortView:
    """Rename a cohort, or move its end or the day applications close (`cleared` names those
    set back to none); its start stays, as the calendar was laid out from it. Moving the end
    moves the pairs whose term ends with the cohort (Maine). `if_fingerprint` (an `If-Match`):
    refused as stale unless the cohort is as it was read."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    if name is not None and not name.strip():
        raise InvalidInput("must not be blank", field="name")
    async with uow:
        found = await uow.programs.get_cohort(cohort_id, lock=if_fingerprint is not None)
        if found is None:
            raise NotFound("no such cohort", field="id")
        check_unchanged(found, if_fingerprint, "cohort")
        changed = replace(
            found,
            name=name.strip() if name else found.name,
            ends_on=None if "ends_on" in cleared else ends_on or found.ends_on,
            applications_close_on=None
            if "applications_close_on" in cleared
            else applications_close_on or found.applications_close_on,
        )
        _check_end(changed.starts_on, changed.ends_on)
        stored = await uow.programs.save_cohort(changed)
        if stored is None:
            raise NotFound("no such cohort", field="id")
        if stored.ends_on != found.ends_on:
            await follow_formal_end(uow, principal, cohort_id)
        await uow.access.record(AuditEvent.by(principal, "cohort.updated", "cohort", cohort_id))
        viewed = await _viewed(uow, stored)
        await uow.commit()
    return viewed


def _check_end(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on <= starts_on:
        raise InvalidInput(f"must be after starts_on ({starts_on.isoformat()})", field="ends_on")


async def get_cohort(*, uow: UnitOfWork, principal: Principal, cohort_id: UUID) -> CohortView:
    """One cohort, with the last day it takes applications."""
    reach(principal, Resource.COHORTS, Action.READ)
    async with uow.read_only():
        found = await uow.programs.get_cohort(cohort_id)
        if found is None:
            raise NotFound("no such cohort", field="id")
        return await _viewed(uow, found)


async def _viewed(uow: UnitOfWork, cohort: Cohort) -> CohortView:
    """The cohort with its applications closing as its program's policy reads it."""
    program = await uow.programs.get_program(cohort.program_id)
    if program is None:
        raise NotFound("no such cohort", field="id")
    return CohortView.of(cohort, program.policy)


async def list_cohorts(
    *,
    uow: UnitOfWork,
    principal: Principal,
    program_id: UUID,
    after: UUID | None = None,
    limit: int = 50,
    backward: bool = False,
) -> Page[CohortView]:
    """A program's cohorts in id order, a page after `after` (the last id shown);
    `backward`: the page just before it. Each with the last day it takes applications, read
    from the program's policy (read once for the page)."""
    reach(principal, Resource.PROGRAMS, Action.READ)
    reach(principal, Resource.COHORTS, Action.READ)
    check_limit(limit)
    async with uow.read_only():
        program = await uow.programs.get_program(program_id)
        if program is None:
            raise NotFound("no such program", field="id")
        found = await uow.programs.cohorts_page(
            program_id=program_id, after=after, limit=limit + 1, backward=backward
        )
    viewed = [CohortView.of(c, program.policy) for c in found]
    return page_of(viewed, limit, backward=backward)


async def add_cohort_event(
    *,
    uow: UnitOfWork,
    principal: Principal,
    cohort_id: UUID,
    kind: str,
    title: str,
    starts_on: date,
    ends_on: date | None = None,
) -> CohortEvent:
    """A date on the cohort's calendar (an information session, a networking event, ...)."""
    reach(principal, Resource.COHORTS, Action.WRITE)
    if kind not in EVENT_KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(EVENT_KINDS)}", field="kind")
    if ends_on is not None and ends_on < starts_on:
        raise InvalidInput("must not be before starts_on", field="ends_on")
    draft = CohortEvent(uuid.uuid4(), cohort_id, kind, title.strip() or kind, starts_on, ends_on)
    async with uow:
        # A luncheon is counted against the policy's number: the cohort's row is held while it
        # is, so two added at once cannot both find the last place.
        cohort = await uow.programs.get_cohort(cohort_id, lock=kind == "luncheon")
        if cohort is None:
            raise NotFound("no such cohort", field="id")
        if kind == "luncheon":
            await _check_luncheon(uow, cohort, starts_on)
        event = await uow.programs.add_event(draft)
        await uow.access.record(
            AuditEvent.by(principal, "cohort.event_added", "cohort", cohort_id, kind=kind)
        )
        await uow.commit()
    return event


async def list_cohort_events(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[CohortEvent]:
    """The cohort's calendar in date order."""
    reach(principal, Resource.COHORTS, Action.READ)
    async with uow.read_only():
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="id")
        return await uow.programs.events(cohort_id)


async def events_of_cohorts(
    *, uow: UnitOfWork, principal: Principal, cohort_ids: Sequence[UUID]
) -> list[list[CohortEvent]]:
    """Each cohort's calendar, in the order of `cohort_ids` (for GraphQL's loader)."""
    reach(principal, Resource.COHORTS, Action.READ)
    async with uow.read_only():
        found = await uow.programs.events_of(cohort_ids)
    return [[e for e in found if e.cohort_id == cohort_id] for cohort_id in cohort_ids]


async def _check_luncheon(uow: UnitOfWork, cohort: Cohort, day: date) -> None:
    program = await uow.programs.get_program(cohort.program_id)
    if program is None:
        raise NotFound("no such program", field="cohort_id")
    rules = program.policy.group_activities
    scheduled = [e for e in await uow.programs.events(cohort.id) if e.kind == "luncheon"]
    check_luncheon_date(
        luncheons=rules.luncheons,
        not_before_month=rules.luncheons_not_before_month,
        cohort_starts_on=cohort.starts_on,
        term_ends_on=cohort_term_end(program.policy, cohort.starts_on, cohort.ends_on),
        day=day,
        already=len(scheduled),
    )
