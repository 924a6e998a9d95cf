"""Charlotte's luncheon groups for a cohort: computed from its running pairs (mentees sit
together all term, the mentors host in turn) and editable by the coordinator."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.errors import NotFound, PolicyError
from app.domain.lifecycle import RUNNING_STATES
from app.domain.luncheons import LuncheonGroup, check_plan, plan_luncheons
from app.domain.policy.model import GroupActivityPolicy
from app.services.ports import UnitOfWork

AT_MOST = 1_000_000


async def _rules(uow: UnitOfWork, cohort_id: UUID) -> GroupActivityPolicy:
    cohort = await uow.programs.get_cohort(cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if program is None:
        raise NotFound("no such cohort", field="id")
    rules = program.policy.group_activities
    if rules.luncheons == 0:
        raise PolicyError(
            "this program holds no luncheons",
            field="group_activities.luncheons",
            rule="no_luncheons",
        )
    return rules


async def compute_luncheon_groups(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[LuncheonGroup]:
    """Groups of the cohort's running mentees, hosted in turn by its mentors."""
    reach(principal, Resource.GROUPS, Action.WRITE)
    async with uow:
        rules = await _rules(uow, cohort_id)
        running = [
            m
            for m in await uow.programs.mentorships(cohort_id=cohort_id, limit=AT_MOST)
            if m.state in RUNNING_STATES
        ]
        mentees = sorted({m.mentee_id for m in running})
        hosts = sorted({m.mentor_id for m in running})[: rules.luncheon_hosts or None]
        groups = plan_luncheons(
            mentees,
            hosts,
            luncheons=rules.luncheons,
            group_min=rules.luncheon_group_min,
            group_max=rules.luncheon_group_max,
            hosts_rotate=rules.mentees_stay_hosts_rotate,  # 001: "hosts" rotate
        )
        await _store(uow, principal, cohort_id, groups)
        await uow.commit()
    return list(groups)


async def edit_luncheon_groups(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID, groups: Sequence[LuncheonGroup]
) -> list[LuncheonGroup]:
    """The coordinator's own arrangement, held to the same rules."""
    reach(principal, Resource.GROUPS, Action.WRITE)
    async with uow:
        rules = await _rules(uow, cohort_id)
        check_plan(
            groups,
            luncheons=rules.luncheons,
            group_min=rules.luncheon_group_min,
            group_max=rules.luncheon_group_max,
        )
        await _store(uow, principal, cohort_id, groups)
        await uow.commit()
    return list(groups)


async def list_luncheon_groups(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[LuncheonGroup]:
    """The cohort's groups; a participant sees only the group they sit in or host."""
    scope = reach(principal, Resource.GROUPS, Action.READ)
    async with uow.read_only():
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="id")
        groups = await uow.relationships.luncheon_groups(cohort_id)
    if scope is Reach.OWN:
        me = principal.employee_id
        groups = [g for g in groups if me in g.mentees or me in g.hosts]
        if not groups:
            raise NotFound("no luncheon group of yours in this cohort", field="id")
    return groups


async def _store(
    uow: UnitOfWork, principal: Principal, cohort_id: UUID, groups: Sequence[LuncheonGroup]
) -> None:
    await uow.relationships.replace_luncheon_groups(cohort_id, groups)
    await uow.access.record(
        AuditEvent.by(principal, "luncheon_groups.set", "cohort", cohort_id, groups=len(groups))
    )
    await uow.outbox.emit(
        "luncheon_groups.set", {"cohort_id": str(cohort_id), "groups": len(groups)}
    )
