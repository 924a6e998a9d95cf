"""How a mentorship ends: completed at the end of its term, ended early by a participant, or
terminated by the program administrator; where the administrator only recommends ending it
(Maine), the recommendation goes to the pair, who end it themselves."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.confidentiality.disclosure import (
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
)
from app.domain.errors import InvalidInput, NotPermitted, TransitionRefused
from app.domain.lifecycle.activation import signatures_complete
from app.domain.lifecycle.evaluations import evaluations_owed
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import OPEN_STATES, MentorshipState
from app.domain.lifecycle.status import (
    MentorshipEvent,
    MentorshipStatus,
    Transition,
    close,
    require_participant,
    require_state,
)


def complete(status: MentorshipStatus, *, by: Party, today: date) -> Transition:
    """Complete at the end of the term (never before), once the required evaluations are done."""
    require_state(status, frozenset({MentorshipState.ACTIVE}), "complete")
    ends_on = status.timeline.ends_on
    if today < ends_on:
        raise TransitionRefused(f"the term ends on {ends_on.isoformat()}", rule="before_term_end")
    if not signatures_complete(status):
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
    _require_administrator(by, "terminate")
    require_state(status, OPEN_STATES, "terminate")
    ending = status.policy.ending
    if not flagged and not ending.administrator_may_terminate:
        if ending.administrator_may_recommend_termination:
            raise TransitionRefused(
                "the administrator may recommend termination; the participants end it",
                rule="administrator_recommends_participants_end",
            )
        raise TransitionRefused(
            "this program's administrator does not intervene in relationships",
            rule="administrator_intervention_not_in_policy",
        )
    return Transition(
        close(status, MentorshipState.ENDED, by, today), (MentorshipEvent.TERMINATED,)
    )


MAX_REASON = 10_000


@dataclass(frozen=True, slots=True)
class ParticipantContact:
    """The contact a recommendation answers: which disclosure, of which kind, on which day;
    never what was said (coordinators see facts, not content)."""

    disclosure_id: Hashable
    kind: DisclosureKind
    contacted_on: date


@dataclass(frozen=True, slots=True)
class TerminationRecommendation:
    """The administrator's recommendation that the pair end their relationship, dated, the
    participant's contact it answers, and the administrator's own words (none required)."""

    recommended_on: date
    answers: ParticipantContact
    reason: str = ""


def recommend_termination(
    status: MentorshipStatus,
    *,
    by: Party,
    today: date,
    contacts: Mapping[Hashable, Disclosure],
    participants: Collection[Hashable],
    reason: str = "",
) -> TerminationRecommendation:
    """The program administrator recommends that an open relationship be ended, where the
    policy gives them that say, in answer to a participant's contact (004 exception 3);
    ending it stays the participants' act. ``contacts`` are the pair's disclosures by id."""
    _require_administrator(by, "recommend termination")
    require_state(status, OPEN_STATES, "recommend ending")
    if not status.policy.ending.administrator_may_recommend_termination:
        raise TransitionRefused(
            "this program's administrator does not recommend ending relationships",
            rule="administrator_recommendation_not_in_policy",
        )
    words = reason.strip()
    if len(words) > MAX_REASON:
        raise InvalidInput(f"at most {MAX_REASON} characters", field="reason")
    answered = contact_answered(contacts, participants=participants, today=today)
    return TerminationRecommendation(today, answered, words)


def contact_answered(
    contacts: Mapping[Hashable, Disclosure], *, participants: Collection[Hashable], today: date
) -> ParticipantContact:
    """The latest contact, made by ``today``, in which one of the pair's own participants told
    the administrator the relationship is not working: 004 exception 3, "mentors or protégés
    may contact the Mentoring Program Administrator, who may intervene and may even recommend
    the mentoring relationship be terminated". Without one there is nothing to answer."""
    made = [
        (disclosure.occurred_at, key)
        for key, disclosure in contacts.items()
        if _tells_administrator_not_working(disclosure, participants, today)
    ]
    if not made:
        raise TransitionRefused(
            "the administrator recommends ending a relationship in answer to a participant's "
            "contact, and none is on record: neither the mentor nor the protégé of this pair has "
            "recorded a relationship_not_working disclosure to the administrator; either of them "
            "records one on this mentorship's disclosures first",
            field="id",
            rule="no_participant_contact",
        )
    when, key = max(made, key=lambda m: m[0])
    return ParticipantContact(key, DisclosureKind.RELATIONSHIP_NOT_WORKING, when.date())


def _tells_administrator_not_working(
    disclosure: Disclosure, participants: Collection[Hashable], today: date
) -> bool:
    return (
        disclosure.kind is DisclosureKind.RELATIONSHIP_NOT_WORKING
        and disclosure.by in participants
        and disclosure.occurred_at.date() <= today
        and any(r.role is DisclosureRecipient.ADMINISTRATOR for r in disclosure.to)
    )


def _require_administrator(by: Party, action: str) -> None:
    if by is not Party.ADMINISTRATOR:
        raise NotPermitted(
            f"only the program administrator may {action}", rule="administrator_only"
        )
