"""From proposal to an active pair: both confirm, both sign the agreement where the policy
wants it, and the start date comes; an amended agreement wants its signatures again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.errors import TransitionRefused
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import OPEN_STATES, MentorshipState
from app.domain.lifecycle.status import (
    MentorshipEvent,
    MentorshipStatus,
    Transition,
    require_participant,
    require_state,
)


def signatures_complete(status: MentorshipStatus) -> bool:
    """No signature the policy requires before the pair is active is missing."""
    return (
        not status.policy.agreement.signed_by_both_before_active
        or status.agreement_signed_by >= PARTICIPANTS
    )


def awaiting_signatures(status: MentorshipStatus) -> bool:
    """Confirmed by both, but the agreement as it now stands still wants a signature."""
    return status.state is MentorshipState.CONFIRMED and not signatures_complete(status)


def amend_agreement(status: MentorshipStatus) -> Transition:
    """A new version of the agreement: earlier signatures no longer count, and where the policy
    wants both signatures before the pair is active, an active pair waits for them again."""
    require_state(status, OPEN_STATES, "amend the agreement")
    unsigned = replace(status, agreement_signed_by=frozenset())
    if status.state is MentorshipState.ACTIVE and not signatures_complete(unsigned):
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
    if not signatures_complete(status) or today < status.timeline.starts_on:
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
