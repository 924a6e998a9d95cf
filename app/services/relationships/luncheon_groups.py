"""Charlotte's luncheon groups for a cohort: mentors of the cohort volunteer to host; the plan
seats the running mentees (together all term) and gives each group a different volunteer at
each luncheon, every volunteer hosting once; the coordinator's edits keep the same rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.kinds import EventKind
from app.domain.errors import (
    InvalidInput,
    NotFound,
    NotPermitted,
    PolicyError,
    TransitionRefused,
)
from app.domain.lifecycle.states import RUNNING_STATES
from app.domain.luncheons import (
    LuncheonGroup,
    LuncheonRules,
    check_plan,
    past_hosts,
    plan_luncheons,
    regroupings,
)
from app.services.ports import Clock, UnitOfWork
from app.services.programs.cohort_dates import cohort_dates
from app.services.programs.records import Mentorship

AT_MOST = 1_000_000


@dataclass(frozen=True, slots=True)
class LuncheonHosts:
    """A cohort's volunteer hosts, first offered first."""

    cohort_id: UUID
    volunteers: tuple[UUID, ...]


async def _rules(uow: UnitOfWork, cohort_id: UUID) -> LuncheonRules:
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
    return LuncheonRules(
        rules.luncheons,
        rules.luncheon_hosts,
        rules.luncheon_group_min,
        rules.luncheon_group_max,
        hosts_rotate=rules.mentees_stay_hosts_rotate,  # 000: "another four mentors" in April
    )


async def _running(uow: UnitOfWork, cohort_id: UUID) -> list[Mentorship]:
    found = await uow.programs.mentorships(cohort_id=cohort_id, limit=AT_MOST)
    return [m for m in found if m.state in RUNNING_STATES]


async def _volunteers(uow: UnitOfWork, cohort_id: UUID, running: list[Mentorship]) -> list[UUID]:
    # A volunteer whose pairs have all ended no longer hosts.
    mentors = {m.mentor_id for m in running}
    return [v for v in await uow.relationships.luncheon_volunteers(cohort_id) if v in mentors]


def _staff_only(scope: Reach) -> None:
    if scope is not Reach.ALL:
        raise NotPermitted("only the coordinator arranges luncheon groups", rule="staff_only")


async def volunteer_to_host(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> LuncheonHosts:
    """A mentor of the cohort offers to host a luncheon (000: "mentors will each volunteer")."""
    reach(principal, Resource.LUNCHEON_HOSTS, Action.WRITE)
    async with uow:
        # Whether the caller mentors here first: no one else learns what this cohort runs.
        running = await _running(uow, cohort_id)
        me = principal.employee_id
        if me is None or me not in {m.mentor_id for m in running}:
            raise NotFound("you are not a mentor of this cohort", field="id", rule="mentors_only")
        await _rules(uow, cohort_id)
        await uow.relationships.add_luncheon_volunteer(cohort_id, me)
        await uow.access.record(
            AuditEvent.by(principal, "luncheon_host.volunteered", "cohort", cohort_id)
        )
        hosts = LuncheonHosts(cohort_id, tuple(await _volunteers(uow, cohort_id, running)))
        await uow.commit()
    return hosts


async def list_luncheon_hosts(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> LuncheonHosts:
    """The volunteers the coordinator can plan with."""
    reach(principal, Resource.LUNCHEON_HOSTS, Action.READ)
    async with uow.read_only():
        await _rules(uow, cohort_id)
        running = await _running(uow, cohort_id)
        return LuncheonHosts(cohort_id, tuple(await _volunteers(uow, cohort_id, running)))


async def _held(uow: UnitOfWork, clock: Clock, cohort_id: UUID) -> int:
    """How many of the cohort's luncheons have taken place (their day has passed)."""
    today = clock.now().date()
    dates = (await cohort_dates(uow, [cohort_id]))[cohort_id]
    return sum(1 for e in dates.events if e.kind == EventKind.LUNCHEON and e.starts_on < today)


async def compute_luncheon_groups(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, cohort_id: UUID
) -> list[LuncheonGroup]:
    """Groups of the cohort's running mentees; each volunteer hosts one group once. Once a
    luncheon has been held the groups stand (000: "Mentees will remain with their group"): a new
    seating is refused and the coordinator edits the plan instead."""
    _staff_only(reach(principal, Resource.GROUPS, Action.WRITE))
    async with uow:
        rules = await _rules(uow, cohort_id)
        if await _held(uow, clock, cohort_id) and await uow.relationships.luncheon_groups(
            cohort_id
        ):
            raise TransitionRefused(
                "a luncheon has been held and mentees remain with their group: edit the plan "
                "to seat a newcomer rather than seating everyone again",
                field="id",
                rule="luncheon_groups_fixed",
            )
        running = await _running(uow, cohort_id)
        mentees = sorted({m.mentee_id for m in running})
        groups = plan_luncheons(mentees, await _volunteers(uow, cohort_id, running), rules)
        await _store(uow, principal, cohort_id, groups)
        await uow.commit()
    return list(groups)


async def edit_luncheon_groups(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    groups: Sequence[LuncheonGroup],
) -> list[LuncheonGroup]:
    """The coordinator's own arrangement, held to the same rules; every violation is named.
    After a luncheon, each mentee who stays keeps their group and its past hosts stay."""
    _staff_only(reach(principal, Resource.GROUPS, Action.WRITE))
    async with uow:
        rules = await _rules(uow, cohort_id)
        running = await _running(uow, cohort_id)
        held = await _held(uow, clock, cohort_id)
        before = await uow.relationships.luncheon_groups(cohort_id)
        check_plan(
            groups,
            rules,
            mentees={m.mentee_id for m in running},
            volunteers=set(await _volunteers(uow, cohort_id, running)) | past_hosts(before, held),
        )
        moved = regroupings(before, groups, held)
        if moved:
            raise InvalidInput(
                "; ".join(moved), field="groups", rule="mentees_remain_with_their_group"
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
