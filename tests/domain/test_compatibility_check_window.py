"""Charlotte's month-3 compatibility check is the checkpoint's evaluation: it is given while the
checkpoint takes answers, not in any later month of the term."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import TransitionRefused
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import EvaluationKind, LateAnswer, Policy
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from tests.domain.pairs import active_pair

START = date(2027, 1, 4)


def _active(policy: Policy) -> MentorshipStatus:
    return active_pair(policy, START)


PAIR = _active(CHARLOTTE_SLL)
LATE_MARKED = _active(
    replace(
        CHARLOTTE_SLL,
        checkpoint=replace(CHARLOTTE_SLL.checkpoint, late_answers=LateAnswer.MARKED_LATE),
    )
)


def _check(status: MentorshipStatus, day: date) -> MentorshipStatus:
    return record_evaluation(
        status, kind=EvaluationKind.COMPATIBILITY_CHECK, by=Party.MENTEE, today=day
    ).status


def test_toward_the_end_of_the_first_three_months_pairs_evaluate_process_progress_and_fit():
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": "Toward the end of the first
    # three months, mentoring pairs will be asked to evaluate the process and progress to this
    # point, including a question assessing mentor/mentee compatibility."
    timeline = PAIR.timeline
    assert (timeline.checkpoint_opens_on, timeline.checkpoint_closes_on) == (
        date(2027, 3, 4),
        date(2027, 4, 17),
    )
    assert EvaluationKind.COMPATIBILITY_CHECK in _check(PAIR, date(2027, 4, 17)).evaluations_done
    with pytest.raises(TransitionRefused) as late:
        _check(PAIR, date(2027, 4, 18))
    assert (late.value.rule, late.value.field) == ("checkpoint_closed", "kind")
    assert "2027-03-04 to 2027-04-17" in late.value.detail
    with pytest.raises(TransitionRefused) as month_seven:
        _check(PAIR, date(2027, 7, 20))
    assert month_seven.value.rule == "checkpoint_closed"


def test_a_program_that_marks_late_checkpoint_answers_still_takes_a_late_check():
    assert LATE_MARKED.timeline.checkpoint_closes_on == date(2027, 4, 17)
    taken = _check(LATE_MARKED, date(2027, 6, 1))
    assert EvaluationKind.COMPATIBILITY_CHECK in taken.evaluations_done


@given(st.dates(START, START + timedelta(days=270)))
def test_the_compatibility_check_is_taken_exactly_while_the_checkpoint_is_open(day):
    timeline = PAIR.timeline
    assert timeline.checkpoint_opens_on is not None
    assert timeline.checkpoint_closes_on is not None
    is_open = timeline.checkpoint_opens_on <= day <= timeline.checkpoint_closes_on
    if is_open:
        assert EvaluationKind.COMPATIBILITY_CHECK in _check(PAIR, day).evaluations_done
        return
    with pytest.raises(TransitionRefused) as refused:
        _check(PAIR, day)
    assert refused.value.rule in {"checkpoint_not_open", "checkpoint_closed"}
