"""How a mentorship ends: a participant ends it with no reason asked (000/001, 002); the
administrator terminates it where the policy lets them intervene (004); or it completes at
the end of its term once the required evaluations are done, with the plan's outcomes (003)."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import Conflict
from app.domain.lifecycle.endings import complete, end_early, terminate
from app.domain.lifecycle.parties import Party
from app.domain.policy.model import PairFormation
from app.services.integrations.ports import MentorshipFlag
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import Mentorship
from app.services.relationships.mentorships import proposed_mentorships
from app.services.relationships.pair_checks import checked_pair
from app.services.relationships.pairs import Pair, open_pair, participant, save_transition


async def end_mentorship(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> Pair:
    """Either participant ends the relationship, at any time; no reason is asked or kept."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.WRITE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        by = participant(pair)
        transition = end_early(pair.status, by=by, today=clock.now().date())
        await save_transition(uow, principal, pair, transition)
        pair = await open_pair(uow, principal, mentorship_id, scope)
        await uow.commit()
    return pair


async def terminate_mentorship(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> Pair:
    """The program administrator ends the relationship (Maine: intervention, exception 3); in
    every program when an HR change flagged the pair, the flag recorded as the reason."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.OVERRIDE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        flags = await uow.integrations.flags_of(mentorship_id)
        transition = terminate(
            pair.status, by=Party.ADMINISTRATOR, today=clock.now().date(), flagged=bool(flags)
        )
        await save_transition(uow, principal, pair, transition)
        if flags:
            await _close_flags(uow, principal, mentorship_id, flags)
        pair = await open_pair(uow, principal, mentorship_id, scope)
        await uow.commit()
    return pair


async def complete_mentorship(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    mentorship_id: UUID,
    outcomes: Mapping[str, str] | None = None,
) -> Pair:
    """Complete at the term's end once the required evaluations are in; `outcomes` records
    what came of the plan (NC: the final meeting reviews the plan's outcomes)."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.APPROVE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        by = pair.party or Party.COORDINATOR
        transition = complete(pair.status, by=by, today=clock.now().date())
        recorded = dict(outcomes) if outcomes else None
        await save_transition(uow, principal, pair, transition, outcomes=recorded)
        pair = await open_pair(uow, principal, mentorship_id, scope)
        await uow.commit()
    return pair


async def replace_flagged_mentor(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID, mentor_id: UUID
) -> Mentorship:
    """Outside the checkpoint, in every program: close a pair an HR change flagged (the flag
    is the reason) and propose the mentee with another mentor, under every hard rule."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.OVERRIDE)
    today = clock.now().date()
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        flags = await uow.integrations.flags_of(mentorship_id)
        if not flags:
            raise Conflict(
                "only a flagged pair's mentor is replaced outside the checkpoint",
                field="id",
                rule="pair_not_flagged",
            )
        transition = terminate(pair.status, by=Party.ADMINISTRATOR, today=today, flagged=True)
        await save_transition(uow, principal, pair, transition)
        await _close_flags(uow, principal, mentorship_id, flags)
        mentee_id, cohort_id = pair.mentorship.mentee_id, pair.mentorship.cohort_id
        explanation = await checked_pair(
            uow, cohort_id, mentee_id, mentor_id, PairFormation.COORDINATOR
        )
        [created] = await proposed_mentorships(
            uow,
            cohort_id,
            [(mentee_id, mentor_id, {**explanation, "replaces": str(mentorship_id)})],
            formed_by=PairFormation.COORDINATOR.value,
            today=today,
        )
        await uow.access.record(
            AuditEvent.by(
                principal,
                "mentorship.mentor_replaced",
                "mentorship",
                created.id,
                replaces=str(mentorship_id),
            )
        )
        await uow.commit()
    return created


async def _close_flags(
    uow: UnitOfWork, principal: Principal, mentorship_id: UUID, flags: list[MentorshipFlag]
) -> None:
    """The flags are resolved by closing the pair; the audit keeps them as its reason."""
    await uow.integrations.resolve_flags(mentorship_id)
    await uow.access.record(
        AuditEvent.by(
            principal,
            "mentorship.closed_on_flag",
            "mentorship",
            mentorship_id,
            rules=sorted({rule for flag in flags for rule in flag.rules}),
            reasons=[reason for flag in flags for reason in flag.reasons],
        )
    )
