"""Participants are asked when a round of the program evaluation opens on the cohort's calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar.evaluation_rounds import EvaluationRound
from app.domain.deadlines import Deadline, DeadlineKind, program_evaluation_due
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import propose
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.nc import NC_MODEL

START = date(2027, 1, 4)
# Charlotte's planned rounds, one after each group session.
ROUNDS = (
    EvaluationRound(1, date(2027, 2, 5), date(2027, 2, 18)),
    EvaluationRound(2, date(2027, 5, 5), date(2027, 5, 18)),
    EvaluationRound(3, date(2027, 8, 5), date(2027, 8, 18)),
)


def _status(policy, state=MentorshipState.ACTIVE):
    return replace(propose(policy=policy, starts_on=START), state=state)


def test_you_will_be_asked_periodically_to_complete_an_online_evaluation():
    # seed 000_4e18aab21704e587.txt "Program Evaluations": "You will be asked periodically to
    # complete an online evaluation": each round is announced from the day it opens, dated that
    # day, until both sides have answered it.
    status = _status(CHARLOTTE_SLL)
    assert program_evaluation_due(status, date(2027, 2, 4), ROUNDS) == ()
    opened = Deadline(DeadlineKind.PROGRAM_EVALUATION, date(2027, 2, 5), 1)
    assert program_evaluation_due(status, date(2027, 2, 5), ROUNDS) == (opened,)
    assert program_evaluation_due(status, date(2027, 2, 9), ROUNDS, [(Party.MENTEE, 1)]) == (
        opened,
    )
    both = [(Party.MENTEE, 1), (Party.MENTOR, 1)]
    assert program_evaluation_due(status, date(2027, 2, 9), ROUNDS, both) == ()
    second = program_evaluation_due(status, date(2027, 5, 6), ROUNDS, both)
    assert second == (Deadline(DeadlineKind.PROGRAM_EVALUATION, date(2027, 5, 5), 2),)
    assert program_evaluation_due(status, date(2027, 3, 1), ROUNDS) == ()  # between rounds


def test_only_an_active_pair_is_asked_as_only_it_may_answer():
    for state in (MentorshipState.PROPOSED, MentorshipState.CONFIRMED, MentorshipState.ENDED):
        assert program_evaluation_due(_status(CHARLOTTE_SLL, state), date(2027, 2, 5), ROUNDS) == ()


def test_a_program_evaluation_at_the_conclusion_keeps_the_term_end_reminder_alone():
    # seed 002 "at the conclusion of the mentoring program period", 003 "upon conclusion of the
    # mentorship": the calendar's rounds do not apply to Caltrans or NC.
    for policy in (CALTRANS, NC_MODEL):
        assert program_evaluation_due(_status(policy), date(2027, 2, 5), ROUNDS) == ()


@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=5),
    st.integers(0, 400),
    st.sets(st.tuples(st.sampled_from([Party.MENTOR, Party.MENTEE]), st.integers(1, 5))),
)
def test_a_round_is_asked_for_at_most_once_a_day_and_never_before_it_opens(
    windows, offset, answered
):
    rounds = tuple(
        EvaluationRound(n, START + timedelta(days=o), START + timedelta(days=o + length))
        for n, (o, length) in enumerate(sorted(windows), start=1)
    )
    today = START + timedelta(days=offset)
    due = program_evaluation_due(_status(CHARLOTTE_SLL), today, rounds, answered)
    assert len(due) <= 1
    for deadline in due:
        [asked] = [r for r in rounds if r.number == deadline.evaluation_round]
        assert asked.opens_on == deadline.due_on <= today <= asked.closes_on
        assert {p for p, n in answered if n == asked.number} != {Party.MENTOR, Party.MENTEE}
