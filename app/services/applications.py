"""Applications: a mentee's self-assessment or a mentor's volunteer profile, decided by the
program's eligibility rules on submit and again whenever the applicant's HR data changes."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.cohort_calendar import applications_close_on
from app.domain.directory import Employee
from app.domain.eligibility.decision import SupervisorApproved, require_overridable
from app.domain.eligibility.facts import ApplicantRole, EligibilityOverride
from app.domain.errors import Conflict, InvalidInput, NotFound, PolicyError
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.rules import in_supervisory_line
from app.domain.needs_assessment import require_late_edit
from app.domain.policy.model import Policy
from app.services.approvers import approver_name
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
        cohort = await _open_cohort(uow, cohort_id, today)
        program = await uow.programs.get_program(cohort.program_id)
        employee = await uow.employees.get(employee_id)
        if program is None or employee is None:
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
        await _announce(uow, principal, stored, "application.submitted")
        await uow.commit()
    return stored


async def get_application(
    *, uow: UnitOfWork, principal: Principal, application_id: UUID
) -> Application:
    """One application, with its latest eligibility decision."""
    scope = reach(principal, Resource.APPLICATIONS, Action.READ)
    async with uow.read_only():
        return await _visible(uow, principal, scope, application_id)


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
    return page_of(found, limit, backward=backward)


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
        found = await _visible(
            uow, principal, scope, application_id, lock=if_fingerprint is not None
        )
        check_unchanged(found, if_fingerprint, "application")
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
        await _announce(uow, principal, decided, "application.edited")
        # As stored (the database's clock and JSON), so its fingerprint is the next If-Match.
        stored = await uow.programs.get_application(application_id)
        await uow.commit()
    return stored or decided


async def decide_supervisor_approval(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    application_id: UUID,
    approved: bool,
    if_fingerprint: str | None = None,
) -> Application:
    """The mentee's supervisor approves or declines participation (Caltrans).
    `if_fingerprint` (an `If-Match`): refused as stale unless the application is as it was read."""
    scope = reach(principal, Resource.APPLICATIONS, Action.APPROVE)
    async with uow:
        application = await _visible(
            uow, principal, scope, application_id, lock=if_fingerprint is not None
        )
        check_unchanged(application, if_fingerprint, "application")
        if application.supervisor_approval is None:
            raise Conflict("this program asks no supervisor approval", field="approved")
        decision = "approved" if approved else "declined"
        [decided] = await reevaluate(
            uow, [replace(application, supervisor_approval=decision)], clock.now().date()
        )
        await uow.programs.save_applications([decided])
        event = "application.supervisor_approved" if approved else "application.supervisor_declined"
        await _announce(uow, principal, decided, event)
        stored = await uow.programs.get_application(application_id)
        await uow.commit()
    return stored or decided


async def override_eligibility(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    application_id: UUID,
    rule: str,
    reason: str,
    if_fingerprint: str | None = None,
) -> Application:
    """Admit, on record and with the reason, an applicant who fails `rule` (NC, seed 003).
    `if_fingerprint` (an `If-Match`): refused as stale unless the application is as it was read."""
    reach(principal, Resource.APPLICATIONS, Action.OVERRIDE)
    require_overridable(rule)
    now = clock.now()
    if not reason.strip():
        raise InvalidInput(
            "an override needs the extenuating circumstances as its reason",
            field="reason",
            rule=rule,
        )
    async with uow:
        override = EligibilityOverride(
            rule, await approver_name(uow, principal), now, reason.strip()
        )
        application = await _visible(
            uow, principal, Reach.ALL, application_id, lock=if_fingerprint is not None
        )
        check_unchanged(application, if_fingerprint, "application")
        cohort = await uow.programs.get_cohort(application.cohort_id)
        program = await uow.programs.get_program(cohort.program_id) if cohort else None
        if program is None or not program.policy.eligibility.overrides_allowed:
            raise PolicyError("this program's policy allows no eligibility overrides", field="rule")
        failed = {r["rule"] for r in application.eligibility.get("rules", ()) if not r["passed"]}
        if rule not in failed:
            raise InvalidInput(f"the applicant does not fail {rule!r}", field="rule")
        kept = tuple(o for o in application.overrides if o["rule"] != rule)
        draft = replace(application, overrides=(*kept, override.to_dict()))
        [decided] = await reevaluate(uow, [draft], now.date())
        await uow.programs.save_applications([decided])
        await uow.access.record(
            AuditEvent.by(
                principal,
                "application.eligibility_overridden",
                "application",
                application_id,
                rule=rule,
            )
        )
        stored = await uow.programs.get_application(application_id)
        await uow.commit()
    return stored or decided


async def refresh_eligibility(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, employee_ids: Sequence[UUID]
) -> list[Application]:
    """Decide again every application of these employees after their HR data changed."""
    reach(principal, Resource.EMPLOYEES, Action.WRITE)
    async with uow:
        decided = await refresh_within(uow, principal, employee_ids, clock.now().date())
        await uow.commit()
    return decided


async def refresh_within(
    uow: UnitOfWork, principal: Principal, employee_ids: Sequence[UUID], today: date
) -> list[Application]:
    """The same inside a transaction already open (an HR import's, before it commits):
    stores each new decision and announces those that changed."""
    found = await uow.programs.applications(employee_ids=list(employee_ids))
    decided = await reevaluate(uow, found, today)
    await uow.programs.save_applications(decided)
    for before, after in zip(found, decided, strict=True):
        if before.eligible != after.eligible:
            await _announce(uow, principal, after, "application.eligibility_changed")
    return decided


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
        _require_open(cohort, today)
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


async def _open_cohort(uow: UnitOfWork, cohort_id: UUID, today: date) -> Cohort:
    cohort = await uow.programs.get_cohort(cohort_id)
    if cohort is None:
        raise NotFound("no such cohort", field="id")
    _require_open(cohort, today)
    return cohort


def _require_open(cohort: Cohort, today: date) -> None:
    closes = applications_close_on(cohort.starts_on, cohort.applications_close_on)
    if today > closes:
        raise Conflict(
            f"applications to {cohort.name} closed on {closes.isoformat()}",
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


async def _visible(
    uow: UnitOfWork, principal: Principal, scope: Reach, application_id: UUID, *, lock: bool = False
) -> Application:
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


async def _announce(
    uow: UnitOfWork, principal: Principal, application: Application, event: str
) -> None:
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
