"""Maine's Administrator recommends ending a relationship in answer to a participant's
contact: 004 exception 3 (seed 004_5b4c852a2ca2c393.txt, "Confidentiality")."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.confidentiality.disclosure import Disclosure, DisclosureKind
from app.domain.errors import TransitionRefused
from app.domain.lifecycle.endings import ParticipantContact, recommend_termination
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import MentorshipStatus, propose
from app.domain.policy.presets import PRESETS
from tests.domain.contacts import MENTEE, MENTOR, PAIR, STRANGER, TOLD_ON, not_working

TODAY = date(2024, 10, 1)


def _maine() -> MentorshipStatus:
    return propose(policy=PRESETS["maine-mms"], starts_on=date(2024, 7, 1))


def _recommend(contacts: dict[str, Disclosure], today: date = TODAY) -> ParticipantContact:
    made = recommend_termination(
        _maine(), by=Party.ADMINISTRATOR, today=today, contacts=contacts, participants=PAIR
    )
    return made.answers


def _refusal(contacts: dict[str, Disclosure], today: date = TODAY) -> str | None:
    try:
        _recommend(contacts, today)
    except TransitionRefused as refused:
        return refused.rule
    return None


def test_mentors_or_proteges_may_contact_the_administrator_who_may_even_recommend_termination() -> (
    None
):
    # seed 004_5b4c852a2ca2c393.txt exception 3: "Sometimes mentoring relationships do not work.
    # In such cases, mentors or protégés may contact the Mentoring Program Administrator, who
    # may intervene and may even recommend the mentoring relationship be terminated."
    with pytest.raises(TransitionRefused) as refused:
        _recommend({})
    assert refused.value.rule == "no_participant_contact"
    assert refused.value.field == "id"
    assert "relationship_not_working" in refused.value.detail
    for who in (MENTEE, MENTOR):
        answered = _recommend({"told": not_working(who)})
        assert answered == ParticipantContact(
            "told", DisclosureKind.RELATIONSHIP_NOT_WORKING, TOLD_ON.date()
        )


def test_another_pairs_participant_another_kind_or_a_later_day_is_no_contact() -> None:
    # seed 004_5b4c852a2ca2c393.txt exception 3: the contact is this pair's mentor or protégé
    # telling the Administrator the relationship does not work, before the recommendation.
    assert _refusal({"other": not_working(STRANGER)}) == "no_participant_contact"
    advice = not_working(MENTOR, kind=DisclosureKind.ADVICE_FROM_ADMINISTRATOR)
    assert _refusal({"advice": advice}) == "no_participant_contact"
    assert _refusal({"told": not_working()}, today=TOLD_ON.date() - timedelta(days=1)) == (
        "no_participant_contact"
    )


def test_the_recommendation_names_the_latest_contact_and_none_of_its_words() -> None:
    # seed 004 "Confidentiality": staff see facts (day, kind), not what the participant said.
    later = TOLD_ON + timedelta(days=9)
    answered = _recommend({"first": not_working(MENTEE), "second": not_working(MENTOR, at=later)})
    assert answered.disclosure_id == "second"
    assert answered.contacted_on == later.date()
    assert "we never find time" not in repr(answered)


_WHO = st.sampled_from([MENTEE, MENTOR, STRANGER])
_KIND = st.sampled_from(list(DisclosureKind))
_AT = st.integers(min_value=-40, max_value=40).map(lambda d: TOLD_ON + timedelta(days=d))


@given(
    made=st.dictionaries(st.text(min_size=1, max_size=4), st.tuples(_WHO, _KIND, _AT), max_size=6)
)
def test_a_recommendation_goes_through_exactly_when_a_participant_told_the_administrator(
    made: dict[str, tuple[str, DisclosureKind, datetime]],
) -> None:
    # seed 004_5b4c852a2ca2c393.txt exception 3: whatever else is on file, the recommendation
    # answers one of this pair's own not-working contacts made by the day it is made.
    contacts: dict[str, Disclosure] = {
        key: not_working(who, at=at, kind=kind) for key, (who, kind, at) in made.items()
    }
    answerable = {
        key: at
        for key, (who, kind, at) in made.items()
        if who in PAIR and kind is DisclosureKind.RELATIONSHIP_NOT_WORKING and at.date() <= TODAY
    }
    if not answerable:
        assert _refusal(contacts) == "no_participant_contact"
        return
    answered = _recommend(contacts)
    assert answered.disclosure_id in answerable
    assert answered.contacted_on == max(answerable.values()).date()
