"""How a person stands to a pair, the relation every confidentiality rule starts from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.access import Role
from app.domain.confidentiality.parts import ContentPart
from app.domain.confidentiality.reading import may_read
from app.domain.confidentiality.viewers import Viewer, ViewerRelation
from app.domain.pair_viewers import relation_to_pair

roles = st.sampled_from(list(Role))
people = st.integers(min_value=1, max_value=6)


@given(roles, people, people)
def test_the_mentee_and_the_mentor_are_the_pair_whatever_role_they_sign_in_with(
    role: Role, mentee: int, mentor: int
) -> None:
    # seed 004_5b4c852a2ca2c393.txt: what the mentor and protege say to each other stays
    # between them; being in the pair, not one's role, makes the notes one's own.
    if mentee == mentor:
        return
    assert relation_to_pair(role, mentee, mentee, mentor) is ViewerRelation.MENTEE
    assert relation_to_pair(role, mentor, mentee, mentor) is ViewerRelation.MENTOR


@given(roles, people)
def test_no_one_outside_the_pair_reads_its_meeting_notes_without_a_disclosure(
    role: Role, person: int
) -> None:
    # seed 004_5b4c852a2ca2c393.txt: confidentiality, with recorded exceptions only; a
    # coordinator sees the facts of a pair (that it met), never what was said.
    relation = relation_to_pair(role, person, mentee=10, mentor=11)
    viewer = Viewer(relation, person)
    assert not may_read(viewer, ContentPart.MEETING_NOTES).allowed
    if relation in (ViewerRelation.COORDINATOR, ViewerRelation.ORG_ADMIN):
        assert may_read(viewer, ContentPart.MEETING_FACTS).allowed


def test_someone_with_no_role_over_the_pair_is_another_participant() -> None:
    assert relation_to_pair(Role.PARTICIPANT, 3, 1, 2) is ViewerRelation.OTHER_PARTICIPANT
    assert relation_to_pair(Role.PARTICIPANT, None, 1, 2) is ViewerRelation.OTHER_PARTICIPANT
    assert relation_to_pair(Role.SUPERVISOR, 3, 1, 2) is ViewerRelation.SUPERVISOR_OF_MENTEE
