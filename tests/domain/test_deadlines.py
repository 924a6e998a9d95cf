"""Which dates of a running mentorship have come due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.deadlines import DeadlineKind, due_deadlines
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import propose
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL

START = date(2027, 1, 4)


def _active(policy):
    return replace(propose(policy=policy, starts_on=START), state=MentorshipState.ACTIVE)


def test_caltrans_checkups_come_due_every_two_months():
    due = due_deadlines(_active(CALTRANS), date(2027, 5, 10))
    assert [(d.kind, d.due_on) for d in due] == [
        (DeadlineKind.CHECKUP, date(2027, 3, 4)),
        (DeadlineKind.CHECKUP, date(2027, 5, 4)),
    ]


def test_charlottes_checkpoint_comes_due_in_month_three():
    due = due_deadlines(_active(CHARLOTTE_SLL), date(2027, 3, 4))
    assert [d.kind for d in due] == [DeadlineKind.CHECKPOINT]


def test_a_proposed_or_closed_mentorship_has_no_deadlines():
    proposed = propose(policy=CALTRANS, starts_on=START)
    assert due_deadlines(proposed, date(2030, 1, 1)) == ()
    ended = replace(proposed, state=MentorshipState.ENDED)
    assert due_deadlines(ended, date(2030, 1, 1)) == ()


@given(st.integers(0, 800), st.integers(0, 400))
def test_a_date_once_due_stays_due(offset, later):
    status = _active(CHARLOTTE_SLL)
    today = START + timedelta(days=offset)
    before = set(due_deadlines(status, today))
    after = set(due_deadlines(status, today + timedelta(days=later)))
    assert before <= after
