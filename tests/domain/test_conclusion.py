"""NC's conclusion: individual debriefs upon conclusion, monthly progress reports (seed 003)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.conclusion import check_debrief, report_month, require_first_report
from app.domain.errors import Conflict, InvalidInput, TransitionRefused
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus, propose
from app.domain.policy.presets import PRESETS

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
