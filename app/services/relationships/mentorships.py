"""Mentorships: created in state `proposed` under a snapshot of the program's policy, by a
published run or by the other ways pairs form (mentee's choice, referral, interview
shortlist, committee, coordinator), all held to the same hard rules; and read by those
who may see them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal, Role
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput, NotFound, PolicyError
from app.domain.lifecycle.status import propose
from app.domain.matching.formation import MENTEE_OWN_WAYS
from app.domain.pair_term import pair_ends_on, pair_starts_on
from app.domain.policy.model import PairFormation, Policy, stored_policy
from app.services.approvers import approver_name
from app.services.paging import check_limit
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import MatchingRun, Mentorship
from app.services.relationships.pair_batches import reachable_pairs, scope_or_none
from app.services.relationships.pair_checks import checked_pair
from app.services.relationships.pairs import Pair, relation_of, status_of
from app.services.relationships.progress import ProgressView, describe
from app.services.relationships.records import Progress

MAX_PAGE = 200


async def create_mentorship(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    mentee_id: UUID,
    mentor_id: UUID,
    formed_by: PairFormation,
    supervisor_override_reason: str | None = None,
) -> Mentorship:
    """A proposed pair formed outside a matching run; it must pass every hard rule. A mentee
    choosing (Caltrans) may name a mentor who did not volunteer (an off-list request). Staff
    may pair across the direct-supervisor line where the policy allows, with a recorded reason.
    The pair starts on the day it is formed (the cohort's start if that is later)."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.WRITE)
    if scope is Reach.OWN and (
        mentee_id != principal.employee_id or formed_by not in MENTEE_OWN_WAYS
    ):
        raise NotFound("no such mentee", field="mentee_id")
    reason = (supervisor_override_reason or "").strip()
    if supervisor_override_reason is not None:
        reach(principal, Resource.MENTORSHIPS, Action.OVERRIDE)
        if not reason:
            raise InvalidInput("an override needs its reason", field="supervisor_override_reason")
    async with uow:
        cohort = await uow.programs.get_cohort(cohort_id)
        program = await uow.programs.get_program(cohort.program_id) if cohort else None
        if cohort is None or program is None:
            raise NotFound("no such cohort", field="cohort_id")
        if formed_by not in program.policy.pair_formation:
            allowed = ", ".join(program.policy.pair_formation)
            raise PolicyError(f"pairs in this program form by: {allowed}", field="formed_by")
        override = await _override_record(uow, principal, reason) if reason else None
        explanation = await checked_pair(
            uow, cohort_id, mentee_id, mentor_id, formed_by, override=override
        )
        [created] = await proposed_mentorships(
            uow,
            cohort_id,
            [(mentee_id, mentor_id, explanation)],
            formed_by=formed_by.value,
            today=clock.now().date(),
        )
        await uow.access.record(
            AuditEvent.by(
                principal,
                "mentorship.proposed",
                "mentorship",
                created.id,
                formed_by=formed_by.value,
                supervisor_override=override is not None,
            )
        )
        await uow.commit()
    return created


async def _override_record(uow: UnitOfWork, principal: Principal, reason: str) -> dict[str, str]:
    return {
        "rule": "not_in_supervisory_chain",
        "approved_by": await approver_name(uow, principal),
        "reason": reason,
    }


async def get_mentorship(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> Mentorship:
    """One mentorship the caller may see (a pair's own, a report's, or any for staff)."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.READ)
    async with uow.read_only():
        found = await uow.programs.get_mentorship(mentorship_id)
        if found is not None and scope is Reach.OWN:
            people = await _people_seen_by(uow, principal)
            found = found if {found.mentee_id, found.mentor_id} & set(people) else None
    if found is None:
        raise NotFound("no such mentorship", field="id")
    return found


async def list_mentorships(
    *,
    uow: UnitOfWork,
    principal: Principal,
    cohort_id: UUID | None = None,
    after: UUID | None = None,
    limit: int = 50,
) -> list[Mentorship]:
    """The mentorships the caller may see, in id order, a page at a time (`after`: last id)."""
    page = await page_of_mentorships(
        uow=uow, principal=principal, cohort_id=cohort_id, after=after, limit=limit
    )
    return page.mentorships


@dataclass(frozen=True, slots=True)
class MentorshipPage:
    mentorships: list[Mentorship]
    has_more: bool


async def page_of_mentorships(
    *,
    uow: UnitOfWork,
    principal: Principal,
    cohort_id: UUID | None = None,
    after: UUID | None = None,
    limit: int = 50,
    documents: bool = True,
    backward: bool = False,
) -> MentorshipPage:
    """A keyset page of the mentorships the caller may see, and whether another follows.
    Without `documents`, their policies and explanations are not read (a dashboard).
    `backward`: the page just before `after` (still in id order), and whether more precede it."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.READ)
    check_limit(limit, MAX_PAGE)
    async with uow.read_only():
        people = await _people_seen_by(uow, principal) if scope is Reach.OWN else None
        found = await uow.programs.mentorships(
            cohort_id=cohort_id,
            people=people,
            after=after,
            limit=limit + 1,
            documents=documents,
            backward=backward,
            one_more=True,  # the extra row only says whether another page follows
        )
    return MentorshipPage(found[-limit:] if backward else found[:limit], len(found) > limit)


async def proposed_mentorships(
    uow: UnitOfWork,
    cohort_id: UUID,
    pairs: Sequence[tuple[UUID, UUID, Mapping[str, Any]]],
    *,
    formed_by: str,
    today: date,
    run: MatchingRun | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    checkpoint: bool = True,
    under: tuple[int, Policy] | None = None,
) -> list[Mentorship]:
    """Store pairs as `proposed` mentorships, each under the policy snapshot of the run (or
    `under`, a version and its policy, or the program's current one) with its timeline, from
    `starts_on` (a rematch's day) or else the day they are formed, `today` (the cohort's start
    if that is later), to `ends_on` (a rematch's session end) or the end the policy gives."""
    cohort = await uow.programs.get_cohort(cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if cohort is None or program is None:
        raise NotFound("no such cohort", field="cohort_id")
    version, policy = under or (program.policy_version, program.policy)
    if under is None and run is not None and run.policy_version != version:
        versions = dict(await uow.programs.policy_versions(program.id))
        version, policy = run.policy_version, stored_policy(versions[run.policy_version])
    starts_on = starts_on or pair_starts_on(cohort.starts_on, today)
    if ends_on is None:
        events = await uow.programs.events(cohort_id) if policy.term.ends_at_cohort_end else []
        ends_on = pair_ends_on(policy, starts_on, cohort.ends_on, events)
    status = propose(policy=policy, starts_on=starts_on, ends_on=ends_on, checkpoint=checkpoint)
    snapshot = policy.to_dict()
    return await uow.programs.add_mentorships(
        [
            Mentorship(
                uuid.uuid4(),
                cohort_id,
                mentee,
                mentor,
                status.state,
                formed_by,
                run.id if run else None,
                status.timeline.starts_on,
                status.timeline.ends_on,
                status.timeline.checkpoint_due_on,
                version,
                snapshot,
                dict(explanation),
            )
            for mentee, mentor, explanation in pairs
        ]
    )


async def _people_seen_by(uow: UnitOfWork, principal: Principal) -> list[UUID]:
    """A participant sees their own pairs; a supervisor their reports'."""
    if principal.employee_id is None:
        return []
    if principal.role is Role.SUPERVISOR:
        return [e.id for e in await uow.employees.reports_of([principal.employee_id])]
    return [principal.employee_id]


async def progress_of_mentorships(
    *, uow: UnitOfWork, principal: Principal, mentorship_ids: Sequence[UUID]
) -> list[ProgressView | None]:
    """Batch read for DataLoaders: each mentorship's facts (state, confirmations, signatures,
    timeline) in two queries; None where `get_progress` would answer "not found". The cadence
    signal needs the meeting log, so it is left to the single read."""
    scope = scope_or_none(principal, Resource.MENTORSHIPS, Action.READ)
    if scope is None:
        return [None for _ in mentorship_ids]
    async with uow.read_only():
        seen = await reachable_pairs(uow, principal, mentorship_ids, scope)
        stored = await uow.relationships.progress_of(list(seen)) if seen else {}
    views: list[ProgressView | None] = []
    for mentorship_id in mentorship_ids:
        mentorship = seen.get(mentorship_id)
        if mentorship is None:
            views.append(None)
            continue
        progress = stored.get(mentorship_id) or Progress(mentorship_id)
        relation = relation_of(principal, mentorship)
        views.append(
            describe(Pair(mentorship, progress, status_of(mentorship, progress), relation, None))
        )
    return views
