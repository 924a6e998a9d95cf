"""A pair formed after its cohort has started: its term, its initial meeting and its months
are its own, counted from the day it is formed."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar.cohort_calendar import planned_calendar
from app.domain.calendar.kinds import EventKind
from app.domain.calendar.worklist import PairFacts, worklist
from app.domain.calendar_months import add_months
from app.domain.errors import TransitionRefused
from app.domain.lifecycle.activation import confirm
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import propose
from app.domain.pair_term import pair_ends_on, pair_starts_on
from app.domain.policy.model import Policy
from app.domain.policy.presets import PRESETS
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.maine import MAINE_MMS
from app.domain.policy.presets.nc import NC_MODEL
from app.domain.timeline import Timeline

COHORT_START = date(2027, 1, 4)
MONTH_FOUR = date(2027, 5, 10)  # a pair formed in the cohort's fourth month
MAINE_START = date(2027, 7, 1)


def _formed(policy: Policy, today: date, cohort_start: date = COHORT_START) -> Timeline:
    """The timeline of a pair of ``policy`` proposed on ``today`` in a cohort starting on
    ``cohort_start``, laid out as the policy lays out that cohort's calendar."""
    starts_on = pair_starts_on(cohort_start, today)
    ends_on = pair_ends_on(policy, starts_on, None, planned_calendar(policy, cohort_start))
    return propose(policy=policy, starts_on=starts_on, ends_on=ends_on).timeline


def test_the_meeting_should_occur_soon_after_participants_receive_their_mentor_mentee_assignment():
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": "The meeting should occur soon after the
    # first contact when participants receive their mentor/mentee assignment"; a coordinator
    # who matches a mentee in month four gives them their assignment in month four
    timeline = _formed(NC_MODEL, MONTH_FOUR)
    assert timeline.starts_on == MONTH_FOUR
    assert timeline.initial_meeting_due_on == date(2027, 5, 24)
    first = timeline.cadence_windows[0]
    assert (first.starts_on, first.ends_on) == (MONTH_FOUR, date(2027, 6, 9))


def test_at_least_a_one_year_partnership_with_at_least_one_meeting_per_month():
    # seed 003_e5d42bff8b56600f.txt "Duration": "at least a one-year partnership with regular
    # communication between participants and at least one meeting per month"
    timeline = _formed(NC_MODEL, MONTH_FOUR)
    assert timeline.ends_on == date(2028, 5, 10)
    assert len(timeline.cadence_windows) == 12


def test_a_formal_one_to_one_relationship_for_a_period_of_9_months():
    # seed 000_4e18aab21704e587.txt "Description": "in a formal one-to-one relationship for a
    # period of 9 months"; the month-3 check is the relationship's third month, not the cohort's
    timeline = _formed(CHARLOTTE_SLL, MONTH_FOUR)
    assert timeline.ends_on == date(2028, 2, 10)
    assert timeline.checkpoint_due_on == add_months(MONTH_FOUR, 3) - timedelta(days=1)


def test_the_recommended_duration_of_the_relationship_is_six_months():
    # seed 002_59333b271e9b4b69.txt FAQ: "The recommended duration of the relationship is
    # six-months"; the mentee picks from a list "readily available for all employees to use
    # when seeking out a mentor", whenever they seek one
    timeline = _formed(CALTRANS, MONTH_FOUR)
    assert timeline.ends_on == date(2027, 11, 10)
    # "Relationship Checkup Worksheet": every two months of the relationship
    assert timeline.checkups[0] == date(2027, 7, 10)


def test_a_pair_proposed_before_its_cohort_starts_begins_with_the_cohort():
    # seed 000_4e18aab21704e587.txt: the session's pairs are matched before it begins and run
    # its nine months from its start
    timeline = _formed(CHARLOTTE_SLL, COHORT_START - timedelta(days=20))
    assert timeline.starts_on == COHORT_START
    assert timeline.ends_on == date(2027, 10, 4)


def test_formal_relationships_end_at_the_final_celebratory_event_for_a_late_pair_too():
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "Final Celebratory Event for mentors
    # and protégés/Formal relationships end"
    final = _final_celebration(MAINE_START)
    on_time = _formed(MAINE_MMS, MAINE_START, MAINE_START)
    late = _formed(MAINE_MMS, date(2027, 11, 2), MAINE_START)
    assert late.starts_on == date(2027, 11, 2)
    assert late.ends_on == on_time.ends_on == final
    assert late.initial_meeting_due_on == date(2027, 11, 2) + timedelta(days=62)


def test_no_pair_forms_once_the_cohorts_formal_relationships_have_ended():
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": once "Formal relationships end" at the
    # final celebratory event, the year has no term left for a new pair
    final = _final_celebration(MAINE_START)
    with pytest.raises(TransitionRefused) as refused:
        _formed(MAINE_MMS, final, MAINE_START)
    assert refused.value.rule == "cohort_formal_end_passed"
    assert refused.value.field == "cohort_id"


def test_a_late_pair_confirmed_on_the_day_it_forms_owes_the_coordinator_nothing_yet():
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": the initial meeting comes "soon after"
    # the assignment, and the months are the pair's: nothing of theirs is overdue on day one
    status = propose(policy=NC_MODEL, starts_on=pair_starts_on(COHORT_START, MONTH_FOUR))
    for party in (Party.MENTEE, Party.MENTOR):
        status = confirm(status, by=party, today=MONTH_FOUR).status
    facts = PairFacts(uuid4(), uuid4(), "nc-model", status)
    items = worklist([facts], MONTH_FOUR, 30)
    assert items  # the initial meeting and the agreement come due, within the month
    assert not [i for i in items if i.overdue]


def _final_celebration(cohort_start: date) -> date:
    events = planned_calendar(MAINE_MMS, cohort_start)
    return next(e.starts_on for e in events if e.kind is EventKind.FINAL_CELEBRATION)


@given(
    st.sampled_from(sorted(PRESETS)),
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.integers(-400, 400),
)
def test_a_new_pair_starts_on_the_later_of_its_cohorts_start_and_the_day_it_forms(
    preset: str, cohort_start: date, days_after: int
):
    # seeds 000 "Description", 002 FAQ, 003 "Duration": the term is the pair's; 004 "Schedule
    # of Events": Maine's ends at the final celebratory event
    policy = PRESETS[preset]
    today = cohort_start + timedelta(days=days_after)
    starts_on = pair_starts_on(cohort_start, today)
    assert starts_on == max(cohort_start, today)
    if not policy.term.ends_at_cohort_end:
        timeline = _formed(policy, today, cohort_start)
        assert timeline.duration_months == policy.duration_months
        assert timeline.ends_on == add_months(starts_on, policy.duration_months)
        assert timeline.cadence_windows[0].starts_on == starts_on
        return
    final = _final_celebration(cohort_start)
    if starts_on >= final:
        with pytest.raises(TransitionRefused):
            _formed(policy, today, cohort_start)
        return
    assert _formed(policy, today, cohort_start).ends_on == final
