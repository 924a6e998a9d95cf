"""The compatibility checkpoint (Charlotte, end of month 3: seed 000; DOMAIN.md "The
three-month checkpoint"): each participant answers once, inside the window the policy sets;
either may ask for a change without a reason, which rematches the mentee or, when no other
mentor can be found, withdraws them for the next session (or ends the pair, per policy)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.errors import TransitionRefused
from app.domain.lifecycle.checkpoint_answers import (
    CheckpointAnswer,
    CheckpointDecision,
    CheckpointOutcome,
)
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import (
    MentorshipEvent,
    MentorshipStatus,
    Transition,
    close,
    require_participant,
    require_state,
)
from app.domain.policy.choices import LateAnswer, NoRematchOutcome
from app.domain.policy.model import Policy


def answer_checkpoint(
    status: MentorshipStatus,
    *,
    by: Party,
    decision: CheckpointDecision,
    today: date,
    alternative_available: bool,
) -> Transition:
    """A participant's checkpoint answer; a change (no reason needed) rematches, else withdraws.

    ``alternative_available`` says whether another mentor can be found for the mentee.
    """
    require_participant(by, "answer the compatibility checkpoint")
    require_state(status, frozenset({MentorshipState.ACTIVE}), "answer the checkpoint")
    late = _require_checkpoint_open(status, by, decision, today)
    answers = (*status.checkpoint_answers, CheckpointAnswer(by, decision, today, late))
    answered = replace(status, checkpoint_answers=answers)
    if decision is CheckpointDecision.CONTINUE:
        both = {a.party for a in answers} >= PARTICIPANTS
        outcome = CheckpointOutcome.CONTINUE if both else None
        answered = replace(answered, checkpoint_outcome=outcome)
        return Transition(
            answered, (MentorshipEvent.CHECKPOINT_ANSWERED,), CheckpointOutcome.CONTINUE
        )
    outcome, state, event = _change_outcome(status.policy, alternative_available)
    closed = replace(close(answered, state, by, today), checkpoint_outcome=outcome)
    return Transition(closed, (MentorshipEvent.CHECKPOINT_ANSWERED, event), outcome)


def _require_checkpoint_open(
    status: MentorshipStatus, by: Party, decision: CheckpointDecision, today: date
) -> bool:
    """Refuse an answer the checkpoint does not take; True when it is taken as late."""
    opens_on = status.timeline.checkpoint_opens_on
    if opens_on is None:
        raise TransitionRefused(
            "this program has no compatibility checkpoint", rule="no_checkpoint"
        )
    if today < opens_on:
        raise TransitionRefused(
            f"the checkpoint opens on {opens_on.isoformat()}", rule="checkpoint_not_open"
        )
    if any(answer.party is by for answer in status.checkpoint_answers):
        raise TransitionRefused(f"the {by} has already answered", rule="already_answered")
    rules = status.policy.checkpoint
    may_change = (
        rules.mentee_may_request_change if by is Party.MENTEE else (rules.mentor_may_request_change)
    )
    if decision is CheckpointDecision.CHANGE and not may_change:
        raise TransitionRefused(
            f"this program does not let the {by} ask for a change", rule="change_not_allowed"
        )
    return _late(status, today)


def _late(status: MentorshipStatus, today: date) -> bool:
    closes_on = status.timeline.checkpoint_closes_on
    if closes_on is None or today <= closes_on:
        return False
    if status.policy.checkpoint.late_answers is LateAnswer.MARKED_LATE:
        return True
    opens_on = status.timeline.checkpoint_opens_on
    assert opens_on is not None
    raise TransitionRefused(
        f"the checkpoint took answers from {opens_on.isoformat()} to {closes_on.isoformat()}",
        rule="checkpoint_closed",
    )


def _change_outcome(
    policy: Policy, alternative_available: bool
) -> tuple[CheckpointOutcome, MentorshipState, MentorshipEvent]:
    if alternative_available:
        return CheckpointOutcome.REMATCHED, MentorshipState.REMATCHED, MentorshipEvent.REMATCHED
    if policy.checkpoint.on_no_rematch is NoRematchOutcome.WITHDRAW_MENTEE:
        return CheckpointOutcome.WITHDRAWN, MentorshipState.WITHDRAWN, MentorshipEvent.WITHDRAWN
    return CheckpointOutcome.ENDED, MentorshipState.ENDED, MentorshipEvent.ENDED


def eligible_for_next_cohort(status: MentorshipStatus) -> bool:
    """True when the mentee was withdrawn at the checkpoint and the policy lets them re-apply."""
    return (
        status.state is MentorshipState.WITHDRAWN
        and status.policy.checkpoint.withdrawn_mentee_eligible_for_next_cohort
    )
