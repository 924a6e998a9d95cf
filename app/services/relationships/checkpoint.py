"""The compatibility checkpoint (Charlotte, end of month 3): each participant answers; either
may ask for a change without a reason. A change gets a rematch proposal from the cohort's
available mentors under the same hard rules (other pairs untouched), which the coordinator
confirms or declines (then the next alternative is proposed); with no mentor free, the
mentee is withdrawn and may join the next cohort. The
other participant learns that a change was asked, never who asked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from app.domain import compatibility_checkpoint
from app.domain import rematch as rematch_rules
from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.viewers import ViewerRelation
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.rematch import PendingRematch
from app.services.matching.engine import Proposal
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import (
    Pair,
    open_pair,
    participant,
    save_progress,
    save_transition,
    stored_answers,
)
from app.services.relationships.rematch_proposals import rematch_for, successor_pair

_STAFF = (ViewerRelation.COORDINATOR, ViewerRelation.ORG_ADMIN, ViewerRelation.ADMINISTRATOR)


@dataclass(frozen=True, slots=True)
class CheckpointView:
    """The checkpoint as the caller may see it: their own answer, never the other's."""

    mentorship_id: UUID
    opens_on: date | None
    due_on: date | None
    closes_on: date | None
    my_decision: str | None
    change_requested: bool
    awaiting: str | None
    outcome: str | None
    state: str
    proposed_mentor_id: UUID | None
    successor_id: UUID | None
    rematch_of: UUID | None
    mentee_eligible_for_next_cohort: bool


async def answer_checkpoint(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    mentorship_id: UUID,
    decision: CheckpointDecision,
) -> CheckpointView:
    """The caller's answer; "change" needs no reason and leads to a rematch proposal or,
    when no mentor is free, to the mentee's withdrawal."""
    scope = reach(principal, Resource.CHECKPOINTS, Action.WRITE)
    today = clock.now().date()
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        by = participant(pair)
        # The domain checks the answer first (open, allowed, not twice): nothing half-written.
        checked = compatibility_checkpoint.answer_checkpoint(
            pair.status, by=by, decision=decision, today=today, alternative_available=False
        )
        proposal = None
        if decision is CheckpointDecision.CHANGE:
            proposal = await rematch_for(uow, pair, today)
        if proposal is None:
            eligible = compatibility_checkpoint.eligible_for_next_cohort(checked.status)
            await save_transition(uow, principal, pair, checked, eligible_for_next_cohort=eligible)
        else:
            await _hold_for_confirmation(uow, principal, pair, checked.status, proposal, by)
        await uow.outbox.emit("checkpoint.answered", {"mentorship_id": str(pair.id)})
        view = _view(await open_pair(uow, principal, mentorship_id, scope))
        await uow.commit()
    return view


async def confirm_rematch(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> CheckpointView:
    """The coordinator confirms the change: the old mentorship ends `rematched` and a new one
    is proposed; if the proposed mentor is no longer free, the mentee is withdrawn."""
    scope = reach(principal, Resource.CHECKPOINTS, Action.APPROVE)
    today = clock.now().date()
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        waiting = rematch_rules.pending(pair.progress.rematch_proposal)
        proposal = await rematch_for(uow, pair, today, waiting.declined)
        await _settle(uow, principal, pair, waiting, proposal, today)
        view = _view(await open_pair(uow, principal, mentorship_id, scope))
        await uow.commit()
    return view


async def decline_rematch(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> CheckpointView:
    """The coordinator declines the proposed mentor: the next alternative is proposed (that
    mentor is never proposed again), and when none is left the mentee is withdrawn."""
    scope = reach(principal, Resource.CHECKPOINTS, Action.APPROVE)
    today = clock.now().date()
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        waiting = rematch_rules.pending(pair.progress.rematch_proposal)
        declined = rematch_rules.decline(waiting)
        proposal = await rematch_for(uow, pair, today, declined)
        await uow.access.record(
            AuditEvent.by(principal, "checkpoint.rematch_declined", "mentorship", pair.id)
        )
        if proposal is None:
            await _settle(uow, principal, pair, waiting, None, today)
        else:
            await _hold_for_confirmation(
                uow, principal, pair, pair.status, proposal, waiting.asked_by, declined
            )
        view = _view(await open_pair(uow, principal, mentorship_id, scope))
        await uow.commit()
    return view


async def _settle(
    uow: UnitOfWork,
    principal: Principal,
    pair: Pair,
    waiting: PendingRematch,
    proposal: Proposal | None,
    today: date,
) -> None:
    """Close the change request: `rematched` with a successor, or `withdrawn` without one."""
    by = waiting.asked_by
    before = replace(
        pair.status,
        checkpoint_answers=tuple(a for a in pair.status.checkpoint_answers if a.party is not by),
    )
    # The change counts as asked on the day it was asked (inside the window), closed today.
    asked_on = next((a.answered_on for a in pair.status.checkpoint_answers if a.party is by), today)
    transition = compatibility_checkpoint.answer_checkpoint(
        before,
        by=by,
        decision=CheckpointDecision.CHANGE,
        today=asked_on,
        alternative_available=proposal is not None,
    )
    transition = replace(transition, status=replace(transition.status, closed_on=today))
    successor = await successor_pair(uow, pair, proposal, today) if proposal else None
    await save_transition(
        uow,
        principal,
        replace(pair, status=before),
        transition,
        rematch_proposal=None,
        successor_id=successor,
        eligible_for_next_cohort=compatibility_checkpoint.eligible_for_next_cohort(
            transition.status
        ),
    )


async def get_checkpoint(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> CheckpointView:
    """Where the checkpoint stands, as the caller may see it."""
    scope = reach(principal, Resource.CHECKPOINTS, Action.READ)
    async with uow.read_only():
        return _view(await open_pair(uow, principal, mentorship_id, scope))


async def _hold_for_confirmation(
    uow: UnitOfWork,
    principal: Principal,
    pair: Pair,
    answered: MentorshipStatus,
    proposal: Proposal,
    by: Party,
    declined: tuple[str, ...] = (),
) -> None:
    progress = replace(
        pair.progress,
        checkpoint_answers=stored_answers(answered.checkpoint_answers),
        rematch_proposal={
            "asked_by": by.value,
            "mentor_id": str(proposal.mentor_id),
            "score": proposal.score,
            "explanation": proposal.explanation.to_dict(),
            "declined": list(declined),
        },
    )
    await save_progress(uow, progress)
    await uow.access.record(
        AuditEvent.by(principal, "checkpoint.change_requested", "mentorship", pair.id)
    )
    await uow.outbox.emit("mentorship.change_requested", {"mentorship_id": str(pair.id)})


def _view(pair: Pair) -> CheckpointView:
    timeline, progress = pair.status.timeline, pair.progress
    mine = next(
        (a.decision.value for a in pair.status.checkpoint_answers if a.party is pair.party), None
    )
    pending = progress.rematch_proposal
    staff = pair.relation in _STAFF
    return CheckpointView(
        mentorship_id=pair.id,
        opens_on=timeline.checkpoint_opens_on,
        due_on=timeline.checkpoint_due_on,
        closes_on=timeline.checkpoint_closes_on,
        my_decision=mine,
        change_requested=any(
            a.decision is CheckpointDecision.CHANGE for a in pair.status.checkpoint_answers
        ),
        awaiting="coordinator_confirmation" if pending else None,
        outcome=pair.status.checkpoint_outcome.value if pair.status.checkpoint_outcome else None,
        state=pair.status.state.value,
        proposed_mentor_id=UUID(pending["mentor_id"]) if pending and staff else None,
        successor_id=progress.successor_id,
        rematch_of=_rematch_of(pair),
        mentee_eligible_for_next_cohort=progress.eligible_for_next_cohort,
    )


def _rematch_of(pair: Pair) -> UUID | None:
    """The pair this one succeeds after a rematch (the link back from the successor)."""
    found = (pair.mentorship.explanation or {}).get("rematch_of")
    return UUID(str(found)) if found else None
