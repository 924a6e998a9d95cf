"""The next-session list: mentees withdrawn at a checkpoint (000) carried to the program's
next cohort, each with its reason code, and shown to the mentee themself."""

from __future__ import annotations

from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import NotFound
from app.domain.next_session import CarriedMentee, carry_over_reason
from app.services.ports import UnitOfWork
from app.services.programs.records import Cohort


async def next_session_list(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[CarriedMentee]:
    """Who this cohort carries over from the program's earlier ones, and why; a participant
    on it sees only their own entry (so applying shows it to them), anyone else NotFound."""
    scope = reach(principal, Resource.APPLICATIONS, Action.READ)
    async with uow.read_only():
        cohort = await uow.programs.get_cohort(cohort_id)
        if cohort is None:
            raise NotFound("no such cohort", field="id")
        carried = await carried_mentees(uow, cohort)
    if scope is Reach.OWN:
        mine = [c for c in carried if c.mentee_id == principal.employee_id]
        if not mine:  # the list is the coordinator's; a participant reads only their own entry
            raise NotFound("no such cohort", field="id")
        return mine
    return carried


async def carried_mentees(uow: UnitOfWork, cohort: Cohort) -> list[CarriedMentee]:
    """Inside the caller's transaction: the cohort's next-session list, latest withdrawal
    per mentee, with their application to this cohort if they made one."""
    withdrawn = await uow.programs.withdrawn_for_next_cohort(cohort.program_id, cohort.starts_on)
    applied = {
        a.employee_id: a.id
        for a in await uow.programs.applications(cohort_id=cohort.id)
        if a.role is ApplicantRole.MENTEE
    }
    latest = {pair.mentee_id: pair for pair in withdrawn}  # ordered by withdrawal date
    return [
        CarriedMentee(
            mentee_id=pair.mentee_id,
            mentorship_id=pair.mentorship_id,
            from_cohort_id=pair.cohort_id,
            withdrawn_on=pair.closed_on,
            reason=carry_over_reason(pair.checkpoint_answers),
            application_id=applied.get(pair.mentee_id),
        )
        for pair in latest.values()
    ]


def first_pick(carried: list[CarriedMentee]) -> frozenset[UUID]:
    """The mentees a policy with `next_cohort_priority` matches before the others."""
    return frozenset(c.mentee_id for c in carried)
