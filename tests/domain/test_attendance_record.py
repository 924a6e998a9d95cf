"""Correcting an attendance record: people recorded present or excused by mistake are taken
back off it, and only people the record holds."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.calendar.attendance_record import AttendanceRecord, recorded, withdrawn
from app.domain.errors import InvalidInput

ANN, BEN, CAL = uuid4(), uuid4(), uuid4()


def test_attend_a_mentoring_program_information_session_a_person_recorded_by_mistake_is_withdrawn():
    # seed 003_e5d42bff8b56600f.txt "Requirements": "Attend a mentoring program Information
    # Session": someone recorded present who was not there must not count as having attended.
    record = AttendanceRecord(frozenset({ANN, BEN}), frozenset({CAL}))
    corrected = withdrawn(record, present=[BEN], excused=[])
    assert corrected == AttendanceRecord(frozenset({ANN}), frozenset({CAL}))


def test_mentee_participation_is_mandatory_an_excusal_made_by_mistake_is_withdrawn():
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory": a mistaken excusal withdrawn leaves the mentee owing the session again.
    record = AttendanceRecord(frozenset({ANN}), frozenset({BEN, CAL}))
    corrected = withdrawn(record, present=[], excused=[CAL])
    assert corrected == AttendanceRecord(frozenset({ANN}), frozenset({BEN}))


@pytest.mark.parametrize(
    ("present", "excused", "field"),
    [([CAL], [], "employee_ids"), ([], [ANN], "excused"), ([], [], "employee_ids")],
)
def test_withdrawing_someone_the_record_does_not_hold_is_refused_on_the_field_naming_them(
    present, excused, field
):
    # seed 003_e5d42bff8b56600f.txt "Requirements": a correction takes back what was recorded;
    # naming someone recorded otherwise (or nobody) is a mistake to report, not to ignore.
    record = AttendanceRecord(frozenset({ANN}), frozenset({BEN}))
    with pytest.raises(InvalidInput) as refused:
        withdrawn(record, present=present, excused=excused)
    assert refused.value.field == field


_people = st.sets(st.uuids(version=4), max_size=6)


@given(before_present=_people, before_excused=_people, added=_people, added_excused=_people)
def test_recorded_then_corrected_is_as_if_never_recorded(
    before_present: set[UUID],
    before_excused: set[UUID],
    added: set[UUID],
    added_excused: set[UUID],
):
    # seed 003_e5d42bff8b56600f.txt "Requirements" and 000_4e18aab21704e587.txt "Group
    # Learning": a record taken back leaves the record (and so eligibility and the sessions
    # owed) as it was.
    before_excused -= before_present
    added -= before_present | before_excused
    added_excused -= before_present | before_excused | added
    assume(added or added_excused)
    before = AttendanceRecord(frozenset(before_present), frozenset(before_excused))
    after = recorded(before, present=added, excused=added_excused)
    assert withdrawn(after, present=added, excused=added_excused) == before
