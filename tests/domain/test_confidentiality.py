"""Confidentiality: who reads what (000/001, 003) and Maine's recorded exceptions (004)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.confidentiality.disclosure import (
    Consent,
    DisclosingParty,
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
    Recipient,
)
from app.domain.confidentiality.parts import CONFIDENTIAL_PARTS, ContentPart
from app.domain.confidentiality.reading import may_read
from app.domain.confidentiality.recording import record_disclosure
from app.domain.confidentiality.viewers import Viewer, ViewerRelation
from app.domain.consent import acknowledge, answer_consent
from app.domain.errors import Conflict, InvalidInput, NotPermitted

WHEN = datetime(2025, 3, 4, 15, 30, tzinfo=UTC)
ALL_KINDS = frozenset(DisclosureKind)
ADMIN = Recipient(DisclosureRecipient.ADMINISTRATOR, "admin-1")
SUPERVISOR = Recipient(DisclosureRecipient.SUPERVISOR, "supervisor-1")


def viewer(relation: ViewerRelation, person: str | None = None, **kw: bool) -> Viewer:
    return Viewer(relation, person, **kw)


def disclose(**changes: object) -> Disclosure:
    arguments: dict[str, object] = {
        "kind": DisclosureKind.SUPERVISOR_WITH_APPROVAL,
        "by": "mentor-1",
        "by_party": DisclosingParty.MENTOR,
        "to": [SUPERVISOR],
        "about": "mentee-1",
        "occurred_at": WHEN,
        "allowed": ALL_KINDS,
        "parts": [ContentPart.MEETING_NOTES],
        "description": "progress on the delegation goal",
        "purpose": "arrange a stretch assignment",
    }
    arguments.update(changes)
    return record_disclosure(**arguments)  # type: ignore[arg-type]


# --- default readers ---------------------------------------------------------------------


@pytest.mark.parametrize("relation", list(ViewerRelation))
def test_meeting_notes_and_agreement_concerns_are_readable_by_the_pair_only(
    relation: ViewerRelation,
) -> None:
    in_pair = relation in {ViewerRelation.MENTEE, ViewerRelation.MENTOR}
    assert may_read(viewer(relation), ContentPart.MEETING_NOTES).allowed == in_pair
    assert may_read(viewer(relation), ContentPart.AGREEMENT_CONCERNS).allowed == in_pair


def test_charlotte_journal_is_the_mentees_alone_not_even_the_mentors() -> None:
    # seed 001_5dd4108eec679fcc.txt: the monthly journal is the mentee's own tool for their
    # self-development.
    assert may_read(viewer(ViewerRelation.MENTEE), ContentPart.JOURNAL).allowed
    refused = may_read(viewer(ViewerRelation.MENTOR), ContentPart.JOURNAL)
    assert not refused.allowed
    assert "mentee alone" in refused.reason


def test_coordinators_see_facts_not_content() -> None:
    for relation in (ViewerRelation.COORDINATOR, ViewerRelation.ADMINISTRATOR):
        staff = viewer(relation)
        assert may_read(staff, ContentPart.MEETING_FACTS).allowed
        assert may_read(staff, ContentPart.AGREEMENT_SIGNED).allowed
        assert may_read(staff, ContentPart.MENTORSHIP_STATE).allowed
        assert may_read(staff, ContentPart.CHECKUP_SCORES_AGGREGATE).allowed
        for part in CONFIDENTIAL_PARTS:
            decision = may_read(staff, part)
            assert not decision.allowed
            assert "facts only" in decision.reason or "mentee alone" in decision.reason


def test_a_supervisor_sees_the_approval_and_state_of_their_report_but_no_meetings() -> None:
    boss = viewer(ViewerRelation.SUPERVISOR_OF_MENTEE)
    assert may_read(boss, ContentPart.SUPERVISOR_APPROVAL).allowed
    assert may_read(boss, ContentPart.MENTORSHIP_STATE).allowed
    assert not may_read(boss, ContentPart.MEETING_FACTS).allowed
    assert not may_read(boss, ContentPart.MEETING_NOTES).allowed


def test_another_participant_reads_nothing_of_someone_elses_mentorship() -> None:
    stranger = viewer(ViewerRelation.OTHER_PARTICIPANT)
    assert not any(may_read(stranger, part).allowed for part in ContentPart)


def test_evaluation_free_text_is_the_respondents_and_the_pairs_only_when_shared() -> None:
    author = viewer(ViewerRelation.MENTOR, is_respondent=True)
    partner = viewer(ViewerRelation.MENTEE)
    part = ContentPart.EVALUATION_FREE_TEXT
    assert may_read(author, part).allowed
    assert not may_read(partner, part).allowed
    assert may_read(partner, part, evaluations_shared_with_pair=True).allowed
    staff = viewer(ViewerRelation.COORDINATOR, is_respondent=True)
    assert not may_read(staff, part, evaluations_shared_with_pair=True).allowed


# --- recording Maine's exceptions ---------------------------------------------------------


def test_maine_mentor_speaks_to_supervisor_only_with_protege_approval() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "Such conversations will only take place with the approval of
    # the protege and for an agreed upon purpose." The approval is the protege's own act, never the
    # mentor's box.
    with pytest.raises(InvalidInput) as refused:
        disclose(protege_consent=True)
    assert refused.value.field == "protege_consent"
    with pytest.raises(InvalidInput) as no_purpose:
        disclose(purpose="  ")
    assert no_purpose.value.field == "purpose"
    requested = disclose()
    assert requested.consent is Consent.REQUESTED
    assert requested.purpose == "arrange a stretch assignment"
    boss = viewer(ViewerRelation.SUPERVISOR_OF_MENTEE, "supervisor-1")
    assert not may_read(boss, ContentPart.MEETING_NOTES, [requested]).allowed
    with pytest.raises(NotPermitted):
        answer_consent(requested, by="mentor-1", grant=True)
    refused_by_protege = answer_consent(requested, by="mentee-1", grant=False)
    assert not may_read(boss, ContentPart.MEETING_NOTES, [refused_by_protege]).allowed
    with pytest.raises(Conflict):
        answer_consent(refused_by_protege, by="mentee-1", grant=True)
    granted = answer_consent(requested, by="mentee-1", grant=True)
    assert granted.protege_consent
    assert may_read(boss, ContentPart.MEETING_NOTES, [granted]).allowed


def test_the_protege_acknowledges_a_safety_disclosure_themselves() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "The mentor, with the protege's knowledge, may discuss the
    # protege with the Administrator and/or supervisor" when safety is at risk.
    told = disclose(kind=DisclosureKind.SAFETY_AT_RISK, to=[ADMIN], protege_informed=True)
    assert told.acknowledged_at is None
    with pytest.raises(NotPermitted):
        acknowledge(told, by="mentor-1", at=WHEN)
    known = acknowledge(told, by="mentee-1", at=WHEN)
    assert known.acknowledged_at == WHEN
    with pytest.raises(Conflict):
        acknowledge(known, by="mentee-1", at=WHEN)


def test_advice_covers_what_the_mentor_shared_not_every_later_note() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "the mentor may consult with the Mentoring Program
    # Administrator for advice on how to help the protege": what the mentor chose to share, as it
    # stood then.
    advice = disclose(kind=DisclosureKind.ADVICE_FROM_ADMINISTRATOR, to=[ADMIN])
    admin = viewer(ViewerRelation.COORDINATOR, "admin-1")
    before, after = WHEN.date(), WHEN.date() + timedelta(days=1)
    assert may_read(admin, ContentPart.MEETING_NOTES, [advice], written_on=before).allowed
    assert not may_read(admin, ContentPart.MEETING_NOTES, [advice], written_on=after).allowed
    named = disclose(
        kind=DisclosureKind.ADVICE_FROM_ADMINISTRATOR, to=[ADMIN], meetings=["meeting-2"]
    )
    chosen = {"written_on": before, "item": "meeting-2"}
    assert may_read(admin, ContentPart.MEETING_NOTES, [named], **chosen).allowed
    other = {"written_on": before, "item": "meeting-1"}
    assert not may_read(admin, ContentPart.MEETING_NOTES, [named], **other).allowed


def test_maine_supervisor_conversation_goes_to_the_supervisor_not_the_administrator() -> None:
    with pytest.raises(InvalidInput):
        disclose(to=[ADMIN])


def test_maine_safety_disclosure_needs_the_proteges_knowledge() -> None:
    # seed 004_5b4c852a2ca2c393.txt: "The mentor, with the protege's knowledge, may discuss ... if
    # ... the emotional or physical safety of the protege is at risk."
    safety = {"kind": DisclosureKind.SAFETY_AT_RISK, "purpose": ""}
    with pytest.raises(InvalidInput) as refused:
        disclose(**safety, to=[ADMIN])
    assert refused.value.field == "protege_informed"
    both = disclose(**safety, to=[ADMIN, SUPERVISOR], protege_informed=True)
    assert {r.role for r in both.to} == set(DisclosureRecipient)


def test_maine_advice_from_the_administrator_goes_to_the_administrator_from_the_mentor() -> None:
    advice = {"kind": DisclosureKind.ADVICE_FROM_ADMINISTRATOR}
    assert disclose(**advice, to=[ADMIN]).to == (ADMIN,)
    with pytest.raises(InvalidInput):
        disclose(**advice, to=[SUPERVISOR])
    with pytest.raises(InvalidInput):
        disclose(**advice, to=[ADMIN], by_party=DisclosingParty.MENTEE, parts=[])


def test_maine_either_side_may_tell_the_administrator_the_relationship_is_not_working() -> None:
    for party in DisclosingParty:
        recorded = disclose(
            kind=DisclosureKind.RELATIONSHIP_NOT_WORKING, by_party=party, to=[ADMIN], parts=[]
        )
        assert recorded.by_party is party


def test_a_kind_the_programs_policy_does_not_allow_is_refused() -> None:
    only_advice = frozenset({DisclosureKind.ADVICE_FROM_ADMINISTRATOR})
    with pytest.raises(InvalidInput) as refused:
        disclose(allowed=only_advice)
    assert refused.value.field == "kind"


def test_a_disclosure_must_say_what_was_disclosed_and_when_in_utc() -> None:
    with pytest.raises(InvalidInput):
        disclose(parts=[], description=" ")
    with pytest.raises(InvalidInput):
        disclose(occurred_at=datetime(2025, 3, 4, 15, 30))  # noqa: DTZ001
    with pytest.raises(InvalidInput):
        disclose(to=[])


def test_the_journal_cannot_be_disclosed_and_nobody_passes_on_what_they_cannot_read() -> None:
    with pytest.raises(InvalidInput):
        disclose(parts=[ContentPart.JOURNAL])
    with pytest.raises(InvalidInput):  # a mentor cannot read the journal, so cannot pass it on
        disclose(kind=DisclosureKind.SAFETY_AT_RISK, to=[ADMIN], parts=[ContentPart.JOURNAL])


def test_a_disclosure_lets_its_recipient_read_exactly_the_parts_it_names() -> None:
    recorded = answer_consent(disclose(), by="mentee-1", grant=True)
    boss = viewer(ViewerRelation.SUPERVISOR_OF_MENTEE, "supervisor-1")
    granted = may_read(boss, ContentPart.MEETING_NOTES, [recorded])
    assert granted.allowed
    assert granted.granted_by is DisclosureKind.SUPERVISOR_WITH_APPROVAL
    assert not may_read(boss, ContentPart.AGREEMENT_CONCERNS, [recorded]).allowed
    other_boss = viewer(ViewerRelation.SUPERVISOR_OF_MENTEE, "supervisor-2")
    assert not may_read(other_boss, ContentPart.MEETING_NOTES, [recorded]).allowed


def test_the_protege_can_see_the_record_of_disclosures_about_them() -> None:
    # DOMAIN (seed 004_5b4c852a2ca2c393.txt): each exception is a recorded disclosure, visible to
    # the protege.
    assert may_read(viewer(ViewerRelation.MENTEE), ContentPart.DISCLOSURE_RECORD).allowed
    assert not may_read(
        viewer(ViewerRelation.SUPERVISOR_OF_MENTEE), ContentPart.DISCLOSURE_RECORD
    ).allowed


# --- properties ----------------------------------------------------------------------------

PEOPLE = ["admin-1", "supervisor-1", "coordinator-1", "mentor-1", "mentee-1", "stranger"]
disclosures = st.builds(
    Disclosure,
    kind=st.sampled_from(DisclosureKind),
    by=st.sampled_from(PEOPLE),
    by_party=st.sampled_from(DisclosingParty),
    to=st.lists(
        st.builds(Recipient, st.sampled_from(DisclosureRecipient), st.sampled_from(PEOPLE)),
        max_size=2,
    ).map(tuple),
    about=st.just("mentee-1"),
    parts=st.frozensets(st.sampled_from(ContentPart)),
    description=st.text(max_size=5),
    purpose=st.text(max_size=5),
    occurred_at=st.just(WHEN),
    protege_consent=st.booleans(),
    protege_informed=st.booleans(),
    consent=st.sampled_from(Consent),
)
viewers = st.builds(
    Viewer,
    relation=st.sampled_from(ViewerRelation),
    person_id=st.none() | st.sampled_from(PEOPLE),
    is_respondent=st.booleans(),
)


@given(viewers, st.sampled_from(ContentPart), st.lists(disclosures, max_size=4), st.booleans())
def test_random_disclosures_never_grant_a_part_they_do_not_name(
    who: Viewer, part: ContentPart, recorded: list[Disclosure], shared: bool
) -> None:
    without = may_read(who, part, evaluations_shared_with_pair=shared)
    with_them = may_read(who, part, recorded, evaluations_shared_with_pair=shared)
    named_for_viewer = any(
        part in d.parts
        and who.person_id in {r.person_id for r in d.to}
        and d.consent in (Consent.NOT_NEEDED, Consent.GRANTED)
        for d in recorded
    )
    if with_them.allowed and not without.allowed:
        assert named_for_viewer
        assert with_them.granted_by is not None
    if not named_for_viewer:
        assert with_them == without


@given(viewers, st.lists(disclosures, max_size=4), st.booleans())
def test_the_journal_is_never_readable_by_anyone_but_the_mentee(
    who: Viewer, recorded: list[Disclosure], shared: bool
) -> None:
    decision = may_read(who, ContentPart.JOURNAL, recorded, evaluations_shared_with_pair=shared)
    assert decision.allowed == (who.relation is ViewerRelation.MENTEE)


@given(viewers, st.sampled_from(sorted(CONFIDENTIAL_PARTS)), st.booleans())
def test_without_disclosures_confidential_content_stays_within_the_pair(
    who: Viewer, part: ContentPart, shared: bool
) -> None:
    if may_read(who, part, evaluations_shared_with_pair=shared).allowed:
        assert who.relation in {ViewerRelation.MENTEE, ViewerRelation.MENTOR}
