"""A cancelled meeting stays on record but never counts; only the pair cancels, once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.cadence import MeetingFact, cadence
from app.domain.errors import Conflict, NotPermitted, TransitionRefused
from app.domain.lifecycle.activation import confirm
from app.domain.lifecycle.endings import end_early
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import propose
from app.domain.meeting_log import require_cancellable
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.timeline import timeline_for

START = date(2027, 1, 4)
TIMELINE = timeline_for(START, CALTRANS)
CONFIRMED = confirm(
    confirm(propose(policy=CALTRANS, starts_on=START), by=Party.MENTEE, today=START).status,
    by=Party.MENTOR,
    today=START,
).status


def _facts(cancelled: bool) -> st.SearchStrategy[list[MeetingFact]]:
    return st.lists(
        st.builds(
            MeetingFact,
            st.dates(START, START + timedelta(days=180)),
            st.floats(0.25, 4.0),
            st.just(cancelled),
        ),
        max_size=10,
    )


def test_either_participant_cancels_a_running_pairs_meeting_once():
    for by in (Party.MENTEE, Party.MENTOR):
        require_cancellable(CONFIRMED, by=by, already_cancelled=False)
    with pytest.raises(Conflict) as twice:
        require_cancellable(CONFIRMED, by=Party.MENTEE, already_cancelled=True)
    assert twice.value.rule == "already_cancelled"
    with pytest.raises(NotPermitted):
        require_cancellable(CONFIRMED, by=Party.COORDINATOR, already_cancelled=False)


def test_an_ended_pairs_log_is_final():
    ended = end_early(CONFIRMED, by=Party.MENTOR, today=START).status
    with pytest.raises(TransitionRefused) as refused:
        require_cancellable(ended, by=Party.MENTEE, already_cancelled=False)
    assert refused.value.rule == "terminal_state"


def test_a_cancelled_meeting_does_not_keep_the_cadence():
    held = [MeetingFact(date(2027, 1, 10), 1.5), MeetingFact(date(2027, 1, 24), 1.5, True)]
    report = cadence(TIMELINE, held, date(2027, 2, 10))
    assert (report.months[0].meetings, report.months[0].hours) == (1, 1.5)
    assert report.at_risk


@given(_facts(False), _facts(True), st.dates(START, START + timedelta(days=200)))
def test_cancelled_meetings_never_change_the_cadence(held, cancelled, today):
    assert cadence(TIMELINE, held + cancelled, today) == cadence(TIMELINE, held, today)
