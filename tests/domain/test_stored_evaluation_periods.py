"""An answer keeps the period it was given for: the coordinator edits the cohort's calendar and
a pair may agree another term, and neither moves an answer into another period or lets its
respondent answer that period again. An answer stored before periods were reads as its date
did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.agreed_term import term_change
from app.domain.calendar.cohort_calendar import planned_calendar
from app.domain.calendar.evaluation_rounds import (
    EvaluationRound,
    answered_round,
    evaluation_rounds,
)
from app.domain.calendar.kinds import EventKind
from app.domain.errors import Conflict
from app.domain.evaluation_periods import (
    EvaluationPeriod,
    answered_period,
    due_period,
    period_on,
)
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.policy.model import EvaluationKind
from app.domain.policy.presets import preset
from tests.domain.pairs import active_pair

PROGRAM, CHECKUP, MONTHLY = EvaluationKind.PROGRAM, EvaluationKind.CHECKUP, EvaluationKind.MONTHLY
JULY = date(2026, 7, 1)  # Maine's year starts in July (004 "Schedule of Events")
TERM_END = date(2027, 4, 1)
MAINE = active_pair(preset("maine-mms"), JULY)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    starts_on: date
    ends_on: date | None = None


def _rounds(*windows: tuple[date, date | None]) -> tuple[EvaluationRound, ...]:
    events = [Event(EventKind.PROGRAM_EVALUATION, opens, closes) for opens, closes in windows]
    return evaluation_rounds(events, TERM_END)


def test_march_2004_evaluate_program_an_answer_stays_in_the_round_the_coordinator_moved():
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "March 2004 Evaluate program inviting
    # feedback from mentoring partners": a protégé answers on 10 March; the administrator then
    # moves the round to the second half of March. The answer stays round 1's, and the protégé
    # does not answer round 1 again.
    march = evaluation_rounds(planned_calendar(preset("maine-mms"), JULY), TERM_END)
    answered_on = date(2027, 3, 10)
    given_for = due_period(MAINE.timeline, PROGRAM, answered_on, march)
    assert given_for == EvaluationPeriod(PROGRAM, 1)
    moved = _rounds((date(2027, 3, 15), date(2027, 3, 31)))
    # By its date alone, the answer would now belong to no round.
    assert period_on(MAINE.timeline, PROGRAM, answered_on, moved) is None
    kept = answered_period(MAINE.timeline, PROGRAM, given_for.number, answered_on, moved)
    assert kept == given_for
    assert answered_round(moved, given_for.number, answered_on) == 1
    with pytest.raises(Conflict) as twice:
        record_evaluation(
            MAINE,
            kind=PROGRAM,
            by=Party.MENTEE,
            today=date(2027, 3, 20),
            earlier=((Party.MENTEE, kept),),
            rounds=moved,
        )
    assert twice.value.rule == "evaluation_already_submitted"
    assert "program 1" in twice.value.detail


def test_a_caltrans_checkup_answered_before_the_agreed_term_changed_keeps_its_number():
    # seed 002_59333b271e9b4b69.txt "Relationship Checkup Worksheet": "evaluate the relationship
    # every two months"; FAQ: the length is "agreed upon and documented in the mentoring
    # contract". Checkup 1 answered under six months stays checkup 1 once nine are agreed.
    start = date(2027, 1, 4)
    six_months = active_pair(preset("caltrans"), start)
    answered_on = date(2027, 4, 20)
    given_for = due_period(six_months.timeline, CHECKUP, answered_on)
    assert given_for == EvaluationPeriod(CHECKUP, 1)
    nine_months = term_change(six_months, 9, date(2027, 4, 25))
    assert nine_months is not None
    kept = answered_period(nine_months, CHECKUP, given_for.number, answered_on)
    assert kept == given_for
    assert due_period(nine_months, CHECKUP, date(2027, 4, 28)) == kept


def test_caltrans_evaluation_of_the_overall_process_given_at_the_conclusion_stays_given():
    # seed 002_59333b271e9b4b69.txt "Mentee Responsibilities": "participate in an evaluation of
    # the overall process at the conclusion of the mentoring program period": given in the last
    # month of six, it is the term's one program evaluation even after nine months are agreed.
    start = date(2027, 1, 4)
    six_months = active_pair(preset("caltrans"), start)
    answered_on = date(2027, 6, 20)
    given_for = due_period(six_months.timeline, PROGRAM, answered_on)
    nine_months = term_change(six_months, 9, date(2027, 6, 25))
    assert nine_months is not None
    assert period_on(nine_months, PROGRAM, answered_on) is None
    assert answered_period(nine_months, PROGRAM, given_for.number, answered_on) == given_for


_DAYS = st.dates(min_value=JULY, max_value=date(2027, 3, 31))
_WINDOWS = st.lists(
    st.tuples(_DAYS, st.none() | st.integers(min_value=0, max_value=60)), min_size=1, max_size=4
)


def _program_rounds(windows: list[tuple[date, int | None]]) -> tuple[EvaluationRound, ...]:
    return _rounds(
        *((opens, None if days is None else opens + timedelta(days)) for opens, days in windows)
    )


@given(_WINDOWS, _WINDOWS, _DAYS)
def test_an_answer_keeps_its_round_whatever_the_calendar_becomes(
    before: list[tuple[date, int | None]], after: list[tuple[date, int | None]], day: date
) -> None:
    # seed 000_4e18aab21704e587.txt "Program Evaluations": "You will be asked periodically to
    # complete an online evaluation": the coordinator may move every round after an answer.
    given_for = period_on(MAINE.timeline, PROGRAM, day, _program_rounds(before))
    if given_for is None:
        return
    moved = _program_rounds(after)
    assert answered_period(MAINE.timeline, PROGRAM, given_for.number, day, moved) == given_for
    assert answered_round(moved, given_for.number, day) == given_for.number


_TERM_DAYS = st.dates(min_value=date(2027, 1, 4), max_value=date(2027, 12, 31))


@given(_WINDOWS, _TERM_DAYS, st.sampled_from(["caltrans", "charlotte-sll", "maine-mms"]))
def test_an_answer_stored_before_periods_were_belongs_to_the_period_its_date_falls_in(
    windows: list[tuple[date, int | None]], day: date, key: str
) -> None:
    # Answers given before periods were stored keep the reading they always had, where the
    # period carries a number: checkup N (002), month N (001), the calendar's round N (000, 004).
    status = active_pair(preset(key), date(2027, 1, 4))
    rounds = _program_rounds(windows)
    in_rounds = status.timeline.program_evaluation_opens_on is None
    for kind in (CHECKUP, MONTHLY, PROGRAM) if in_rounds else (CHECKUP, MONTHLY):
        dated = period_on(status.timeline, kind, day, rounds)
        assert answered_period(status.timeline, kind, None, day, rounds) == dated
    if in_rounds:
        dated = period_on(status.timeline, PROGRAM, day, rounds)
        assert answered_round(rounds, None, day) == (dated.number if dated else None)


@given(_TERM_DAYS, st.sampled_from(sorted(set(EvaluationKind) - {CHECKUP, MONTHLY, PROGRAM})))
def test_an_evaluation_given_once_a_term_stays_given_whatever_its_dates_become(
    day: date, kind: EvaluationKind
) -> None:
    # seed 000_4e18aab21704e587.txt "Expectations for a Successful Mentoring Experience":
    # "Evaluate the relationship at various points (at least mid-point and ending)": one of each
    # per term, so an answer of such a kind, stored without a number, is that period's.
    timeline = active_pair(preset("charlotte-sll"), date(2027, 1, 4)).timeline
    assert answered_period(timeline, kind, None, day) == EvaluationPeriod(kind)
