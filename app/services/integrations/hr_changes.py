"""Reacting to HR changes: a pair that an import or a SCIM update made impossible (the
mentor became the mentee's manager, both moved into one unit, someone left) is flagged
for the coordinator, and a `mentorship.flagged` event goes out. The rules are the matching
rules (app.domain.matching.rules) under the policy the mentorship runs with."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.directory import Employee, EmploymentStatus
from app.domain.errors import NotPermitted
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.rules import HardRule, RuleRefusal, refusals
from app.domain.policy.model import stored_policy
from app.services.integrations.ports import MentorshipFlag, OpenPair
from app.services.ports import Clock, UnitOfWork

LEFT = "someone_left"
ON_LEAVE = "someone_on_leave"
_AWAY = {
    EmploymentStatus.INACTIVE: (LEFT, "left the organisation"),
    EmploymentStatus.LEAVE: (
        ON_LEAVE,
        "is on leave",
    ),
}


def _candidate(person: Employee, ancestors: frozenset[UUID]) -> MatchCandidate:
    return MatchCandidate(
        id=person.id,
        level=person.level,
        department=person.department,
        unit=person.unit,
        ancestors=frozenset(ancestors),
        manager=person.manager_id,
    )


def broken_rules(
    pair: OpenPair, mentee: Employee, mentor: Employee, ancestors: dict[UUID, frozenset[UUID]]
) -> list[RuleRefusal | tuple[str, str]]:
    """The hard rules the pair now breaks (capacity aside: the pair already holds its place)."""
    policy = stored_policy(pair.policy).matching
    found: list[RuleRefusal | tuple[str, str]] = [
        r
        for r in refusals(
            _candidate(mentee, ancestors.get(mentee.id, frozenset())),
            _candidate(mentor, ancestors.get(mentor.id, frozenset())),
            policy,
        )
        if r.rule not in (HardRule.MENTOR_HAS_CAPACITY, HardRule.WITHIN_ORGANIZATION_CAP)
    ]
    for who, person in (("mentee", mentee), ("mentor", mentor)):
        away = _AWAY.get(person.employment_status)
        if away is not None:
            found.append((away[0], f"the {who} {away[1]}"))
    return found


async def flag_broken_pairs(
    uow: UnitOfWork, clock: Clock, employee_ids: Sequence[UUID]
) -> list[MentorshipFlag]:
    """Inside the caller's transaction: flag every open pair of these employees that breaks
    a hard rule now, and emit `mentorship.flagged` for each new flag."""
    pairs = await uow.integrations.open_pairs_of(employee_ids, OPEN_STATES)
    if not pairs:
        return []
    people_ids = sorted({p for pair in pairs for p in (pair.mentee_id, pair.mentor_id)})
    people = {e.id: e for e in await uow.employees.get_many(people_ids)}
    ancestors = await uow.programs.ancestors(people_ids)
    flags = []
    for pair in pairs:
        broken = broken_rules(pair, people[pair.mentee_id], people[pair.mentor_id], ancestors)
        if not broken:
            continue
        rules = tuple(b.rule.value if isinstance(b, RuleRefusal) else b[0] for b in broken)
        reasons = tuple(b.reason if isinstance(b, RuleRefusal) else b[1] for b in broken)
        flag = MentorshipFlag(uuid.uuid4(), pair.mentorship_id, rules, reasons, clock.now())
        if await uow.integrations.add_flag(flag):
            flags.append(flag)
            payload = {"mentorship_id": str(pair.mentorship_id), "rules": list(rules)}
            await uow.outbox.emit("mentorship.flagged", payload)
    return flags


async def review_pairs_after_hr_change(
    *, uow: UnitOfWork, clock: Clock, employee_numbers: Sequence[str]
) -> list[MentorshipFlag]:
    """After an import or a SCIM write: flag the pairs those employees' changes broke."""
    async with uow:
        found = [await uow.employees.by_number(n) for n in employee_numbers]
        flags = await flag_broken_pairs(uow, clock, [e.id for e in found if e is not None])
        await uow.commit()
    return flags


async def list_mentorship_flags(*, uow: UnitOfWork, principal: Principal) -> list[MentorshipFlag]:
    """Open flags of the organisation's pairs, newest first (coordinators, administrators)."""
    if reach(principal, Resource.MENTORSHIPS, Action.READ) is not Reach.ALL:
        raise NotPermitted("flags are for coordinators", rule="mentorships:read")
    async with uow.read_only():
        return await uow.integrations.open_flags()
