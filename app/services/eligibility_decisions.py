"""An application's eligibility decided again after it was submitted: the supervisor's
approval (Caltrans), a coordinator's recorded override for extenuating circumstances (NC, seed
003), and every application of people whose HR data changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.eligibility.decision import require_overridable
from app.domain.eligibility.facts import EligibilityOverride
from app.domain.errors import Conflict, InvalidInput, PolicyError
from app.services.applications import announce_application, as_seen_by, visible_application
from app.services.approvers import approver_name
from app.services.eligibility_refresh import reevaluate
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import Application
from app.services.versions import check_unchanged


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
        application = await visible_application(
            uow, principal, scope, application_id, lock=if_fingerprint is not None
        )
        check_unchanged(as_seen_by(principal, application), if_fingerprint, "application")
        if application.supervisor_approval is None:
            raise Conflict("this program asks no supervisor approval", field="approved")
        decision = "approved" if approved else "declined"
        [decided] = await reevaluate(
            uow, [replace(application, supervisor_approval=decision)], clock.now().date()
        )
        await uow.programs.save_applications([decided])
        event = "application.supervisor_approved" if approved else "application.supervisor_declined"
        await announce_application(uow, principal, decided, event)
        stored = await uow.programs.get_application(application_id)
        await uow.commit()
    return as_seen_by(principal, stored or decided)


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
        application = await visible_application(
            uow, principal, Reach.ALL, application_id, lock=if_fingerprint is not None
        )
        check_unchanged(as_seen_by(principal, application), if_fingerprint, "application")
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
    return as_seen_by(principal, stored or decided)


async def refresh_eligibility(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, employee_ids: Sequence[UUID]
) -> list[Application]:
    """Decide again every application of these employees after their HR data changed."""
    reach(principal, Resource.EMPLOYEES, Action.WRITE)
    async with uow:
        decided = await refresh_within(uow, principal, employee_ids, clock.now().date())
        await uow.commit()
    return [as_seen_by(principal, a) for a in decided]


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
            await announce_application(uow, principal, after, "application.eligibility_changed")
    return decided
