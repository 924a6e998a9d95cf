"""The coordinator's worklist: what is overdue and what comes due, pair by pair, with the
rule, the seed and the date it was due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from app.domain.cadence import MeetingFact
from app.domain.calendar.worklist import PairFacts, WorkKind, worklist
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import propose
from app.domain.policy.model import EvaluationKind
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.maine import MAINE_MMS
from app.domain.policy.presets.nc import NC_MODEL
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)


def _active(policy, starts_on=START):
    return active_pair(policy, starts_on)


def _pair(preset, status, **facts):
    return PairFacts(uuid4(), uuid4(), preset, status, **facts)


def test_the_pairs_that_never_answered_the_checkpoint_are_listed_with_the_date_it_was_due():
    # seed 000_4e18aab21704e587.txt: "Toward the end of the first three months, mentoring
    # pairs will be asked to evaluate the process and progress"
    pair = _pair("charlotte-sll", _active(CHARLOTTE_SLL))
    [item] = [
        i
        for i in worklist([pair], date(2027, 4, 20), 0)
        if i.kind is WorkKind.CHECKPOINT_UNANSWERED
    ]
    assert item.due_on == date(2027, 4, 3)
    assert item.overdue
    assert item.seed == "000_4e18aab21704e587.txt"
    assert item.mentorship_id == pair.mentorship_id


def test_a_relationship_checkup_every_two_months_is_listed_until_given():
    # seed 002_59333b271e9b4b69.txt: "Relationship Checkup Worksheet ... every two months"
    status = _active(CALTRANS)
    monthly = [MeetingFact(START + timedelta(days=d), 1.5) for d in range(0, 120, 14)]
    missing = _pair("caltrans", status, meetings=tuple(monthly))
    given_first = _pair(
        "caltrans",
        status,
        meetings=tuple(monthly),
        evaluations=((EvaluationKind.CHECKUP, date(2027, 3, 6)),),
    )
    today = date(2027, 3, 20)
    assert [i.kind for i in worklist([missing], today, 0)] == [WorkKind.CHECKUP_MISSING]
    assert worklist([given_first], today, 0) == ()


def test_unconfirmed_matches_past_september_1_are_overdue():
    # seed 004_5b4c852a2ca2c393.txt: "Sept 1, 2003 Participants confirm mentoring matches"
    proposed = propose(policy=MAINE_MMS, starts_on=date(2027, 7, 1))
    pair = _pair("maine-mms", proposed, confirm_by=date(2027, 9, 1))
    assert worklist([pair], date(2027, 8, 1), 14) == ()
    [soon] = worklist([pair], date(2027, 8, 20), 14)
    assert (soon.kind, soon.overdue) == (WorkKind.UNCONFIRMED_PAST_CONFIRM_BY, False)
    [late] = worklist([pair], date(2027, 9, 2), 0)
    assert late.overdue


@given(st.integers(0, 400), st.integers(0, 60))
def test_every_item_is_overdue_or_due_within_the_days_asked_and_oldest_first(days_in, within):
    today = START + timedelta(days=days_in)
    pairs = [
        _pair("charlotte-sll", _active(CHARLOTTE_SLL)),
        _pair("caltrans", _active(CALTRANS), hr_flags_raised_on=(START + timedelta(days=9),)),
    ]
    items = worklist(pairs, today, within)
    assert all(i.due_on <= today + timedelta(days=within) for i in items)
    assert all(i.overdue is (i.due_on < today) for i in items)
    assert [i.due_on for i in items] == sorted(i.due_on for i in items)


def test_an_initial_meeting_of_at_least_one_hour_due_soon_is_listed_before_it_is_missed():
    # seed 003_e5d42bff8b56600f.txt: "The meeting should occur soon after the first contact
    # ... Scheduling at least one hour for the initial one-on-one meeting is recommended."
    from app.domain.policy.presets.nc import NC_MODEL

    status = _active(NC_MODEL)
    due = status.timeline.initial_meeting_due_on
    pair = _pair("nc-model", status, meetings=(MeetingFact(START + timedelta(days=1), 0.5),))
    [soon] = worklist([pair], START + timedelta(days=3), 14)
    assert (soon.kind, soon.due_on, soon.overdue) == (WorkKind.INITIAL_MEETING_NOT_HELD, due, False)
    held = _pair(
        "nc-model",
        status,
        meetings=(MeetingFact(START + timedelta(days=2), 1.0),),
        plan_drafted=True,  # NC's plan is drafted at that meeting (003): nothing else is owed
    )
    assert worklist([held], START + timedelta(days=3), 14) == ()


def test_in_charlotte_the_worklist_names_whose_final_evaluation_is_missing():
    # seed 001_5dd4108eec679fcc.txt: mentors and mentees both evaluate, at mid-point and at the
    # end; one side's evaluation does not stand for the other's.
    status = _active(CHARLOTTE_SLL)
    end = status.timeline.ends_on
    status = record_evaluation(
        status, kind=EvaluationKind.FINAL, by=Party.MENTEE, today=end - timedelta(days=3)
    ).status
    pair = _pair("charlotte-sll", status, evaluations=((EvaluationKind.FINAL, end),))
    missing = [i.rule for i in worklist([pair], end, 0) if i.kind is WorkKind.EVALUATION_MISSING]
    assert "the final evaluation from the mentor" in missing
    assert "the final evaluation from the mentee" not in missing


def test_a_mentee_who_did_not_report_monthly_progress_is_on_the_worklist_for_that_month():
    # seed 003_e5d42bff8b56600f.txt "Expectations" (mentee): "Track and report monthly
    # progress, assignments, and activities".
    status = _active(NC_MODEL)
    weekly = tuple(MeetingFact(START + timedelta(days=d), 1.5) for d in range(0, 90, 7))
    silent = _pair("nc-model", status, meetings=weekly)
    reported = _pair("nc-model", status, meetings=weekly, mentee_report_months=(1,))
    today = date(2027, 2, 10)

    def missing(pair):
        items = worklist([pair], today, 0)
        return [
            (i.rule, i.due_on, i.seed) for i in items if i.kind is WorkKind.PROGRESS_REPORT_MISSING
        ]

    assert missing(silent) == [
        ("the mentee's progress report for month 1", date(2027, 2, 3), "003_e5d42bff8b56600f.txt")
    ]
    assert missing(reported) == []
    # the running month's report comes due on its last day
    [soon] = [
        i for i in worklist([reported], today, 30) if i.kind is WorkKind.PROGRESS_REPORT_MISSING
    ]
    assert (soon.due_on, soon.overdue) == (date(2027, 3, 3), False)


def test_a_concluded_nc_pair_is_on_the_worklist_until_the_coordinator_debriefs_each_side():
    # seed 003_e5d42bff8b56600f.txt "Evaluation": "The program coordinator will discuss
    # individually with the mentor and mentee, upon conclusion of the mentorship, their experience".
    ended_on = date(2027, 6, 1)
    concluded = replace(_active(NC_MODEL), state=MentorshipState.ENDED, closed_on=ended_on)
    pair = _pair("nc-model", concluded, debriefed=(Party.MENTEE,))
    [item] = worklist([pair], date(2027, 6, 20), 0)
    assert (item.kind, item.rule, item.due_on, item.overdue) == (
        WorkKind.DEBRIEF_MISSING,
        "discuss their experience with the mentor",
        ended_on,
        True,
    )
    assert item.seed == "003_e5d42bff8b56600f.txt"
    both = _pair("nc-model", concluded, debriefed=(Party.MENTEE, Party.MENTOR))
    assert worklist([both], date(2027, 6, 20), 0) == ()
    maine = replace(_active(MAINE_MMS), state=MentorshipState.ENDED, closed_on=ended_on)
    assert worklist([_pair("maine-mms", maine)], date(2027, 6, 20), 0) == ()
