"""NC's monthly meeting is held face to face, in person or virtually; an email or phone
check-in adds its hours but is no meeting. Every other program counts each logged meeting."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.cadence import MeetingFact, cadence
from app.domain.calendar.worklist import PairFacts, WorkKind, worklist
from app.domain.errors import InvalidInput
from app.domain.meeting_log import MeetingMode, held_face_to_face, meeting_mode
from app.domain.policy.presets import PRESETS
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.nc import NC_MODEL
from app.domain.timeline import timeline_for
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)
NC_TIMELINE = timeline_for(START, NC_MODEL)
AFTER_MONTH_ONE = date(2027, 2, 10)


def _nc_month_one(*held: MeetingFact):
    return cadence(NC_TIMELINE, held, AFTER_MONTH_ONE, face_to_face_only=True).months[0]


def test_at_least_one_face_to_face_meeting_per_month_with_email_and_phone_check_ins_as_needed():
    # seed 003_e5d42bff8b56600f.txt "Creating a Meeting Schedule": "At least one face-to-face
    # [in-person or virtual] meeting is recommended per month with periodic email and/or phone
    # check-ins as needed."
    assert NC_MODEL.cadence.face_to_face_meetings_only
    phone = MeetingFact(date(2027, 1, 12), 1.0, face_to_face=False)
    only_phone = _nc_month_one(phone)
    assert (only_phone.meetings, only_phone.hours, only_phone.short) == (0, 1.0, True)
    virtual = MeetingFact(date(2027, 1, 20), 1.0, face_to_face=True)
    met = _nc_month_one(phone, virtual)
    assert (met.meetings, met.hours, met.short) == (1, 2.0, False)


def test_a_virtual_meeting_is_face_to_face_and_a_meeting_of_unstated_mode_counts_as_before():
    # seed 003_e5d42bff8b56600f.txt "Creating a Meeting Schedule": "face-to-face [in-person or
    # virtual]"; meetings logged before modes were recorded state none and still count.
    assert held_face_to_face(MeetingMode.IN_PERSON)
    assert held_face_to_face(MeetingMode.VIRTUAL)
    assert held_face_to_face(None)
    assert not held_face_to_face(MeetingMode.PHONE)
    assert not held_face_to_face(MeetingMode.EMAIL)


def test_a_mode_that_is_not_one_of_the_four_is_refused_naming_the_field():
    assert meeting_mode("virtual") is MeetingMode.VIRTUAL
    assert meeting_mode(None) is None
    with pytest.raises(InvalidInput) as refused:
        meeting_mode("carrier pigeon")
    assert (refused.value.field, refused.value.rule) == ("mode", "meeting_mode")


def test_the_initial_one_on_one_meeting_is_not_a_phone_call():
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": "Scheduling at least one hour for the
    # initial one-on-one meeting is recommended."
    due = NC_TIMELINE.initial_meeting_due_on
    assert due is not None
    call = MeetingFact(START + timedelta(days=2), 1.0, face_to_face=False)
    report = cadence(NC_TIMELINE, [call], due + timedelta(days=1), face_to_face_only=True)
    assert report.initial_meeting_missed
    status = _active_nc()
    pair = PairFacts(uuid4(), uuid4(), "nc-model", status, meetings=(call,))
    kinds = {i.kind for i in worklist([pair], START + timedelta(days=3), 14)}
    assert WorkKind.INITIAL_MEETING_NOT_HELD in kinds
    met = PairFacts(uuid4(), uuid4(), "nc-model", status, meetings=(MeetingFact(call.held_on, 1),))
    assert WorkKind.INITIAL_MEETING_NOT_HELD not in {
        i.kind for i in worklist([met], START + timedelta(days=3), 14)
    }


def test_elsewhere_email_and_phone_conversations_count_as_they_are_logged():
    # seed 002_59333b271e9b4b69.txt "Tips for Successful Mentors": "e-mail and phone
    # conversations can supplement face-to-face meetings": Caltrans keeps its own reading.
    assert {k for k, p in PRESETS.items() if p.cadence.face_to_face_meetings_only} == {"nc-model"}
    assert not CALTRANS.cadence.face_to_face_meetings_only
    calls = [MeetingFact(date(2027, 1, d), 1.5, face_to_face=False) for d in (10, 24)]
    report = cadence(timeline_for(START, CALTRANS), calls, AFTER_MONTH_ONE)
    assert report.months[0].meetings == 2
    assert not report.at_risk


meetings = st.lists(
    st.builds(
        MeetingFact,
        st.dates(START, START + timedelta(days=200)),
        st.floats(0.25, 4.0),
        st.booleans(),
        st.booleans(),
    ),
    max_size=20,
)


@given(meetings, st.dates(START, START + timedelta(days=220)))
def test_check_ins_add_their_hours_to_a_month_but_never_a_meeting(held, today):
    counted = cadence(NC_TIMELINE, held, today, face_to_face_only=True)
    met = [m for m in held if m.face_to_face]
    only_met = cadence(NC_TIMELINE, met, today, face_to_face_only=True)
    everything = cadence(NC_TIMELINE, held, today)
    for month, met_month, all_month in zip(
        counted.months, only_met.months, everything.months, strict=True
    ):
        assert month.meetings == met_month.meetings
        assert month.hours == all_month.hours


def _active_nc():
    return active_pair(NC_MODEL, START)
