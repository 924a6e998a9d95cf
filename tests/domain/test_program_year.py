"""The program year as the handbooks run it: dates that belong to the relationship, the
checkpoint's window, a rematch that continues the session, Maine's year, an honest cadence,
cohort calendars laid out from the preset, and applications that close."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.cadence import MeetingFact, cadence
from app.domain.calendar.cohort_calendar import (
    applications_close_on,
    confirm_by,
    formal_end,
    planned_calendar,
)
from app.domain.calendar.evaluation_rounds import EvaluationRound, evaluation_rounds
from app.domain.calendar.kinds import EventKind
from app.domain.calendar_months import add_months
from app.domain.compatibility_checkpoint import answer_checkpoint
from app.domain.errors import InvalidInput, TransitionRefused
from app.domain.lifecycle.activation import confirm, sign_agreement, start_if_due
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus, propose
from app.domain.meeting_log import require_loggable
from app.domain.policy.model import CadenceMeasure, EvaluationKind, LateAnswer, apply_overrides
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.maine import MAINE_MMS
from app.domain.policy.presets.nc import NC_MODEL
from app.domain.rematch import successor_term
from app.domain.timeline import timeline_for
from tests.domain.pairs import active_pair

START = date(2026, 9, 1)
MAINE_START = date(2026, 7, 1)


def _active(policy=CHARLOTTE_SLL, starts_on=START) -> MentorshipStatus:
    return active_pair(policy, starts_on)


# --- Maine's year (seed 004_5b4c852a2ca2c393.txt "Schedule of Events") ----------------------------


def test_initial_meetings_run_july_to_september_before_participants_confirm_on_september_1():
    # seed 004_5b4c852a2ca2c393.txt: "July-Sept 2003 Initial meetings of mentoring partners /
    # Sept 1, 2003 Participants confirm mentoring matches"
    proposed = propose(policy=MAINE_MMS, starts_on=MAINE_START)
    require_loggable(proposed, date(2026, 7, 20))  # no refusal: logged from the proposal on
    charlotte = propose(policy=CHARLOTTE_SLL, starts_on=START)
    with pytest.raises(TransitionRefused) as refused:
        require_loggable(charlotte, START)
    assert refused.value.rule == "not_confirmed"


def test_formal_relationships_end_at_the_final_celebratory_event():
    # seed 004_5b4c852a2ca2c393.txt: "April 16, 2004 Final Celebratory Event for mentors and
    # protégés/Formal relationships end"
    events = planned_calendar(MAINE_MMS, MAINE_START)
    end = formal_end(MAINE_MMS, MAINE_START, None, events)
    assert end == date(2027, 4, 16)
    status = propose(policy=MAINE_MMS, starts_on=MAINE_START, ends_on=end)
    assert status.timeline.ends_on == date(2027, 4, 16)
    # Charlotte's nine months run from the start, whatever the calendar says
    assert formal_end(CHARLOTTE_SLL, START, date(2027, 8, 1), events) is None


def test_a_maine_cohort_calendar_holds_the_schedule_of_events_relative_to_its_start():
    # seed 004_5b4c852a2ca2c393.txt: "Schedule of Events" (social event ... final celebration)
    events = planned_calendar(MAINE_MMS, MAINE_START)
    kinds = [e.kind for e in events]
    assert kinds.count(EventKind.NETWORKING_EVENT) == 2
    assert {
        EventKind.SOCIAL_EVENT,
        EventKind.PRELIMINARY_MATCHES,
        EventKind.ORIENTATION,
        EventKind.INITIAL_MEETING_WINDOW,
        EventKind.MATCH_CONFIRMATION,
        EventKind.PROGRAM_EVALUATION,
        EventKind.FINAL_CELEBRATION,
    } <= set(kinds)
    assert confirm_by(events) == date(2026, 9, 1)
    assert evaluation_rounds(events, date(2027, 4, 16)) == (
        EvaluationRound(1, date(2027, 3, 1), date(2027, 3, 31)),
    )
    assert [e.starts_on for e in events] == sorted(e.starts_on for e in events)


def test_luncheons_are_held_twice_during_the_nine_months_beginning_after_january_1():
    # seed 000_4e18aab21704e587.txt: "Luncheons will be held twice during the nine months -
    # beginning after January 1." ... "in January ... Then, in April"
    lunches = [e for e in planned_calendar(CHARLOTTE_SLL, START) if e.kind is EventKind.LUNCHEON]
    assert [(e.starts_on.year, e.starts_on.month) for e in lunches] == [(2027, 1), (2027, 4)]
    sessions = [
        e for e in planned_calendar(CHARLOTTE_SLL, START) if e.kind is EventKind.GROUP_SESSION
    ]
    # seed 000_4e18aab21704e587.txt: "Although Mentee participation is mandatory, Mentor
    # attendance is usually optional."
    assert sessions
    assert all("mandatory for mentees" in e.title for e in sessions)


def test_nc_holds_an_information_session_before_joining_and_caltrans_an_orientation():
    # seed 003_e5d42bff8b56600f.txt: "Attend a mentoring program Information Session"
    [session] = planned_calendar(NC_MODEL, START)
    assert session.kind is EventKind.INFORMATION_SESSION
    assert session.starts_on < START
    # seed 002_59333b271e9b4b69.txt: mentors "attend organized events"
    [orientation] = planned_calendar(CALTRANS, START)
    assert orientation.kind is EventKind.ORIENTATION


@given(st.dates(date(2020, 1, 1), date(2035, 12, 31)))
def test_every_planned_luncheon_falls_inside_the_term_and_after_january_1(start):
    ends_on = add_months(start, CHARLOTTE_SLL.duration_months)
    lunches = [e for e in planned_calendar(CHARLOTTE_SLL, start) if e.kind is EventKind.LUNCHEON]
    assert len(lunches) <= CHARLOTTE_SLL.group_activities.luncheons
    assert all(start < e.starts_on < ends_on for e in lunches)
    if lunches:
        assert lunches[0].starts_on.month == 1


# --- dates belong to the relationship -------------------------------------------------------


def test_no_meeting_before_the_mentorship_starts_and_the_refusal_names_the_allowed_dates():
    # seed 002_59333b271e9b4b69.txt: the meeting log records the pair's meetings (DOMAIN.md:
    # "Dates belong to the relationship: no meeting before the mentorship starts")
    status = _active()
    with pytest.raises(InvalidInput) as refused:
        require_loggable(status, START - timedelta(days=1))
    assert refused.value.field == "held_on"
    assert START.isoformat() in refused.value.detail
    assert status.timeline.ends_on.isoformat() in refused.value.detail


@given(st.dates(date(2026, 1, 1), date(2028, 1, 1)))
def test_a_meeting_is_accepted_exactly_when_it_falls_inside_the_term(day):
    status = _active()
    inside = START <= day <= status.timeline.ends_on
    try:
        require_loggable(status, day)
        accepted = True
    except InvalidInput:
        accepted = False
    assert accepted is inside


def test_a_pair_confirmed_and_signed_before_its_start_date_waits_to_be_active():
    # seed 000_4e18aab21704e587.txt: "a formal one-to-one relationship for a period of 9
    # months": the relationship runs from its start date, not from the signatures
    early = START - timedelta(days=40)
    status = propose(policy=CHARLOTTE_SLL, starts_on=START)
    for party in (Party.MENTEE, Party.MENTOR):
        status = confirm(status, by=party, today=early).status
    for party in (Party.MENTEE, Party.MENTOR):
        status = sign_agreement(status, by=party, today=early).status
    assert status.state is MentorshipState.CONFIRMED
    waiting = start_if_due(status, today=START - timedelta(days=1))
    assert waiting.events == ()
    assert waiting.status.state is MentorshipState.CONFIRMED
    started = start_if_due(status, today=START)
    assert started.status.state is MentorshipState.ACTIVE
    assert started.status.activated_on == START


def test_the_final_evaluation_comes_at_the_end_not_two_months_into_nine():
    # seed 000_4e18aab21704e587.txt: "evaluations at least mid-point and ending"
    status = _active()
    with pytest.raises(TransitionRefused) as refused:
        record_evaluation(
            status, kind=EvaluationKind.FINAL, by=Party.MENTEE, today=add_months(START, 2)
        )
    assert refused.value.rule == "final_not_due"
    last_month = add_months(status.timeline.ends_on, -1)
    done = record_evaluation(status, kind=EvaluationKind.FINAL, by=Party.MENTEE, today=last_month)
    assert EvaluationKind.FINAL in done.status.evaluations_done


# --- the checkpoint's window ----------------------------------------------------------------


def _answer(status: MentorshipStatus, today: date, decision=CheckpointDecision.CONTINUE):
    return answer_checkpoint(
        status, by=Party.MENTEE, decision=decision, today=today, alternative_available=False
    )


def test_toward_the_end_of_the_first_three_months_the_checkpoint_opens_and_then_closes():
    # seed 000_4e18aab21704e587.txt: "Toward the end of the first three months, mentoring
    # pairs will be asked to evaluate ... If at this stage the mentee wishes to change mentors"
    status = _active()
    closes = status.timeline.checkpoint_closes_on
    assert closes is not None
    assert closes > status.timeline.checkpoint_due_on
    assert _answer(status, closes).status.checkpoint_answers[0].late is False
    with pytest.raises(TransitionRefused) as refused:
        _answer(status, status.timeline.checkpoint_due_on + timedelta(days=154))
    assert refused.value.rule == "checkpoint_closed"
    assert closes.isoformat() in refused.value.detail


def test_a_late_checkpoint_answer_is_marked_late_where_the_policy_takes_late_answers():
    # seed 000_4e18aab21704e587.txt: "at this stage": a program may still hear a late answer
    lenient = apply_overrides(CHARLOTTE_SLL, {"checkpoint": {"late_answers": "marked_late"}})
    assert lenient.checkpoint.late_answers is LateAnswer.MARKED_LATE
    status = _active(lenient)
    late = _answer(status, status.timeline.checkpoint_due_on + timedelta(days=154))
    assert late.status.checkpoint_answers[0].late is True


def test_a_rematch_continues_the_session_and_ends_when_the_original_term_ends():
    # seed 000_4e18aab21704e587.txt: "If at this stage the mentee wishes to change mentors ...
    # Every effort will be made to accommodate these requests"; one session, nine months
    original = _active().timeline
    confirmed_on = original.checkpoint_due_on + timedelta(days=3)
    term = successor_term(original, confirmed_on)
    successor = propose(
        policy=CHARLOTTE_SLL, starts_on=term.starts_on, ends_on=term.ends_on, checkpoint=False
    ).timeline
    assert successor.ends_on == original.ends_on
    assert successor.checkpoint_opens_on is None
    assert successor.checkpoint_due_on is None
    with pytest.raises(TransitionRefused):
        successor_term(original, original.ends_on)


@given(st.integers(0, 270))
def test_a_successor_never_runs_past_the_session_nor_has_a_second_checkpoint(days_in):
    original = _active().timeline
    today = START + timedelta(days=days_in)
    if today >= original.ends_on:
        return
    term = successor_term(original, today)
    timeline = timeline_for(term.starts_on, CHARLOTTE_SLL, ends_on=term.ends_on, checkpoint=False)
    assert timeline.ends_on == original.ends_on
    assert all(w.ends_on < original.ends_on for w in timeline.cadence_windows)
    assert timeline.checkpoint_due_on is None


# --- an honest cadence ------------------------------------------------------------------------


def test_three_empty_months_followed_by_a_good_one_are_not_keeping_the_cadence():
    # seed 003_e5d42bff8b56600f.txt: "at least one meeting per month"
    timeline = timeline_for(START, NC_MODEL)
    held = [MeetingFact(START + timedelta(days=3), 1.5)]
    held += [MeetingFact(add_months(START, 3) + timedelta(days=d), 1.0) for d in (2, 9)]
    report = cadence(timeline, held, add_months(START, 4) + timedelta(days=1), initial_min_hours=1)
    assert report.at_risk
    assert report.short_months == (2, 3)
    assert "month 2, 3" in report.reason


def test_caltrans_asks_about_twice_a_month_and_three_hours_on_average():
    # seed 002_59333b271e9b4b69.txt: "meet about twice a month" ... "approximately 3 hours"
    timeline = timeline_for(START, CALTRANS)
    # three meetings in month 1, one in month 2: two a month on average, 3 hours a month
    held = [MeetingFact(START + timedelta(days=d), 1.5) for d in (2, 10, 20, 40)]
    today = add_months(START, 2) + timedelta(days=1)
    report = cadence(timeline, held, today, measured=CadenceMeasure.ON_AVERAGE)
    assert not report.at_risk
    assert report.short_months == (2,)  # month 2 alone fell short, and that is said
    strict = cadence(timeline, held, today, measured=CadenceMeasure.EACH_MONTH)
    assert strict.at_risk


def test_scheduling_at_least_one_hour_for_the_initial_meeting():
    # seed 003_e5d42bff8b56600f.txt: "Scheduling at least one hour for the initial one-on-one
    # meeting is recommended."
    timeline = timeline_for(START, NC_MODEL)
    short_first = [MeetingFact(START + timedelta(days=2), 0.5)]
    after_window = START + timedelta(days=20)
    report = cadence(timeline, short_first, after_window, initial_min_hours=1.0)
    assert report.initial_meeting_missed
    assert report.at_risk
    full = cadence(timeline, [MeetingFact(START, 1.0)], after_window, initial_min_hours=1.0)
    assert not full.initial_meeting_missed


@given(st.lists(st.integers(0, 3), min_size=1, max_size=11))
def test_any_finished_month_short_of_at_least_monthly_puts_the_pair_at_risk(per_month):
    timeline = timeline_for(START, NC_MODEL)
    held = [
        MeetingFact(add_months(START, month) + timedelta(days=1 + i), 1.0)
        for month, count in enumerate(per_month)
        for i in range(count)
    ]
    today = add_months(START, len(per_month)) + timedelta(days=1)
    report = cadence(timeline, held, today)
    assert report.short_months == tuple(m + 1 for m, c in enumerate(per_month) if c == 0)
    assert report.at_risk is (0 in per_month or per_month[0] == 0)


# --- applications close -----------------------------------------------------------------------


def test_a_cohort_takes_applications_until_its_close_date_or_without_one_its_start():
    # seed 004_5b4c852a2ca2c393.txt: matches are made "from June to September", before the
    # formal year; applications after the start would join a cohort already matched
    assert applications_close_on(MAINE_MMS, START, None, None) == START
    early = START - timedelta(days=10)
    assert applications_close_on(MAINE_MMS, START, None, early) == early


# --- dates that drive the rules -------------------------------------------------------------


def test_participants_confirm_mentoring_matches_by_september_1_and_later_is_overdue():
    # seed 004_5b4c852a2ca2c393.txt: "Sept 1, 2003 Participants confirm mentoring matches"
    from app.domain.deadlines import DeadlineKind, due_deadlines

    proposed = propose(policy=MAINE_MMS, starts_on=MAINE_START)
    deadline = confirm_by(planned_calendar(MAINE_MMS, MAINE_START))
    assert due_deadlines(proposed, date(2026, 8, 31), confirm_by=deadline) == ()
    [overdue] = due_deadlines(proposed, date(2026, 9, 2), confirm_by=deadline)
    assert overdue.kind is DeadlineKind.CONFIRM_BY
    assert overdue.due_on == date(2026, 9, 1)


# --- attendance is a person's fact ------------------------------------------------------------


def test_an_information_session_attended_counts_for_the_programs_cohorts_within_a_year():
    # seed 003_e5d42bff8b56600f.txt: "hold an introduction to the Mentorship Program /
    # information and Q&A meeting ... and follow up annually with similar meetings"
    from uuid import uuid4

    from app.domain.calendar.attendance import Attendance, attendees_for

    person, this_year, next_year, later = uuid4(), uuid4(), uuid4(), uuid4()
    sessions = [Attendance(this_year, date(2026, 8, 1), (person,))]
    valid = NC_MODEL.onboarding.information_session_valid_months
    assert valid == 12

    def counted(cohort, starts_on):
        return attendees_for(
            sessions, cohort_id=cohort, cohort_starts_on=starts_on, valid_months=valid
        )

    assert person in counted(next_year, date(2027, 7, 1))
    assert person not in counted(later, date(2027, 9, 1))
    # A program without a validity counts a session for its own cohort only.
    assert person in attendees_for(
        sessions, cohort_id=this_year, cohort_starts_on=START, valid_months=0
    )
    assert not attendees_for(sessions, cohort_id=next_year, cohort_starts_on=START, valid_months=0)


@given(
    st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    st.integers(0, 24),
)
def test_attendance_never_counts_for_a_cohort_that_started_before_it_or_past_its_validity(
    held_on, starts_on, valid
):
    from uuid import uuid4

    from app.domain.calendar.attendance import Attendance, counts_for

    session = Attendance(uuid4(), held_on, ())
    counted = counts_for(session, cohort_id=uuid4(), cohort_starts_on=starts_on, valid_months=valid)
    assert counted is (valid > 0 and held_on <= starts_on <= add_months(held_on, valid))


# --- settings that drive behaviour ------------------------------------------------------------


def test_charlotte_pairs_meet_as_often_as_their_agreement_says():
    # seed 000_4e18aab21704e587.txt: agreement "Frequency of meetings: weekly, bi-weekly,
    # monthly"
    assert CHARLOTTE_SLL.cadence.agreed_in_agreement
    timeline = timeline_for(START, CHARLOTTE_SLL)
    held = [MeetingFact(START + timedelta(days=d), 1.0) for d in (3, 17)]
    today = add_months(START, 1) + timedelta(days=1)
    assert not cadence(timeline, held, today, agreed_frequency="bi-weekly").at_risk
    weekly = cadence(timeline, held, today, agreed_frequency="weekly")
    assert weekly.at_risk
    assert weekly.short_months == (1,)


def test_nc_requires_a_monthly_meeting_where_caltrans_recommends_twice_a_month():
    # seed 003_e5d42bff8b56600f.txt: "at least one meeting per month"; seed
    # 002_59333b271e9b4b69.txt: "about twice a month"
    assert not NC_MODEL.cadence.recommended
    assert CALTRANS.cadence.recommended
    timeline = timeline_for(START, CALTRANS)
    report = cadence(timeline, [], add_months(START, 1) + timedelta(days=1))
    assert "recommendation" in report.reason
    nc = cadence(timeline_for(START, NC_MODEL), [], add_months(START, 1) + timedelta(days=1))
    assert "recommendation" not in nc.reason


def test_mentees_remain_with_their_group_while_the_hosts_rotate():
    # seed 000_4e18aab21704e587.txt: "Then, in April, another four mentors ... Mentees will
    # remain with their group."
    from app.domain.luncheons import LuncheonRules, plan_luncheons

    mentees = [f"e{i}" for i in range(10)]
    hosts = ["h1", "h2", "h3", "h4"]
    rotating = plan_luncheons(mentees, hosts, LuncheonRules(2, 0, 5, 6))
    assert all(len(set(g.hosts)) == 2 for g in rotating)
    assert {g.mentees for g in rotating} == {tuple(mentees[0::2]), tuple(mentees[1::2])}
    kept = plan_luncheons(mentees, hosts, LuncheonRules(2, 0, 5, 6, hosts_rotate=False))
    assert all(len(set(g.hosts)) == 1 for g in kept)


def test_either_participant_may_end_the_relationship_unless_the_program_says_otherwise():
    # seed 000_4e18aab21704e587.txt: either may end it "without question or reason"
    from app.domain.lifecycle.endings import end_early

    assert end_early(_active(), by=Party.MENTEE, today=START).status.state is MentorshipState.ENDED
    strict = apply_overrides(
        CHARLOTTE_SLL, {"ending": {"participant_may_end_without_reason": False}}
    )
    with pytest.raises(TransitionRefused) as refused:
        end_early(_active(strict), by=Party.MENTEE, today=START)
    assert refused.value.rule == "administrator_ends"
