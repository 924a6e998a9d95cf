"""Confirming a proposed mentorship, by each participant (DOMAIN.md "The life", step 2)."""

from __future__ import annotations

from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.lifecycle.activation import confirm
from app.domain.matching.formation import require_referent_confirmed
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import Pair, open_pair, participant, save_transition


async def confirm_mentorship(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> Pair:
    """The caller confirms their part; `confirmed` once both have (then `active` unless a
    signed agreement is still awaited)."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.WRITE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        require_referent_confirmed(
            pair.policy.matching, pair.mentorship.formed_by, pair.mentorship.explanation
        )
        transition = confirm(pair.status, by=participant(pair), today=clock.now().date())
        await save_transition(uow, principal, pair, transition)
        pair = await open_pair(uow, principal, mentorship_id, scope)
        await uow.commit()
    return pair
