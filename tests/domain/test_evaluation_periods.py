"""Checkups and evaluations come due on their dates, and each respondent answers each once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import Conflict, TransitionRefused
from app.domain.evaluation_periods import EvaluationPeriod, due_period, period_on
from app.domain.lifecycle.evaluations import missing_evaluations, record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import EvaluationKind, Policy
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)


def _active(policy: Policy) -> MentorshipStatus:
    return active_pair(policy, START)


CALTRANS_PAIR = _active(CALTRANS)
CHARLOTTE_PAIR = _active(CHARLOTTE_SLL)
days = st.dates(START - timedelta(days=10), START + timedelta(days=240))


def test_caltrans_checkups_come_every_two_months_and_not_before():
    timeline = CALTRANS_PAIR.timeline
    with pytest.raises(TransitionRefused) as early:
        due_period(timeline, EvaluationKind.CHECKUP, date(2027, 3, 3))
    assert early.value.rule == "checkup_not_due"
    assert "2027-03-04" in early.value.detail
    assert due_period(timeline, EvaluationKind.CHECKUP, date(2027, 3, 4)).label == "checkup 1"
    assert due_period(timeline, EvaluationKind.CHECKUP, date(2027, 5, 3)).label == "checkup 1"
    assert due_period(timeline, EvaluationKind.CHECKUP, date(2027, 5, 4)).label == "checkup 2"


def test_charlottes_mid_point_evaluation_waits_for_the_mid_point():
    midpoint = CHARLOTTE_PAIR.timeline.midpoint_on
    assert midpoint is not None
    with pytest.raises(TransitionRefused) as early:
        record_evaluation(
            CHARLOTTE_PAIR,
            kind=EvaluationKind.MIDPOINT,
            by=Party.MENTEE,
            today=midpoint - timedelta(days=1),
        )
    assert early.value.rule == "midpoint_not_reached"


def test_the_same_respondent_cannot_answer_the_same_evaluation_twice():
    midpoint = CHARLOTTE_PAIR.timeline.midpoint_on
    assert midpoint is not None
    earlier = [(Party.MENTEE, EvaluationPeriod(EvaluationKind.MIDPOINT))]
    with pytest.raises(Conflict) as twice:
        record_evaluation(
            CHARLOTTE_PAIR,
            kind=EvaluationKind.MIDPOINT,
            by=Party.MENTEE,
            today=midpoint,
            earlier=earlier,
        )
    assert twice.value.rule == "evaluation_already_submitted"
    # The mentor answers their own; the period was already counted, so it counts once.
    mentor = record_evaluation(
        CHARLOTTE_PAIR,
        kind=EvaluationKind.MIDPOINT,
        by=Party.MENTOR,
        today=midpoint,
        earlier=earlier,
    )
    assert mentor.status.evaluations_done == CHARLOTTE_PAIR.evaluations_done


@given(days)
def test_a_checkup_belongs_to_the_last_checkup_date_on_or_before_the_answer(day):
    checkups = CALTRANS_PAIR.timeline.checkups
    period = period_on(CALTRANS_PAIR.timeline, EvaluationKind.CHECKUP, day)
    if period is None:
        assert day < checkups[0]
        return
    assert period.number is not None
    assert checkups[period.number - 1] <= day
    assert period.number == len(checkups) or day < checkups[period.number]


@given(
    st.lists(
        st.tuples(st.sampled_from([Party.MENTEE, Party.MENTOR]), days),
        max_size=25,
    )
)
def test_no_answer_is_ever_counted_twice_or_before_it_is_due(answers):
    """Whatever the pair submits, on whatever days: each (respondent, period) is recorded once,
    never before its date, and completion counts each checkup period once."""
    status, earlier = CALTRANS_PAIR, []
    for by, day in sorted(answers, key=lambda a: a[1]):
        try:
            status = record_evaluation(
                status, kind=EvaluationKind.CHECKUP, by=by, today=day, earlier=earlier
            ).status
        except (TransitionRefused, Conflict):
            continue
        period = period_on(status.timeline, EvaluationKind.CHECKUP, day)
        assert period is not None
        earlier.append((by, period))
    assert len(earlier) == len(set(earlier))
    periods = {p for _, p in earlier}
    assert status.evaluations_done.count(EvaluationKind.CHECKUP) == len(periods)
    assert len(periods) <= len(status.timeline.checkups)


def test_completion_counts_each_checkup_period_once_whoever_answers_it():
    evaluations = replace(
        CALTRANS.evaluations, required_before_completion=frozenset({EvaluationKind.CHECKUP})
    )
    status = _active(replace(CALTRANS, evaluations=evaluations))
    earlier: list[tuple[Party, EvaluationPeriod]] = []
    for by in (Party.MENTEE, Party.MENTOR):
        status = record_evaluation(
            status, kind=EvaluationKind.CHECKUP, by=by, today=date(2027, 3, 4), earlier=earlier
        ).status
        earlier.append((by, EvaluationPeriod(EvaluationKind.CHECKUP, 1)))
    assert missing_evaluations(status) == {EvaluationKind.CHECKUP: 2}
