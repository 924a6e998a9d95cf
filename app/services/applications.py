"""Applications: a mentee's self-assessment or a mentor's volunteer profile, decided by the
program's eligibility rules on submit and again whenever the applicant's HR data changes."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.cohort_calendar import applications_close_on
from app.domain.directory import Employee
from app.domain.eligibility.application import SupervisorApproved
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.rules import in_supervisory_line
from app.domain.needs_assessment import FIELD, kept, require_late_edit, withheld
from app.domain.policy.model import Policy
from app.services.eligibility_refresh import reevaluate
from app.services.paging import Page, check_limit, page_of
from app.services.ports import Clock, UnitOfWork
from app.services.programs.facts import candidate
from app.services.programs.records import Application, Cohort, Program
from app.services.versions import check_unchanged


async def submit_application(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    employee_id: UUID,
    role: ApplicantRole,
    profile: Mapping[str, Any],
    capacity: int = 1,
) -> Application:
    """Apply to a cohort; the answer carries every eligibility rule's outcome and reason."""
    scope = reach(principal, Resource.APPLICATIONS, Action.WRITE)
    if scope is Reach.OWN and employee_id != principal.employee_id:
        raise NotFound("no such employee", field="employee_id")
    if capacity < 1:
        raise InvalidInput("a mentor takes at least one mentee", field="capacity")
    today = clock.now().date()
    async with uow:
        program = await _open_cohort_program(uow, cohort_id, today)
        employee = await uow.employees.get(employee_id)
        if employee is None:
            raise NotFound("no such employee", field="employee_id")
        await _refuse_supervisory_preferences(uow, employee, profile, program.policy)
        asks_supervisor = role is ApplicantRole.MENTEE and any(
            isinstance(r, SupervisorApproved) for r in program.policy.eligibility.mentee_rules
        )
        draft = Application(
            uuid.uuid4(),
            cohort_id,
            employee_id,
            role,
            dict(profile),
            capacity if role is ApplicantRole.MENTOR else 0,
            "requested" if asks_supervisor else None,
            (),
            False,
            {},
        )
        [decided] = await reevaluate(uow, [draft], today)
        stored = await uow.programs.add_application(decided)
        if stored is None:
            raise Conflict("this employee has already applied to this cohort", field="employee_id")
        await announce_application(uow, principal, stored, "application.submitted")
        await uow.commit()
    return as_seen_by(principal, stored)


async def get_application(
    *, uow: UnitOfWork, principal: Principal, application_id: UUID
) -> Application:
    """One application, with its latest eligibility decision."""
    scope = reach(principal, Resource.APPLICATIONS, Action.READ)
    async with uow.read_only():
        found = await visible_application(uow, principal, scope, application_id)
    return as_seen_by(principal, found)


async def applications_page(
    *,
    uow: UnitOfWork,
    principal: Principal,
    cohort_id: UUID,
    after: tuple[datetime, UUID] | None = None,
    limit: int = 50,
    backward: bool = False,
) -> Page[Application]:
    """A cohort's applications in the order they came, a page after `after` (the
    `(created_at, id)` of the last one shown); `backward`: the page just before it."""
    reach(principal, Resource.COHORTS, Action.READ)
    reach(principal, Resource.APPLICATIONS, Action.READ)
    check_limit(limit)
    async with uow.read_only():
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="id")
        found = await uow.programs.applications_page(
            cohort_id=cohort_id, after=after, limit=limit + 1, backward=backward
        )
    return page_of([as_seen_by(principal, a) for a in found], limit, backward=backward)


def as_seen_by(principal: Principal, application: Application) -> Application:
    """The application as `principal` reads it: the applicant all of it, anyone else without
    the text of a needs assessment (`needs_assessment.withheld`). An `If-Match` is checked
    against this view, so staff's fingerprints stay the ones they read."""
    if principal.employee_id == application.employee_id or FIELD not in application.profile:
        return application
    return replace(application, profile=withheld(application.profile))


async def edit_application(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    application_id: UUID,
    profile: Mapping[str, Any],
    capacity: int = 1,
    if_fingerprint: str | None = None,
) -> Application:
    """The applicant (or staff) edits the self-assessment or volunteer profile; eligibility is
    decided again in the same transaction, so it is never stale. After applications close, a
    mentee in an open pair may still provide the needs assessment where the program asks it
    by the initial meeting (NC, 003). `if_fingerprint` (an `If-Match`): refused as stale
    unless the application is as it was read."""
    scope = reach(principal, Resource.APPLICATIONS, Action.WRITE)
    if capacity < 1:
        raise InvalidInput("a mentor takes at least one mentee", field="capacity")
    async with uow:
        found = await visible_application(
            uow, principal, scope, application_id, lock=if_fingerprint is not None
        )
        check_unchanged(as_seen_by(principal, found), if_fingerprint, "application")
        if principal.employee_id != found.employee_id:
            profile = kept(found.profile, profile)
        program = await _editable_program(uow, found, profile, clock.now().date())
        employee = await uow.employees.get(found.employee_id)
        if employee is None:
            raise NotFound("no such application", field="id")
        await _refuse_supervisory_preferences(uow, employee, profile, program.policy)
        mentor = found.role is ApplicantRole.MENTOR
        edited = replace(found, profile=dict(profile), capacity=capacity if mentor else 0)
        await uow.programs.save_profile(edited)
        [decided] = await reevaluate(uow, [edited], clock.now().date())
        await uow.programs.save_applications([decided])
        await announce_application(uow, principal, decided, "application.edited")
        # As stored (the database's clock and JSON), so its fingerprint is the next If-Match.
        stored = await uow.programs.get_application(application_id)
        await uow.commit()
    return as_seen_by(principal, stored or decided)


async def _editable_program(
    uow: UnitOfWork, application: Application, profile: Mapping[str, Any], today: date
) -> Program:
    """The program of an application whose profile may take this edit today: any edit while
    its cohort takes applications; after, the needs assessment alone, from a mentee whose pair
    is open, where the policy asks it by the initial meeting."""
    cohort = await uow.programs.get_cohort(application.cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if cohort is None or program is None:
        raise NotFound("no such application", field="id")
    try:
        _require_open(cohort, program.policy, today)
    except Conflict as closed:
        onboarding = program.policy.onboarding
        require_late_edit(onboarding, application.profile, profile, closed=closed.detail)
        if not await _in_open_pair(uow, application):
            raise
    return program


async def _in_open_pair(uow: UnitOfWork, application: Application) -> bool:
    if application.role is not ApplicantRole.MENTEE:
        return False
    pairs = await uow.programs.mentorships(
        cohort_id=application.cohort_id, people=[application.employee_id], documents=False
    )
    mine = application.employee_id
    return any(p.mentee_id == mine and p.state in OPEN_STATES for p in pairs)


async def _open_cohort_program(uow: UnitOfWork, cohort_id: UUID, today: date) -> Program:
    """The program of a cohort taking applications today."""
    cohort = await uow.programs.get_cohort(cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if cohort is None or program is None:
        raise NotFound("no such cohort", field="id")
    _require_open(cohort, program.policy, today)
    return program


def _require_open(cohort: Cohort, policy: Policy, today: date) -> None:
    closes = applications_close_on(
        policy, cohort.starts_on, cohort.ends_on, cohort.applications_close_on
    )
    if closes is not None and today > closes:
        raise Conflict(
            f"applications to {cohort.name} closed; the last day they were taken was "
            f"{closes.isoformat()}",
            field="cohort_id",
            rule="applications_closed",
        )


async def _refuse_supervisory_preferences(
    uow: UnitOfWork, employee: Employee, profile: Mapping[str, Any], policy: Policy
) -> None:
    """Naming someone across the supervisory line this program reads (the direct supervisor,
    or the whole chain: each handbook its own) can never be a pair."""
    named = [str(i) for i in (profile.get("preferences") or {}).get("mentor_ids") or ()]
    named += [str(i) for i in profile.get("mentee_ids") or ()]
    ids = {UUID(i) for i in named}
    if not ids or not policy.matching.forbid_supervisory_chain:
        return
    chains = await uow.programs.ancestors([employee.id, *ids])
    others = {e.id: e for e in await uow.employees.get_many(list(ids))}
    me = candidate(employee, None, chains)
    for other in sorted(ids):
        person = others.get(other)
        if person is None:
            continue
        reason = in_supervisory_line(me, candidate(person, None, chains), policy.matching)
        if reason is not None:
            raise InvalidInput(
                f"{other} cannot be paired with the applicant: {reason}",
                field="preferences",
                rule="not_in_supervisory_chain",
            )


async def visible_application(
    uow: UnitOfWork, principal: Principal, scope: Reach, application_id: UUID, *, lock: bool = False
) -> Application:
    """The application, if the caller's reach shows it (a supervisor: their reports'; another
    participant: their own); else 404, as for an id that does not exist."""
    application = await uow.programs.get_application(application_id, lock=lock)
    if application is not None and scope is Reach.OWN:
        if principal.role.value == "supervisor":
            employee = await uow.employees.get(application.employee_id)
            mine = employee is not None and employee.manager_id == principal.employee_id
        else:
            mine = application.employee_id == principal.employee_id
        application = application if mine else None
    if application is None:
        raise NotFound("no such application", field="id")
    return application


async def announce_application(
    uow: UnitOfWork, principal: Principal, application: Application, event: str
) -> None:
    """The audit record and the event of a change to an application (its eligibility, never
    its profile's text)."""
    await uow.access.record(
        AuditEvent.by(
            principal,
            event,
            "application",
            application.id,
            role=application.role.value,
            eligible=application.eligible,
        )
    )
    await uow.outbox.emit(
        event,
        {
            "application_id": str(application.id),
            "cohort_id": str(application.cohort_id),
            "employee_id": str(application.employee_id),
            "eligible": application.eligible,
        },
    )
