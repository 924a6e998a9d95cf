"""Matching runs: the globally best pairs for a cohort under every hard rule, each proposal
explained; coordinator-locked pairs kept; publishing creates `proposed` mentorships once."""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.matching.explanation import refusals
from app.domain.matching.formation import run_formed_by
from app.domain.matching.run_state import RunState, publish_refusal
from app.domain.policy.model import PairFormation
from app.services.approvers import approver_name
from app.services.bulk_work import off_the_loop
from app.services.matching.engine import MatchingResult, solve_matching
from app.services.matching.pool import CohortPool, cohort_pool, result_json, run_context
from app.services.matching.queued_runs import is_large, queued_run
from app.services.next_session import carried_mentees, first_pick
from app.services.paging import Page, check_limit, page_of
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import MatchingRun, MatchLock, Mentorship
from app.services.relationships.mentorships import proposed_mentorships


async def start_matching_run(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    respond_async: bool = False,
    background_above: int | None = None,
) -> MatchingRun:
    """Propose mentors for every eligible mentee of the cohort not yet in a mentorship. Asked
    to (`respond_async`), or for a cohort of more than `background_above` applications, the
    run is only queued (state `queued`): the background computes it, and the run's state says
    when it is `computed` (or `failed`, and why)."""
    reach(principal, Resource.MATCHING_RUNS, Action.WRITE)
    async with uow:
        if respond_async or await is_large(uow, cohort_id, background_above):
            run = await queued_run(uow, principal, cohort_id)
        else:
            run = await _computed_run(uow, principal, clock, cohort_id)
        await uow.commit()
    return run


async def _computed_run(
    uow: UnitOfWork, principal: Principal, clock: Clock, cohort_id: UUID
) -> MatchingRun:
    """Compute the run in the request, as every run was before runs could be queued."""
    started = clock.now()
    version, result = await computed_result(uow, cohort_id, started.date())
    by = await approver_name(uow, principal)
    draft = MatchingRun(uuid.uuid4(), cohort_id, RunState.COMPUTED, version, result, by)
    run = await uow.programs.add_run(
        replace(draft, started_at=started, finished_at=clock.now(), attempts=1)
    )
    await uow.access.record(
        AuditEvent.by(
            principal,
            "matching_run.computed",
            "matching_run",
            run.id,
            proposals=len(result["proposals"]),
            unmatched=len(result["unmatched"]),
        )
    )
    return run


async def computed_result(
    uow: UnitOfWork, cohort_id: UUID, today: date
) -> tuple[int, dict[str, Any]]:
    """The cohort's run as of `today`: the policy version it ran under, and its result."""
    pool = await cohort_pool(uow, cohort_id, today)
    if not pool.mentors:
        raise Conflict(
            "the cohort has no eligible mentors to match with",
            field="cohort_id",
            rule="eligible_mentors",
        )
    if not pool.mentees:
        raise Conflict("the cohort has no eligible mentees to match", field="cohort_id")
    present = {m.id for m in pool.mentees} | {m.id for m in pool.mentors}
    locked = [
        (k.mentee_id, k.mentor_id)
        for k in pool.locks
        if k.mentee_id in present and k.mentor_id in present
    ]
    result = await _solve(uow, pool, locked)
    return pool.program.policy_version, {**result_json(result), **run_context(pool, result)}


async def _ways_of_forming(uow: UnitOfWork, cohort_id: UUID) -> tuple[PairFormation, ...]:
    cohort = await uow.programs.get_cohort(cohort_id)
    program = None if cohort is None else await uow.programs.get_program(cohort.program_id)
    if program is None:
        raise NotFound("no such matching run", field="id")
    return program.policy.pair_formation


async def _solve(
    uow: UnitOfWork, pool: CohortPool, fixed: Sequence[tuple[Hashable, Hashable]]
) -> MatchingResult:
    """The run's pairs; where the policy gives the next-session list priority, its mentees are
    matched first (their pairs then held while the rest are matched)."""
    matching = pool.policy.matching
    locked = list(fixed)
    first = frozenset[UUID]()
    if pool.policy.checkpoint.next_cohort_priority:
        first = first_pick(await carried_mentees(uow, pool.cohort))
    if first:
        early = await off_the_loop(
            solve_matching,
            mentees=[m for m in pool.mentees if m.id in first],
            mentors=pool.mentors,
            policy=matching,
            locked=[(e, r) for e, r in locked if e in first],
        )
        held = {(p.mentee_id, p.mentor_id) for p in early.proposals}
        locked = [*locked, *((e, r) for e, r in held if (e, r) not in locked)]
    # A large cohort's solve takes a while: off the event loop, so others are served.
    result = await off_the_loop(
        solve_matching, mentees=pool.mentees, mentors=pool.mentors, policy=matching, locked=locked
    )
    coordinator_locks: set[tuple[Hashable, Hashable]] = {
        (k.mentee_id, k.mentor_id) for k in pool.locks
    }
    return replace(
        result,
        proposals=tuple(
            replace(p, locked=(p.mentee_id, p.mentor_id) in coordinator_locks)
            for p in result.proposals
        ),
    )


async def get_matching_run(*, uow: UnitOfWork, principal: Principal, run_id: UUID) -> MatchingRun:
    """One run: its proposals with explanations and runners-up, and who was left unmatched."""
    reach(principal, Resource.MATCHING_RUNS, Action.READ)
    async with uow.read_only():
        found = await uow.programs.get_run(run_id)
    if found is None:
        raise NotFound("no such matching run", field="id")
    return found


async def list_matching_runs(
    *,
    uow: UnitOfWork,
    principal: Principal,
    cohort_id: UUID,
    after: UUID | None = None,
    limit: int = 50,
    backward: bool = False,
) -> Page[MatchingRun]:
    """A cohort's matching runs in id order, a page after `after` (the last id shown);
    `backward`: the page just before it."""
    reach(principal, Resource.COHORTS, Action.READ)
    reach(principal, Resource.MATCHING_RUNS, Action.READ)
    check_limit(limit)
    async with uow.read_only():
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="id")
        found = await uow.programs.runs_page(
            cohort_id=cohort_id, after=after, limit=limit + 1, backward=backward
        )
    return page_of(found, limit, backward=backward)


async def lock_pair(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    mentee_id: UUID,
    mentor_id: UUID,
) -> MatchLock:
    """Fix a pair: every later run of the cohort keeps it. It must pass every hard rule."""
    reach(principal, Resource.MATCHING_RUNS, Action.WRITE)
    async with uow:
        pool = await cohort_pool(uow, cohort_id, clock.now().date())
        mentee = next((m for m in pool.mentees if m.id == mentee_id), None)
        mentor = next((m for m in pool.mentors if m.id == mentor_id), None)
        if mentee is None or mentor is None:
            raise InvalidInput(
                "both must be eligible, unpaired applicants of this cohort", field="mentee_id"
            )
        others = sum(1 for k in pool.locks if k.mentor_id == mentor_id and k.mentee_id != mentee_id)
        broken = refusals(
            mentee, replace(mentor, current_load=mentor.current_load + others), pool.policy.matching
        )
        if broken:
            raise InvalidInput(broken[0].reason, field="mentor_id", rule=broken[0].rule.value)
        lock = MatchLock(cohort_id, mentee_id, mentor_id, await approver_name(uow, principal))
        await uow.programs.add_lock(lock)
        await uow.access.record(
            AuditEvent.by(
                principal,
                "matching.pair_locked",
                "cohort",
                cohort_id,
                mentee_id=str(mentee_id),
                mentor_id=str(mentor_id),
            )
        )
        await uow.commit()
    return lock


async def publish_matching_run(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, run_id: UUID
) -> list[Mentorship]:
    """Turn the run's proposals into mentorships in state `proposed`, formed by one of the
    program's own ways (never a committee-only program's); only once. The pairs start on the
    publish day (the cohort's start if that is later), whenever the run was computed."""
    reach(principal, Resource.MATCHING_RUNS, Action.PUBLISH)
    async with uow:
        run = await uow.programs.mark_published(run_id)  # waits for a concurrent publish
        if run is None:
            found = await uow.programs.get_run(run_id)
            if found is None:
                raise NotFound("no such matching run", field="id")
            raise publish_refusal(found.state)
        formed_by = run_formed_by(await _ways_of_forming(uow, run.cohort_id))
        pairs = [
            (UUID(p["mentee_id"]), UUID(p["mentor_id"]), p["explanation"])
            for p in run.result["proposals"]
        ]
        created = await proposed_mentorships(
            uow,
            run.cohort_id,
            pairs,
            formed_by=formed_by.value,
            today=clock.now().date(),
            run=run,
        )
        await uow.access.record(
            AuditEvent.by(
                principal,
                "matching_run.published",
                "matching_run",
                run_id,
                mentorships=len(created),
            )
        )
        await uow.outbox.emit(
            "matching_run.published",
            {
                "matching_run_id": str(run_id),
                "cohort_id": str(run.cohort_id),
                "mentorship_ids": [str(m.id) for m in created],
            },
        )
        await uow.commit()
    return created


__all__ = [
    "CohortPool",
    "get_matching_run",
    "lock_pair",
    "publish_matching_run",
    "start_matching_run",
]
