"""A mentorship's progress as everyone allowed to see it may: its state, who has confirmed
and signed, the dates of its timeline, evaluations still to do, and the cadence signal.
Facts only: nothing here is what the pair said."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.lifecycle.activation import awaiting_signatures
from app.domain.lifecycle.evaluations import evaluations_owed, missing_evaluations
from app.domain.lifecycle.states import RUNNING_STATES
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.meetings import agreed_frequency, cadence_of
from app.services.relationships.pairs import Pair, open_pair


@dataclass(frozen=True, slots=True)
class ProgressView:
    id: UUID
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    state: str
    confirmed_by: tuple[str, ...]
    agreement_required: bool
    agreement_signed_by: tuple[str, ...]
    evaluations_done: tuple[str, ...]
    evaluations_missing: Mapping[str, int]
    evaluations_owed: tuple[str, ...]
    awaiting_signatures: bool
    starts_on: date
    ends_on: date
    initial_meeting_due_on: date | None
    checkpoint_opens_on: date | None
    checkpoint_due_on: date | None
    midpoint_on: date | None
    checkups: tuple[date, ...]
    activated_on: date | None
    closed_on: date | None
    checkpoint_outcome: str | None
    successor_id: UUID | None
    mentee_eligible_for_next_cohort: bool
    outcomes: Mapping[str, Any] | None
    at_risk: bool | None = None
    at_risk_reason: str | None = None


def describe(pair: Pair, *, at_risk: bool | None = None, reason: str | None = None) -> ProgressView:
    """The facts of a pair (who closed it is not among them: no one is singled out)."""
    status, timeline, progress = pair.status, pair.status.timeline, pair.progress
    return ProgressView(
        id=pair.id,
        cohort_id=pair.mentorship.cohort_id,
        mentee_id=pair.mentorship.mentee_id,
        mentor_id=pair.mentorship.mentor_id,
        state=status.state.value,
        confirmed_by=tuple(sorted(status.confirmed_by)),
        agreement_required=status.policy.agreement.required,
        agreement_signed_by=tuple(sorted(status.agreement_signed_by)),
        evaluations_done=tuple(status.evaluations_done),
        evaluations_missing={k.value: n for k, n in missing_evaluations(status).items()},
        evaluations_owed=tuple(owed.describe() for owed in evaluations_owed(status)),
        awaiting_signatures=awaiting_signatures(status),
        starts_on=timeline.starts_on,
        ends_on=timeline.ends_on,
        initial_meeting_due_on=timeline.initial_meeting_due_on,
        checkpoint_opens_on=timeline.checkpoint_opens_on,
        checkpoint_due_on=timeline.checkpoint_due_on,
        midpoint_on=timeline.midpoint_on,
        checkups=timeline.checkups,
        activated_on=status.activated_on,
        closed_on=status.closed_on,
        checkpoint_outcome=status.checkpoint_outcome.value if status.checkpoint_outcome else None,
        successor_id=progress.successor_id,
        mentee_eligible_for_next_cohort=progress.eligible_for_next_cohort,
        outcomes=progress.outcomes,
        at_risk=at_risk,
        at_risk_reason=reason,
    )


async def get_progress(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> ProgressView:
    """The pair's progress with the cadence signal (`at_risk` once it falls behind)."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.READ)
    async with uow.read_only():
        pair = await open_pair(uow, principal, mentorship_id, scope)
        meetings = await uow.relationships.meetings([mentorship_id])
        frequency = await agreed_frequency(uow, pair)
    report = cadence_of(pair.status, meetings, clock.now().date(), frequency)
    running = pair.status.state in RUNNING_STATES
    return describe(pair, at_risk=report.at_risk and running, reason=report.reason)
