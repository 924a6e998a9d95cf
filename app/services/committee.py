"""The selection committee's workflow (Charlotte, 000 "Selection Committee"): members review
applications against mentor profiles and recommend a pair per mentee, each held to every hard
rule; a coordinator publishes the slate as mentorships `formed_by: committee`."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.errors import Conflict, InvalidInput, NotFound, PolicyError
from app.domain.matching.committee import CommitteeRecommendation, other_picks
from app.domain.matching.explanation import MatchExplanation, explain
from app.domain.policy.model import PairFormation
from app.services.approvers import approver_name
from app.services.matching.pool import CohortPool, cohort_pool
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import Mentorship
from app.services.relationships.mentorships import proposed_mentorships


async def recommend_pair(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    cohort_id: UUID,
    mentee_id: UUID,
    mentor_id: UUID,
    note: str = "",
) -> CommitteeRecommendation:
    """A committee member (or coordinator) recommends this mentor for this mentee; a new
    recommendation for the mentee replaces the last."""
    _whole_program(principal, Resource.MENTORSHIPS, Action.WRITE)
    async with uow:
        pool = await _committee_pool(uow, clock, cohort_id)
        slate = await uow.committee.slate(cohort_id)
        _checked(pool, mentee_id, mentor_id, other_picks(slate, mentor_id, mentee_id))
        pick = CommitteeRecommendation(
            cohort_id, mentee_id, mentor_id, note.strip(), await approver_name(uow, principal)
        )
        stored = await uow.committee.recommend(pick)
        await uow.access.record(
            AuditEvent.by(
                principal,
                "committee.pair_recommended",
                "cohort",
                cohort_id,
                mentee_id=str(mentee_id),
                mentor_id=str(mentor_id),
            )
        )
        await uow.commit()
    return stored


async def committee_slate(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[CommitteeRecommendation]:
    """The committee's recommendations for a cohort, not yet published."""
    _whole_program(principal, Resource.MENTORSHIPS, Action.READ)
    async with uow.read_only():
        if await uow.programs.get_cohort(cohort_id) is None:
            raise NotFound("no such cohort", field="id")
        return await uow.committee.slate(cohort_id)


async def publish_committee_slate(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, cohort_id: UUID
) -> list[Mentorship]:
    """The coordinator publishes the slate: each pair, checked again, becomes a proposed
    mentorship formed by the committee; the slate is then cleared."""
    reach(principal, Resource.MATCHING_RUNS, Action.PUBLISH)
    async with uow:
        pool = await _committee_pool(uow, clock, cohort_id)
        slate = await uow.committee.slate(cohort_id)
        if not slate:
            raise Conflict("the committee has recommended no pair yet", field="cohort_id")
        pairs = []
        for pick in slate:
            explained = _checked(
                pool,
                pick.mentee_id,
                pick.mentor_id,
                other_picks(slate, pick.mentor_id, pick.mentee_id),
            )
            recorded = {"recommended_by": pick.recommended_by, "note": pick.note}
            pairs.append((pick.mentee_id, pick.mentor_id, {**explained.to_dict(), **recorded}))
        created = await proposed_mentorships(
            uow,
            cohort_id,
            pairs,
            formed_by=PairFormation.COMMITTEE.value,
            today=clock.now().date(),
        )
        await uow.committee.clear(cohort_id)
        await uow.access.record(
            AuditEvent.by(
                principal,
                "committee.slate_published",
                "cohort",
                cohort_id,
                mentorships=len(created),
            )
        )
        await uow.outbox.emit(
            "committee_slate.published",
            {"cohort_id": str(cohort_id), "mentorship_ids": [str(m.id) for m in created]},
        )
        await uow.commit()
    return created


def _whole_program(principal: Principal, resource: Resource, action: Action) -> None:
    if reach(principal, resource, action) is not Reach.ALL:
        raise NotFound("no such cohort", field="id")


async def _committee_pool(uow: UnitOfWork, clock: Clock, cohort_id: UUID) -> CohortPool:
    pool = await cohort_pool(uow, cohort_id, clock.now().date(), store=False)
    if PairFormation.COMMITTEE not in pool.policy.pair_formation:
        raise PolicyError("this program's pairs are not formed by a committee", field="cohort_id")
    return pool


def _checked(pool: CohortPool, mentee_id: UUID, mentor_id: UUID, picked: int) -> MatchExplanation:
    """The pair's explanation, counting the slate's other picks of the mentor as load; the
    first hard rule it breaks otherwise."""
    mentee = next((m for m in pool.mentees if m.id == mentee_id), None)
    mentor = next((m for m in pool.mentors if m.id == mentor_id), None)
    if mentee is None or mentor is None:
        raise InvalidInput(
            "both must be eligible, unpaired applicants of this cohort", field="mentee_id"
        )
    explained = explain(
        mentee, replace(mentor, current_load=mentor.current_load + picked), pool.policy.matching
    )
    if explained.refused_by:
        first = explained.refused_by[0]
        raise InvalidInput(first.reason, field="mentor_id", rule=first.rule.value)
    return explained
