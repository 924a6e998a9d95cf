"""A mentorship's status, what its transitions return and announce, and the guards they share."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from app.domain.errors import NotPermitted, TransitionRefused
from app.domain.lifecycle.checkpoint_answers import CheckpointAnswer, CheckpointOutcome
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import TERMINAL_STATES, MentorshipState
from app.domain.policy.model import EvaluationKind, Policy
from app.domain.timeline import Timeline, timeline_for


class MentorshipEvent(StrEnum):
    """What a transition announces."""

    CONFIRMATION_RECORDED = "mentorship.confirmation_recorded"
    CONFIRMED = "mentorship.confirmed"
    AGREEMENT_SIGNED = "mentorship.agreement_signed"
    ACTIVATED = "mentorship.activated"
    AWAITING_SIGNATURES = "mentorship.awaiting_signatures"
    EVALUATION_RECORDED = "mentorship.evaluation_recorded"
    CHECKPOINT_ANSWERED = "mentorship.checkpoint_answered"
    REMATCHED = "mentorship.rematched"
    WITHDRAWN = "mentorship.withdrawn"
    ENDED = "mentorship.ended"
    TERMINATED = "mentorship.terminated"
    COMPLETED = "mentorship.completed"


@dataclass(frozen=True, slots=True)
class MentorshipStatus:
    """A mentorship's state and everything its transitions depend on."""

    policy: Policy
    timeline: Timeline
    state: MentorshipState = MentorshipState.PROPOSED
    confirmed_by: frozenset[Party] = frozenset()
    agreement_signed_by: frozenset[Party] = frozenset()
    evaluations_done: tuple[EvaluationKind, ...] = ()
    evaluations_by: tuple[tuple[EvaluationKind, Party], ...] = ()
    checkpoint_answers: tuple[CheckpointAnswer, ...] = ()
    checkpoint_outcome: CheckpointOutcome | None = None
    activated_on: date | None = None
    closed_on: date | None = None
    closed_by: Party | None = None

    @property
    def is_terminal(self) -> bool:
        """True once nothing can change this mentorship any more."""
        return self.state in TERMINAL_STATES


@dataclass(frozen=True, slots=True)
class Transition:
    """The new status, what to announce, and (at the checkpoint) what the answer led to."""

    status: MentorshipStatus
    events: tuple[MentorshipEvent, ...]
    outcome: CheckpointOutcome | None = None


def propose(
    *,
    policy: Policy,
    starts_on: date,
    duration_months: int | None = None,
    ends_on: date | None = None,
    checkpoint: bool = True,
) -> MentorshipStatus:
    """A proposed mentorship living under a snapshot of ``policy`` (per-pair term if allowed;
    ``ends_on``/``checkpoint``: see ``timeline_for``)."""
    timeline = timeline_for(
        starts_on, policy, duration_months, ends_on=ends_on, checkpoint=checkpoint
    )
    return MentorshipStatus(policy=policy, timeline=timeline)


def require_participant(by: Party, action: str) -> None:
    if by not in PARTICIPANTS:
        raise NotPermitted(f"only the mentee or the mentor may {action}", rule="participants_only")


def require_state(
    status: MentorshipStatus, allowed: frozenset[MentorshipState], action: str
) -> None:
    if status.is_terminal:
        raise TransitionRefused(
            f"the mentorship is {status.state}; that is final", rule="terminal_state"
        )
    if status.state not in allowed:
        raise TransitionRefused(f"cannot {action} while {status.state}", rule="wrong_state")


def close(
    status: MentorshipStatus, state: MentorshipState, by: Party, today: date
) -> MentorshipStatus:
    return replace(status, state=state, closed_on=today, closed_by=by)
