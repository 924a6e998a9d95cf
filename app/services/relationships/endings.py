"""How a mentorship ends: a participant ends it with no reason asked (000/001, 002); the
administrator terminates it where the policy lets them intervene, or recommends to the pair
that they end it (Maine, 004 exception 3); or it completes at the end of its term once the
required evaluations are done, with the plan's outcomes (003)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.parts import ContentPart
from app.domain.errors import Conflict, NotFound
from app.domain.lifecycle.endings import (
    TerminationRecommendation,
    complete,
    end_early,
    recommend_termination,
    terminate,
)
from app.domain.lifecycle.parties import Party
from app.domain.policy.model import PairFormation
from app.services.integrations.ports import MentorshipFlag
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import Mentorship
from app.services.relationships.disclosures import as_domain
from app.services.relationships.mentorships import proposed_mentorships
from app.services.relationships.pair_checks import checked_pair
from app.services.relationships.pairs import (
    Pair,
    open_pair,
    participant,
    readable,
    save_progress,
    save_transition,
)


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
    """The program administrator ends the relationship where the policy lets them; in every
    program when an HR change flagged the pair, the flag recorded as the reason."""
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


@dataclass(frozen=True, slots=True)
class ContactAnsweredView:
    """The participant's contact a recommendation answers: the disclosure's id, kind and day."""

    disclosure_id: UUID
    kind: str
    contacted_on: date


@dataclass(frozen=True, slots=True)
class TerminationRecommendationView:
    """The administrator's recommendation that the pair end it: when, by whom, in answer to
    which contact (none for those made before a contact was asked), in their words."""

    id: UUID
    mentorship_id: UUID
    recommended_on: date
    recommended_by: UUID | None
    answers: ContactAnsweredView | None
    reason: str


async def recommend_mentorship_termination(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID, reason: str = ""
) -> TerminationRecommendationView:
    """The program administrator recommends that the pair end their relationship (Maine,
    exception 3), in answer to a participant's `relationship_not_working` disclosure; the
    pair read it and either of them ends it (`end_mentorship`)."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.OVERRIDE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        recorded = await uow.relationships.disclosures(mentorship_id)
        made = recommend_termination(
            pair.status,
            by=Party.ADMINISTRATOR,
            today=clock.now().date(),
            contacts={d.id: as_domain(d) for d in recorded},
            participants={pair.mentorship.mentee_id, pair.mentorship.mentor_id},
            reason=reason,
        )
        stored = _stored(made, principal)
        earlier = pair.progress.termination_recommendations
        await save_progress(
            uow, replace(pair.progress, termination_recommendations=(*earlier, stored))
        )
        event = "mentorship.termination_recommended"
        await uow.access.record(AuditEvent.by(principal, event, "mentorship", mentorship_id))
        await uow.outbox.emit(event, {"mentorship_id": str(mentorship_id)})
        await uow.commit()
    return _recommendation(mentorship_id, stored)


def _stored(made: TerminationRecommendation, principal: Principal) -> dict[str, Any]:
    """The recommendation as the pair's progress keeps it: the contact's facts, not its words."""
    contact = made.answers
    return {
        "id": str(uuid.uuid4()),
        "recommended_on": made.recommended_on.isoformat(),
        "recommended_by": str(principal.employee_id) if principal.employee_id else None,
        "answers": {
            "disclosure_id": str(contact.disclosure_id),
            "kind": contact.kind.value,
            "contacted_on": contact.contacted_on.isoformat(),
        },
        "reason": made.reason,
    }


async def termination_recommendations(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[TerminationRecommendationView]:
    """The administrator's recommendations to end the pair, oldest first: both participants
    read them, as staff do; the file of exception 3 is not the supervisor's."""
    scope = reach(principal, Resource.DISCLOSURES, Action.READ)
    async with uow.read_only():
        pair = await open_pair(uow, principal, mentorship_id, scope)
    if not readable(pair, principal, ContentPart.DISCLOSURE_RECORD):
        raise NotFound("no such mentorship", field="id")
    return [_recommendation(pair.id, r) for r in pair.progress.termination_recommendations]


def _recommendation(
    mentorship_id: UUID, stored: Mapping[str, Any]
) -> TerminationRecommendationView:
    by = stored["recommended_by"]
    contact = stored.get("answers")
    return TerminationRecommendationView(
        UUID(stored["id"]),
        mentorship_id,
        date.fromisoformat(stored["recommended_on"]),
        UUID(by) if by else None,
        ContactAnsweredView(
            UUID(contact["disclosure_id"]),
            contact["kind"],
            date.fromisoformat(contact["contacted_on"]),
        )
        if contact
        else None,
        stored["reason"],
    )


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
