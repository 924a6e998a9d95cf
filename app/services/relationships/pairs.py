"""One mentorship as its use cases see it: who the caller is to it, its lifecycle status
rebuilt from the stored progress and policy snapshot, and how a transition is saved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal, Role
from app.domain.authorization.names import Reach
from app.domain.confidentiality.parts import ContentPart
from app.domain.confidentiality.reading import may_read
from app.domain.confidentiality.viewers import Viewer, ViewerRelation
from app.domain.errors import Conflict, NotFound
from app.domain.lifecycle.checkpoint_answers import (
    CheckpointAnswer,
    CheckpointDecision,
    CheckpointOutcome,
)
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import MentorshipStatus, Transition
from app.domain.pair_viewers import PAIR, relation_to_pair
from app.domain.policy.model import EvaluationKind, Policy, stored_policy
from app.domain.timeline import timeline_for
from app.services.ports import UnitOfWork
from app.services.programs.records import Mentorship, PairParties
from app.services.relationships.records import Progress


@dataclass(frozen=True, slots=True)
class Pair:
    """A mentorship, its progress and status, and the caller's relation to it."""

    mentorship: Mentorship
    progress: Progress
    status: MentorshipStatus
    relation: ViewerRelation
    party: Party | None

    @property
    def id(self) -> UUID:
        return self.mentorship.id

    @property
    def policy(self) -> Policy:
        return self.status.policy

    def viewer(self, principal: Principal) -> Viewer:
        return Viewer(self.relation, principal.employee_id)


def status_of(mentorship: Mentorship, progress: Progress) -> MentorshipStatus:
    """The domain's status of a stored mentorship, under its own policy snapshot."""
    policy = stored_policy(mentorship.policy)
    answers = tuple(
        CheckpointAnswer(
            Party(a["party"]),
            CheckpointDecision(a["decision"]),
            date.fromisoformat(a["answered_on"]),
            bool(a.get("late", False)),
        )
        for a in progress.checkpoint_answers
    )
    # The stored row holds the term's dates: its end (the months agreed, the cohort's formal
    # end, or the session a rematch continues) and whether it has a checkpoint of its own.
    timeline = timeline_for(
        mentorship.starts_on,
        policy,
        ends_on=mentorship.ends_on,
        checkpoint=mentorship.checkpoint_due_on is not None,
    )
    outcome = progress.checkpoint_outcome
    return MentorshipStatus(
        policy=policy,
        timeline=timeline,
        state=mentorship.state,
        confirmed_by=frozenset(Party(p) for p in progress.confirmed_by),
        agreement_signed_by=frozenset(Party(p) for p in progress.agreement_signed_by),
        evaluations_done=tuple(EvaluationKind(k) for k in progress.evaluations_done),
        evaluations_by=tuple(_kind_and_side(entry) for entry in progress.evaluations_by),
        checkpoint_answers=answers,
        checkpoint_outcome=CheckpointOutcome(outcome) if outcome else None,
        activated_on=progress.activated_on,
        closed_on=progress.closed_on,
        closed_by=Party(progress.closed_by) if progress.closed_by else None,
    )


def _kind_and_side(entry: str) -> tuple[EvaluationKind, Party]:
    kind, _, side = entry.partition(":")
    return EvaluationKind(kind), Party(side)


def relation_of(principal: Principal, mentorship: Mentorship | PairParties) -> ViewerRelation:
    """How the caller stands to the mentorship."""
    return relation_to_pair(
        principal.role, principal.employee_id, mentorship.mentee_id, mentorship.mentor_id
    )


async def open_pair(
    uow: UnitOfWork, principal: Principal, mentorship_id: UUID, scope: Reach
) -> Pair:
    """The mentorship if the caller may reach it (OWN: they are in it), else NotFound. A
    use case that changes the pair holds its row from its unit of work's start
    (`uow.holding_pair`, or `uow.holding_pair_of_meeting` given a meeting's id), so
    transitions queue rather than race, and the pair and its progress are read in one
    statement: one that waited for no lock, so it sees whatever the lock waited for."""
    found = await uow.relationships.pair(mentorship_id)
    if found is None:
        raise NotFound("no such mentorship", field="id")
    mentorship, stored = found
    relation = relation_of(principal, mentorship)
    in_pair = relation in PAIR
    if scope is Reach.OWN and not in_pair and not await _supervises(uow, principal, mentorship):
        raise NotFound("no such mentorship", field="id")
    progress = stored or Progress(mentorship_id)
    party = Party(relation.value) if in_pair else None
    return Pair(mentorship, progress, status_of(mentorship, progress), relation, party)


async def _supervises(uow: UnitOfWork, principal: Principal, mentorship: Mentorship) -> bool:
    if principal.role is not Role.SUPERVISOR or principal.employee_id is None:
        return False
    reports = await uow.employees.reports_of([principal.employee_id])
    return any(e.id == mentorship.mentee_id for e in reports)


def participant(pair: Pair) -> Party:
    """The caller's side of the pair; a non-participant is told the mentorship is not theirs."""
    if pair.party is None:
        raise NotFound("you are not part of this mentorship", field="id", rule="participants_only")
    return pair.party


async def save_transition(
    uow: UnitOfWork, principal: Principal, pair: Pair, transition: Transition, **extra: Any
) -> Progress:
    """Store the transition's status (state first, conditionally), its events and the audit."""
    after = transition.status
    if after.state is not pair.status.state:
        moved = await uow.relationships.set_state(pair.id, pair.status.state.value, after.state)
        if not moved:
            raise Conflict("the mentorship changed meanwhile; try again", rule="concurrent_change")
    progress = replace(
        pair.progress,
        confirmed_by=tuple(sorted(after.confirmed_by)),
        agreement_signed_by=tuple(sorted(after.agreement_signed_by)),
        evaluations_done=tuple(after.evaluations_done),
        evaluations_by=tuple(f"{kind}:{side}" for kind, side in after.evaluations_by),
        checkpoint_answers=stored_answers(after.checkpoint_answers),
        checkpoint_outcome=after.checkpoint_outcome.value if after.checkpoint_outcome else None,
        activated_on=after.activated_on,
        closed_on=after.closed_on,
        closed_by=after.closed_by.value if after.closed_by else None,
        **extra,
    )
    await save_progress(uow, progress)
    for event in transition.events:
        payload = {"mentorship_id": str(pair.id), "state": after.state.value}
        await uow.outbox.emit(event.value, payload)
        await uow.access.record(AuditEvent.by(principal, event.value, "mentorship", pair.id))
    return progress


def stored_answers(answers: tuple[CheckpointAnswer, ...]) -> tuple[dict[str, Any], ...]:
    """Checkpoint answers as the progress record stores them."""
    return tuple(
        {
            "party": a.party.value,
            "decision": a.decision.value,
            "answered_on": a.answered_on.isoformat(),
            "late": a.late,
        }
        for a in answers
    )


async def save_progress(uow: UnitOfWork, progress: Progress) -> None:
    if not await uow.relationships.save_progress(progress):
        raise Conflict("the mentorship changed meanwhile; try again", rule="concurrent_change")


async def audit_read(
    uow: UnitOfWork, principal: Principal, pair: Pair, part: ContentPart, count: int
) -> None:
    """Record that confidential content was read: who, what, when; never the content."""
    await uow.access.record(
        AuditEvent.by(
            principal, "confidential.read", "mentorship", pair.id, part=part.value, items=count
        )
    )


def readable(
    pair: Pair,
    principal: Principal,
    part: ContentPart,
    disclosures: Any = (),
    written_on: date | None = None,
    item: Any = None,
) -> bool:
    """Whether the caller may read this part of the pair's record (an item of ``written_on``)."""
    viewer = pair.viewer(principal)
    return may_read(viewer, part, disclosures, written_on=written_on, item=item).allowed
