"""Charlotte's group sessions are checked, not only labelled: who missed a mandatory session,
on the coordinator's worklist (facts only: whose part, which day)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar.attendance_record import check_present_or_excused
from app.domain.calendar.cohort_calendar import planned_calendar
from app.domain.calendar.group_sessions import (
    GroupSession,
    SessionPair,
    missed_sessions,
    own_attendance,
    own_excusal,
)
from app.domain.calendar.kinds import EventKind
from app.domain.calendar.worklist import PairFacts, WorkKind, worklist
from app.domain.errors import InvalidInput
from app.domain.lifecycle.parties import Party
from app.domain.policy.model import GroupActivityPolicy
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.maine import MAINE_MMS
from app.domain.policy.presets.nc import NC_MODEL
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)
MENTEE, MENTOR, OTHER = uuid4(), uuid4(), uuid4()
PAIR = SessionPair(MENTEE, MENTOR, START, date(2027, 10, 4))


def _session(day: date, *present: UUID) -> GroupSession:
    return GroupSession(uuid4(), day, frozenset(present))


def test_mentee_participation_is_mandatory_mentor_attendance_is_usually_optional():
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentees will attend periodic group
    # sessions ... Although Mentee participation is mandatory, Mentor attendance is usually
    # optional." (001_5dd4108eec679fcc.txt "Group Learning" says the same of mentees.)
    rules = CHARLOTTE_SLL.group_activities
    neither = _session(date(2027, 2, 4), OTHER)
    mentee_only = _session(date(2027, 5, 4), MENTEE, OTHER)
    [missed] = missed_sessions(PAIR, [neither, mentee_only], rules, date(2027, 6, 1))
    assert (missed.event_id, missed.held_on, missed.absent) == (
        neither.event_id,
        neither.held_on,
        (Party.MENTEE,),
    )


def test_a_program_that_makes_mentor_attendance_mandatory_names_the_absent_mentor_too():
    # seed 000_4e18aab21704e587.txt "Group Learning": mentor attendance is "usually" optional:
    # a program may make it mandatory (a setting).
    rules = GroupActivityPolicy(
        group_sessions_mandatory_for_mentees=True, group_sessions_mandatory_for_mentors=True
    )
    [missed] = missed_sessions(PAIR, [_session(date(2027, 2, 4), OTHER)], rules, date(2027, 3, 1))
    assert missed.absent == (Party.MENTEE, Party.MENTOR)


def test_a_session_whose_attendance_nobody_recorded_yet_accuses_nobody():
    # seed 000_4e18aab21704e587.txt "Group Learning": only a held session is owed.
    rules = CHARLOTTE_SLL.group_activities
    unrecorded = _session(date(2027, 2, 4))
    assert missed_sessions(PAIR, [unrecorded], rules, date(2027, 3, 1)) == ()
    recorded_today = _session(date(2027, 2, 4), OTHER)
    assert missed_sessions(PAIR, [recorded_today], rules, date(2027, 2, 4)) == ()


def test_a_pair_owes_no_session_held_before_it_formed_or_after_it_ended():
    # seed 000_4e18aab21704e587.txt "Group Learning": mentees attend the sessions of their
    # session (cohort) while they take part in it.
    rules = CHARLOTTE_SLL.group_activities
    late_pair = replace(PAIR, runs_from=date(2027, 3, 1), runs_to=date(2027, 6, 30))
    sessions = [_session(date(2027, 2, 4), OTHER), _session(date(2027, 8, 4), OTHER)]
    assert missed_sessions(late_pair, sessions, rules, date(2027, 9, 1)) == ()


def test_a_person_sees_their_own_attendance_only_once_it_is_recorded():
    assert own_attendance(MENTEE, []) is None
    assert own_attendance(MENTEE, [OTHER]) is False
    assert own_attendance(MENTEE, [MENTEE, OTHER]) is True


@given(
    held=st.lists(st.tuples(st.integers(-60, 400), st.booleans(), st.booleans(), st.booleans())),
    today_in=st.integers(0, 400),
    mentees=st.booleans(),
    mentors=st.booleans(),
)
def test_no_one_is_accused_without_a_record_a_running_pair_or_a_mandatory_rule(
    held, today_in, mentees, mentors
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentee participation is mandatory,
    # Mentor attendance is usually optional."
    rules = GroupActivityPolicy(
        group_sessions_mandatory_for_mentees=mentees, group_sessions_mandatory_for_mentors=mentors
    )
    today = START + timedelta(days=today_in)
    sessions = []
    for days, recorded, mentee_came, mentor_came in held:
        present = {OTHER} if recorded else set()
        present |= {MENTEE} if recorded and mentee_came else set()
        present |= {MENTOR} if recorded and mentor_came else set()
        sessions.append(_session(START + timedelta(days=days), *present))
    by_id = {s.event_id: s for s in sessions}
    found = missed_sessions(PAIR, sessions, rules, today)
    for missed in found:
        session = by_id[missed.event_id]
        assert session.attendees
        assert session.held_on < today
        assert PAIR.runs_from <= session.held_on <= PAIR.runs_to
        assert Party.MENTOR not in missed.absent or mentors
        assert Party.MENTEE not in missed.absent or mentees
        assert all(PAIR.person(p) not in session.attendees for p in missed.absent)
    # And every held session a mandatory mentee missed while the pair ran is named.
    owed_by_mentee = {
        s.event_id
        for s in sessions
        if mentees
        and s.attendees
        and s.held_on < today
        and PAIR.runs_from <= s.held_on <= PAIR.runs_to
        and MENTEE not in s.attendees
    }
    assert owed_by_mentee == {m.event_id for m in found if Party.MENTEE in m.absent}


def _charlotte_facts(status, sessions, preset="charlotte-sll"):
    return PairFacts(
        uuid4(), uuid4(), preset, status, people=(MENTEE, MENTOR), group_sessions=sessions
    )


def test_the_worklist_names_each_missed_mandatory_session_with_its_day_and_seed_000():
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentee participation is mandatory"
    status = active_pair(CHARLOTTE_SLL, START)
    attended = _session(date(2027, 5, 4), MENTEE, OTHER)
    missed = _session(date(2027, 2, 4), MENTOR, OTHER)
    pair = _charlotte_facts(status, (attended, missed))
    items = [
        i for i in worklist([pair], date(2027, 5, 10), 0) if i.kind is WorkKind.GROUP_SESSION_MISSED
    ]
    assert [(i.due_on, i.overdue, i.seed) for i in items] == [
        (date(2027, 2, 4), True, "000_4e18aab21704e587.txt")
    ]
    assert items[0].rule.endswith("missed by the mentee")
    assert items[0].mentorship_id == pair.mentorship_id


def test_the_other_handbooks_make_no_group_session_mandatory():
    # seeds 002_59333b271e9b4b69.txt, 003_e5d42bff8b56600f.txt, 004_5b4c852a2ca2c393.txt state
    # no mandatory group session: their events with attendance recorded put nothing here.
    for preset, policy in (
        ("caltrans", CALTRANS),
        ("nc-model", NC_MODEL),
        ("maine-mms", MAINE_MMS),
    ):
        pair = _charlotte_facts(
            active_pair(policy, START), (_session(date(2027, 2, 4), OTHER),), preset
        )
        kinds = {i.kind for i in worklist([pair], date(2027, 5, 10), 0)}
        assert WorkKind.GROUP_SESSION_MISSED not in kinds
        planned = planned_calendar(policy, START)
        assert EventKind.GROUP_SESSION not in {e.kind for e in planned}


def _excusing(session: GroupSession, *excused: UUID) -> GroupSession:
    return replace(session, excused=session.excused | frozenset(excused))


def test_mentee_participation_is_mandatory_an_excused_absence_is_not_a_missed_session():
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional." An excused mentee (illness, a council
    # meeting) owes nothing for that session; recording them present would falsify the record.
    rules = CHARLOTTE_SLL.group_activities
    missed = _session(date(2027, 2, 4), MENTOR, OTHER)
    assert len(missed_sessions(PAIR, [missed], rules, date(2027, 3, 1))) == 1
    excused = _excusing(missed, MENTEE)
    assert missed_sessions(PAIR, [excused], rules, date(2027, 3, 1)) == ()


def test_a_session_where_everyone_recorded_was_excused_was_not_held():
    # seed 000_4e18aab21704e587.txt "Group Learning": a session counts once somebody attended;
    # excusals alone accuse nobody who was not excused.
    rules = CHARLOTTE_SLL.group_activities
    only_excused = _excusing(_session(date(2027, 2, 4)), OTHER)
    assert not only_excused.held_by(date(2027, 3, 1))
    assert missed_sessions(PAIR, [only_excused], rules, date(2027, 3, 1)) == ()


def test_a_program_with_mandatory_mentors_excuses_the_mentor_alone():
    # seed 000_4e18aab21704e587.txt "Group Learning": mentor attendance is "usually" optional.
    rules = GroupActivityPolicy(
        group_sessions_mandatory_for_mentees=True, group_sessions_mandatory_for_mentors=True
    )
    session = _excusing(_session(date(2027, 2, 4), OTHER), MENTOR)
    [missed] = missed_sessions(PAIR, [session], rules, date(2027, 3, 1))
    assert missed.absent == (Party.MENTEE,)


def test_a_person_is_never_both_present_and_excused():
    check_present_or_excused([MENTEE], [MENTOR], field="excused")
    with pytest.raises(InvalidInput) as refused:
        check_present_or_excused([MENTEE, OTHER], [MENTEE], field="excused")
    assert (refused.value.field, refused.value.rule) == ("excused", "present_or_excused")
    assert str(MENTEE) in refused.value.detail


def test_a_person_sees_only_their_own_excusal():
    assert own_excusal(MENTEE, [MENTEE]) is True
    assert own_excusal(MENTOR, [MENTEE]) is False
    assert own_excusal(MENTEE, []) is False


@given(
    held=st.lists(
        st.tuples(st.integers(-60, 400), st.sets(st.sampled_from((MENTEE, MENTOR, OTHER)))),
        max_size=8,
    ),
    excuse=st.lists(st.tuples(st.integers(0, 7), st.sampled_from((MENTEE, MENTOR, OTHER)))),
    today_in=st.integers(0, 400),
    mentees=st.booleans(),
    mentors=st.booleans(),
)
def test_an_excused_person_is_never_named_absent_and_excusing_changes_nothing_for_others(
    held, excuse, today_in, mentees, mentors
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentee participation is mandatory";
    # an excused absence is not a missed session, and it is the excused person's alone.
    rules = GroupActivityPolicy(
        group_sessions_mandatory_for_mentees=mentees, group_sessions_mandatory_for_mentors=mentors
    )
    today = START + timedelta(days=today_in)
    sessions = [_session(START + timedelta(days=d), *present) for d, present in held]
    excusals: dict[int, set[UUID]] = {}
    for index, person in excuse:
        if index < len(sessions) and person not in sessions[index].attendees:
            excusals.setdefault(index, set()).add(person)
    excused = [_excusing(s, *excusals.get(i, ())) for i, s in enumerate(sessions)]
    before = missed_sessions(PAIR, sessions, rules, today)
    after = missed_sessions(PAIR, excused, rules, today)
    by_id = {s.event_id: s for s in excused}
    for missed in after:
        assert all(PAIR.person(p) not in by_id[missed.event_id].excused for p in missed.absent)
    # Excusing removes exactly the excused parties from each session's absentees, no one else.
    expected = []
    for missed in before:
        left = tuple(
            p for p in missed.absent if PAIR.person(p) not in by_id[missed.event_id].excused
        )
        if left:
            expected.append(replace(missed, absent=left))
    assert after == tuple(expected)
