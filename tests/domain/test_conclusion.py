"""NC's conclusion: individual debriefs upon conclusion, monthly progress reports (seed 003)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.conclusion import (
    check_debrief,
    debriefs_owed,
    mentee_reports_owed,
    report_month,
    require_first_report,
)
from app.domain.errors import Conflict, InvalidInput, TransitionRefused
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus, propose
from app.domain.policy.presets import PRESETS
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)


def _status(key: str = "nc-model", **changes: object) -> MentorshipStatus:
    return replace(propose(policy=PRESETS[key], starts_on=START), **changes)  # type: ignore[arg-type]


def test_the_coordinator_debriefs_each_participant_upon_conclusion() -> None:
    # seed 003_e5d42bff8b56600f.txt "Evaluation": "The program coordinator will discuss
    # individually with the mentor and mentee, upon conclusion of the mentorship, their
    # experience".
    running = _status(state=MentorshipState.ACTIVE)
    with pytest.raises(TransitionRefused) as early:
        check_debrief(running, party=Party.MENTEE, held_on=START, done=())
    assert early.value.rule == "not_concluded"
    ended = date(2028, 1, 4)
    concluded = _status(state=MentorshipState.COMPLETED, closed_on=ended)
    check_debrief(concluded, party=Party.MENTOR, held_on=ended, done=(Party.MENTEE,))
    with pytest.raises(Conflict):
        check_debrief(concluded, party=Party.MENTEE, held_on=ended, done=(Party.MENTEE,))
    with pytest.raises(InvalidInput):
        check_debrief(concluded, party=Party.COORDINATOR, held_on=ended, done=())


def test_a_program_without_debriefs_refuses_them() -> None:
    concluded = _status("caltrans", state=MentorshipState.COMPLETED, closed_on=START)
    with pytest.raises(TransitionRefused) as refused:
        check_debrief(concluded, party=Party.MENTEE, held_on=START, done=())
    assert refused.value.rule == "no_debriefs"


@given(st.integers(0, 360))
def test_mentees_report_progress_once_for_each_month_of_the_term(days: int) -> None:
    # seed 003_e5d42bff8b56600f.txt "Expectations": "Track and report monthly progress,
    # assignments, and activities".
    active = _status(state=MentorshipState.ACTIVE)
    today = START + timedelta(days=days)
    month = report_month(active, today)
    assert 1 <= month <= 12
    require_first_report(month, [m for m in range(1, 13) if m != month])
    with pytest.raises(Conflict):
        require_first_report(month, [month])


def test_mentees_track_and_report_monthly_progress_a_month_ended_without_a_report_is_owed() -> None:
    # seed 003_e5d42bff8b56600f.txt "Expectations" (mentee): "Track and report monthly
    # progress, assignments, and activities"; a month's report is given during that month.
    active = active_pair(PRESETS["nc-model"], START)
    february = date(2027, 2, 10)
    owed = mentee_reports_owed(active, [], february)
    assert [(o.month, o.due_on) for o in owed] == [(1, date(2027, 2, 3)), (2, date(2027, 3, 3))]
    assert [o.month for o in mentee_reports_owed(active, [1], february)] == [2]
    assert mentee_reports_owed(active, [1, 2], february) == ()


def test_the_mentors_report_has_no_stated_frequency_and_other_programs_owe_none() -> None:
    # seed 003_e5d42bff8b56600f.txt "Expectations" (mentor): "Track and report progress to the
    # program coordinator": no month is named, so only the mentee's monthly report is owed.
    for key in ("charlotte-sll", "caltrans", "maine-mms"):
        assert mentee_reports_owed(active_pair(PRESETS[key], START), [], date(2027, 6, 1)) == ()
    proposed = propose(policy=PRESETS["nc-model"], starts_on=START)
    assert mentee_reports_owed(proposed, [], date(2027, 6, 1)) == ()


def test_months_before_the_pair_became_active_are_not_owed() -> None:
    # A report is refused before the pair is active (report_month), so no earlier month is owed.
    late = replace(active_pair(PRESETS["nc-model"], START), activated_on=date(2027, 3, 10))
    assert [o.month for o in mentee_reports_owed(late, [], date(2027, 3, 20))] == [3]


@given(st.integers(0, 400), st.sets(st.integers(1, 12)))
def test_every_begun_unreported_month_is_owed_once_due_on_its_last_day(
    days: int, reported: set[int]
) -> None:
    active = active_pair(PRESETS["nc-model"], START)
    today = START + timedelta(days=days)
    owed = mentee_reports_owed(active, reported, today)
    begun = {w.month for w in active.timeline.cadence_windows if w.starts_on <= today}
    assert [o.month for o in owed] == sorted(begun - reported)
    windows = {w.month: w for w in active.timeline.cadence_windows}
    assert all(o.due_on == windows[o.month].ends_on for o in owed)
    if owed and today <= owed[-1].due_on:
        # only the running month can be still to come; it is the one a report now would cover
        assert owed[-1].month == report_month(active, today)


def test_the_coordinator_will_discuss_individually_with_the_mentor_and_mentee_upon_conclusion() -> (
    None
):
    # seed 003_e5d42bff8b56600f.txt "Evaluation": "The program coordinator will discuss
    # individually with the mentor and mentee, upon conclusion of the mentorship, their
    # experience": each side is owed a debrief once a partnership that ran has concluded.
    ran = active_pair(PRESETS["nc-model"], START)
    assert debriefs_owed(ran, ()) == ()  # still running
    for state in (MentorshipState.COMPLETED, MentorshipState.ENDED):
        concluded = replace(ran, state=state, closed_on=date(2027, 6, 1))
        assert debriefs_owed(concluded, ()) == (Party.MENTEE, Party.MENTOR)
        assert debriefs_owed(concluded, (Party.MENTEE,)) == (Party.MENTOR,)
        assert debriefs_owed(concluded, (Party.MENTOR, Party.MENTEE)) == ()
    never_ran = _status(state=MentorshipState.ENDED, closed_on=START)
    assert debriefs_owed(never_ran, ()) == ()
    rematched = replace(ran, state=MentorshipState.REMATCHED, closed_on=date(2027, 3, 1))
    assert debriefs_owed(rematched, ()) == ()


@given(
    st.sampled_from(sorted(PRESETS)),
    st.sampled_from(list(MentorshipState)),
    st.sets(st.sampled_from([Party.MENTEE, Party.MENTOR])),
)
def test_debriefs_owed_are_the_sides_not_yet_debriefed_in_a_program_that_holds_them(
    key: str, state: MentorshipState, done: set[Party]
) -> None:
    ran = active_pair(PRESETS[key], START)
    status = replace(ran, state=state, closed_on=date(2027, 6, 1))
    owed = debriefs_owed(status, done)
    assert not set(owed) & done
    holds = PRESETS[key].ending.coordinator_debriefs_each
    concluded = state in (MentorshipState.COMPLETED, MentorshipState.ENDED)
    assert bool(owed) is (holds and concluded and len(done) < 2)
