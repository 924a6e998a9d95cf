"""The life of one mentorship as pure transitions: each returns a new status or refuses, saying why.

A status carries the policy snapshot it started under and the timeline computed from it,
so later edits to the program's policy never change the rules a running mentorship lives by.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from app.domain.errors import NotPermitted, TransitionRefused
from app.domain.evaluation_periods import EvaluationPeriod, due_period, require_first_answer
from app.domain.policy.model import EvaluationKind, Policy
from app.domain.timeline import Timeline, timeline_for


class MentorshipState(StrEnum):
    """Where a mentorship is in its life."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"
    REMATCHED = "rematched"


TERMINAL_STATES = frozenset(
    {
        MentorshipState.COMPLETED,
        MentorshipState.ENDED,
        MentorshipState.WITHDRAWN,
        MentorshipState.REMATCHED,
    }
)
# A pair still in play: it holds its people (capacity, one mentor at a time, HR-change checks).
OPEN_STATES = frozenset(
    {MentorshipState.PROPOSED, MentorshipState.CONFIRMED, MentorshipState.ACTIVE}
)
# A pair both people have confirmed and that has not ended: deadlines and group work apply.
RUNNING_STATES = frozenset({MentorshipState.CONFIRMED, MentorshipState.ACTIVE})


class Party(StrEnum):
    """Who acts on a mentorship."""

    MENTEE = "mentee"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"
    ADMINISTRATOR = "administrator"
    SYSTEM = "system"


PARTICIPANTS = frozenset({Party.MENTEE, Party.MENTOR})


class CheckpointDecision(StrEnum):
    """A participant's answer at the compatibility checkpoint."""

    CONTINUE = "continue"
    CHANGE = "change"


class CheckpointOutcome(StrEnum):
    """What the checkpoint led to."""

    CONTINUE = "continue"
    REMATCHED = "rematched"
    WITHDRAWN = "withdrawn"
    ENDED = "ended"


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
class CheckpointAnswer:
    """One participant's checkpoint answer; a change needs no reason."""

    party: Party
    decision: CheckpointDecision
    answered_on: date
    late: bool = False


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


def _signatures_complete(status: MentorshipStatus) -> bool:
    return (
        not status.policy.agreement.signed_by_both_before_active
        or status.agreement_signed_by >= PARTICIPANTS
    )


def awaiting_signatures(status: MentorshipStatus) -> bool:
    """Confirmed by both, but the agreement as it now stands still wants a signature."""
    return status.state is MentorshipState.CONFIRMED and not _signatures_complete(status)


def amend_agreement(status: MentorshipStatus) -> Transition:
    """A new version of the agreement: earlier signatures no longer count, and where the policy
    wants both signatures before the pair is active, an active pair waits for them again."""
    require_state(status, OPEN_STATES, "amend the agreement")
    unsigned = replace(status, agreement_signed_by=frozenset())
    if status.state is MentorshipState.ACTIVE and not _signatures_complete(unsigned):
        return Transition(
            replace(unsigned, state=MentorshipState.CONFIRMED),
            (MentorshipEvent.AWAITING_SIGNATURES,),
        )
    return Transition(unsigned, ())


def _activate_if_ready(status: MentorshipStatus, today: date) -> Transition:
    # Confirmed once both have confirmed; active as soon as no required signature is missing.
    if status.state is MentorshipState.ACTIVE or not status.confirmed_by >= PARTICIPANTS:
        return Transition(status, ())
    events = () if status.state is MentorshipState.CONFIRMED else (MentorshipEvent.CONFIRMED,)
    status = replace(status, state=MentorshipState.CONFIRMED)
    # A pair confirmed and signed before its start date waits: it is active from the start.
    if not _signatures_complete(status) or today < status.timeline.starts_on:
        return Transition(status, events)
    # A pair re-activated by signing an amendment keeps the day it first became active.
    active = replace(
        status, state=MentorshipState.ACTIVE, activated_on=status.activated_on or today
    )
    return Transition(active, (*events, MentorshipEvent.ACTIVATED))


def start_if_due(status: MentorshipStatus, *, today: date) -> Transition:
    """A confirmed pair with nothing left to sign becomes active once its start date comes."""
    if status.state is not MentorshipState.CONFIRMED:
        return Transition(status, ())
    after = _activate_if_ready(status, today)
    return Transition(after.status, after.events)


def confirm(status: MentorshipStatus, *, by: Party, today: date) -> Transition:
    """Record one participant's confirmation; confirmed once both have, active if nothing waits."""
    require_participant(by, "confirm a mentorship")
    require_state(status, frozenset({MentorshipState.PROPOSED}), "confirm")
    if by in status.confirmed_by:
        raise TransitionRefused(f"the {by} has already confirmed", rule="already_confirmed")
    recorded = replace(status, confirmed_by=status.confirmed_by | {by})
    after = _activate_if_ready(recorded, today)
    return Transition(after.status, (MentorshipEvent.CONFIRMATION_RECORDED, *after.events))


def sign_agreement(status: MentorshipStatus, *, by: Party, today: date) -> Transition:
    """Record one participant's signature; active once both have signed (where required)."""
    require_participant(by, "sign the agreement")
    require_state(
        status, frozenset({MentorshipState.CONFIRMED, MentorshipState.ACTIVE}), "sign the agreement"
    )
    if by in status.agreement_signed_by:
        raise TransitionRefused(f"the {by} has already signed", rule="already_signed")
    signed = replace(status, agreement_signed_by=status.agreement_signed_by | {by})
    after = _activate_if_ready(signed, today)
    return Transition(after.status, (MentorshipEvent.AGREEMENT_SIGNED, *after.events))


def record_evaluation(
    status: MentorshipStatus,
    *,
    kind: EvaluationKind,
    by: Party,
    today: date,
    earlier: Iterable[tuple[Party, EvaluationPeriod]] = (),
) -> Transition:
    """Record an evaluation the policy runs, once it is due (a checkup from its date, a
    mid-point one from the mid-point) and once per respondent and period (``earlier``: who
    answered which period). A period counts towards completion once, however many answer it."""
    if by is Party.SYSTEM:
        raise NotPermitted("an evaluation is done by a person", rule="people_only")
    require_state(status, frozenset({MentorshipState.ACTIVE}), "record an evaluation")
    if kind not in status.policy.evaluations.kinds():
        raise TransitionRefused(
            f"this program runs no {kind} evaluation", rule="evaluation_not_in_policy"
        )
    period = due_period(status.timeline, kind, today)
    answered = list(earlier)
    require_first_answer(period, (p for party, p in answered if party is by))
    form = status.policy.evaluations.form(kind)
    if form is not None and by.value not in form.respondents:
        sides = " and ".join(sorted(form.respondents))
        raise NotPermitted(f"the {form.title} is answered by the {sides}", rule="not_a_respondent")
    status = replace(status, evaluations_by=(*status.evaluations_by, (kind, by)))
    if any(p == period for _, p in answered):
        return Transition(status, (MentorshipEvent.EVALUATION_RECORDED,))
    done = replace(status, evaluations_done=(*status.evaluations_done, kind))
    return Transition(done, (MentorshipEvent.EVALUATION_RECORDED,))


@dataclass(frozen=True, slots=True)
class OwedEvaluation:
    """Evaluations still to do before completion, and from whom (None: either side)."""

    kind: EvaluationKind
    count: int
    respondent: Party | None = None

    def describe(self) -> str:
        who = f" from the {self.respondent}" if self.respondent else ""
        return f"{self.count} {self.kind}{who}"


def evaluations_owed(status: MentorshipStatus) -> tuple[OwedEvaluation, ...]:
    """What the policy requires before completion that is not done yet, side by side where
    the form waits for each side (Charlotte: mentor and mentee, at mid-point and end)."""
    owed = []
    by_side = Counter(status.evaluations_by)
    periods = Counter(status.evaluations_done)
    for kind in sorted(status.policy.evaluations.required_before_completion):
        needed = len(status.timeline.checkups) if kind is EvaluationKind.CHECKUP else 1
        form = status.policy.evaluations.form(kind)
        if form is None or not form.required_from:
            if needed > periods[kind]:
                owed.append(OwedEvaluation(kind, needed - periods[kind]))
            continue
        for side in sorted(form.required_from):
            party = Party(side.value)
            if needed > by_side[(kind, party)]:
                owed.append(OwedEvaluation(kind, needed - by_side[(kind, party)], party))
    return tuple(owed)


def missing_evaluations(status: MentorshipStatus) -> dict[EvaluationKind, int]:
    """How many of each evaluation the policy requires before completion are still to do."""
    missing: Counter[EvaluationKind] = Counter()
    for owed in evaluations_owed(status):
        missing[owed.kind] += owed.count
    return dict(sorted(missing.items()))


def complete(status: MentorshipStatus, *, by: Party, today: date) -> Transition:
    """Complete at the end of the term (never before), once the required evaluations are done."""
    require_state(status, frozenset({MentorshipState.ACTIVE}), "complete")
    ends_on = status.timeline.ends_on
    if today < ends_on:
        raise TransitionRefused(f"the term ends on {ends_on.isoformat()}", rule="before_term_end")
    if not _signatures_complete(status):
        raise TransitionRefused(
            "the agreement as it now stands is not signed by both", rule="agreement_unsigned"
        )
    owed = evaluations_owed(status)
    if owed:
        listed = ", ".join(o.describe() for o in owed)
        raise TransitionRefused(f"evaluations still to do: {listed}", rule="evaluations_missing")
    return Transition(
        close(status, MentorshipState.COMPLETED, by, today), (MentorshipEvent.COMPLETED,)
    )


def end_early(status: MentorshipStatus, *, by: Party, today: date) -> Transition:
    """Either participant ends the relationship, at any time, and no reason is asked (000/001,
    002), where the policy lets participants end it (else the administrator does)."""
    require_participant(by, "end the relationship")
    require_state(status, OPEN_STATES, "end")
    if not status.policy.ending.participant_may_end_without_reason:
        raise TransitionRefused(
            "in this program the administrator ends a relationship", rule="administrator_ends"
        )
    return Transition(close(status, MentorshipState.ENDED, by, today), (MentorshipEvent.ENDED,))


def terminate(
    status: MentorshipStatus, *, by: Party, today: date, flagged: bool = False
) -> Transition:
    """The program administrator ends the relationship, where the policy lets them intervene;
    in every program when an HR change `flagged` the pair (someone left, a rule now broken)."""
    if by is not Party.ADMINISTRATOR:
        raise NotPermitted(
            "only the program administrator may terminate", rule="administrator_only"
        )
    require_state(status, OPEN_STATES, "terminate")
    if not flagged and not status.policy.ending.administrator_may_terminate:
        raise TransitionRefused(
            "this program's administrator does not intervene in relationships",
            rule="administrator_intervention_not_in_policy",
        )
    return Transition(
        close(status, MentorshipState.ENDED, by, today), (MentorshipEvent.TERMINATED,)
    )


def close(
    status: MentorshipStatus, state: MentorshipState, by: Party, today: date
) -> MentorshipStatus:
    return replace(status, state=state, closed_on=today, closed_by=by)
