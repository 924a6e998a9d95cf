"""The program evaluation is answered in the rounds on the cohort's calendar, once per round by
each respondent, or at the term's end where the handbook says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar.cohort_calendar import planned_calendar
from app.domain.calendar.evaluation_rounds import EvaluationRound, evaluation_rounds
from app.domain.calendar.kinds import EventKind
from app.domain.errors import Conflict, TransitionRefused
from app.domain.evaluation_periods import EvaluationPeriod, period_on
from app.domain.lifecycle.evaluations import record_evaluation
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import EvaluationKind
from app.domain.policy.presets import preset
from tests.domain.pairs import active_pair

PROGRAM = EvaluationKind.PROGRAM
JULY = date(2026, 7, 1)  # Maine's year starts in July (004 "Schedule of Events")
TERM_END = date(2027, 4, 1)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    starts_on: date
    ends_on: date | None = None


def _answer(
    status: MentorshipStatus,
    rounds: tuple[EvaluationRound, ...],
    day: date,
    earlier: tuple[tuple[Party, EvaluationPeriod], ...] = (),
    by: Party = Party.MENTEE,
) -> EvaluationPeriod:
    record_evaluation(status, kind=PROGRAM, by=by, today=day, earlier=earlier, rounds=rounds)
    period = period_on(status.timeline, PROGRAM, day, rounds)
    assert period is not None
    return period


def _refusal(status: MentorshipStatus, rounds: tuple[EvaluationRound, ...], day: date) -> str:
    with pytest.raises(TransitionRefused) as refused:
        _answer(status, rounds, day)
    assert (refused.value.rule, refused.value.field) == ("program_evaluation_round_closed", "kind")
    return refused.value.detail


def test_march_2004_evaluate_program_inviting_feedback_from_mentoring_partners() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "March 2004 Evaluate program inviting
    # feedback from mentoring partners": one round, March, and not in July.
    maine = preset("maine-mms")
    rounds = evaluation_rounds(planned_calendar(maine, JULY), TERM_END)
    assert rounds == (EvaluationRound(1, date(2027, 3, 1), date(2027, 3, 31)),)
    status = active_pair(maine, JULY)
    assert "round 1 opens on 2027-03-01 and runs to 2027-03-31" in _refusal(
        status, rounds, date(2026, 7, 20)
    )
    first = _answer(status, rounds, date(2027, 3, 15))
    assert first == EvaluationPeriod(PROGRAM, 1)
    with pytest.raises(Conflict) as twice:
        _answer(status, rounds, date(2027, 3, 20), earlier=((Party.MENTEE, first),))
    assert "program 1" in twice.value.detail
    # The mentor is a mentoring partner too, with an answer of their own in the round.
    _answer(status, rounds, date(2027, 3, 20), ((Party.MENTEE, first),), by=Party.MENTOR)
    assert "the last round closed on 2027-03-31" in _refusal(status, rounds, date(2027, 4, 2))


def test_you_will_be_asked_periodically_to_complete_an_online_evaluation() -> None:
    # seed 000_4e18aab21704e587.txt "Program Evaluations" (and 001): "You will be asked
    # periodically to complete an online evaluation": a two-week round after each group session.
    charlotte = preset("charlotte-sll")
    start = date(2026, 9, 1)
    events = planned_calendar(charlotte, start)
    sessions = [e.starts_on for e in events if e.kind is EventKind.GROUP_SESSION]
    rounds = evaluation_rounds(events, date(2027, 6, 1))
    assert [r.opens_on for r in rounds] == [s + timedelta(days=1) for s in sessions]
    assert all(r.closes_on - r.opens_on == timedelta(days=13) for r in rounds)
    status = active_pair(charlotte, start)
    assert _answer(status, rounds, date(2026, 10, 2)) == EvaluationPeriod(PROGRAM, 1)
    assert "round 2 opens on 2027-01-02" in _refusal(status, rounds, date(2026, 11, 20))
    assert _answer(status, rounds, date(2027, 1, 15)) == EvaluationPeriod(PROGRAM, 2)


def test_the_coordinator_discusses_the_experience_upon_conclusion_of_the_mentorship() -> None:
    # seed 003_e5d42bff8b56600f.txt "Evaluation": "The program coordinator will discuss
    # individually with the mentor and mentee, upon conclusion of the mentorship, their
    # experience": NC's program evaluation is given in the term's last month, whatever the
    # calendar holds.
    start = date(2026, 1, 5)
    status = active_pair(preset("nc-model"), start)
    march = (EvaluationRound(1, date(2026, 3, 1), date(2026, 3, 31)),)
    with pytest.raises(TransitionRefused) as early:
        record_evaluation(status, kind=PROGRAM, by=Party.MENTOR, today=date(2026, 3, 10))
    assert early.value.rule == "program_evaluation_not_due"
    assert _answer(status, march, date(2026, 12, 5), by=Party.MENTOR) == EvaluationPeriod(PROGRAM)


def test_a_round_with_no_end_stays_open_until_the_next_round_opens() -> None:
    # An event the coordinator dated without an end: open to the day before the next round,
    # the last one to the term's last day.
    events = [
        Event(EventKind.PROGRAM_EVALUATION, date(2027, 1, 10)),
        Event(EventKind.PROGRAM_EVALUATION, date(2026, 10, 1)),
        Event(EventKind.GROUP_SESSION, date(2026, 11, 1)),
    ]
    assert evaluation_rounds(events, TERM_END) == (
        EvaluationRound(1, date(2026, 10, 1), date(2027, 1, 9)),
        EvaluationRound(2, date(2027, 1, 10), date(2027, 3, 31)),
    )


_DAYS = st.dates(min_value=date(2026, 7, 1), max_value=date(2027, 3, 31))
_EVENTS = st.lists(
    st.tuples(_DAYS, st.none() | st.integers(min_value=0, max_value=60)), min_size=1, max_size=5
)


def _round_events(windows: list[tuple[date, int | None]]) -> list[Event]:
    """A program-evaluation event per (opening day, days open; None: no end of its own)."""
    return [
        Event(
            EventKind.PROGRAM_EVALUATION, start, None if days is None else start + timedelta(days)
        )
        for start, days in windows
    ]


@given(_EVENTS, _DAYS)
def test_an_answers_round_is_the_event_whose_window_holds_its_day(
    windows: list[tuple[date, int | None]], day: date
) -> None:
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": each program-evaluation event is one
    # round; an answer belongs to the round open on its day (the latest opened, if two are).
    events = _round_events(windows)
    rounds = evaluation_rounds(events, TERM_END)
    timeline = active_pair(preset("maine-mms"), JULY).timeline
    period = period_on(timeline, PROGRAM, day, rounds)
    holding = [r for r in rounds if r.opens_on <= day <= r.closes_on]
    assert len(rounds) == len(events)
    assert [r.number for r in rounds] == list(range(1, len(rounds) + 1))
    assert [r.opens_on for r in rounds] == sorted(e.starts_on for e in events)
    if not holding:
        assert period is None
        return
    latest = max(holding, key=lambda r: (r.opens_on, r.number))
    assert period == EvaluationPeriod(PROGRAM, latest.number)
    assert any(e.starts_on == latest.opens_on for e in events)


@given(_EVENTS, _DAYS, _DAYS)
def test_two_answers_in_one_round_are_refused(
    windows: list[tuple[date, int | None]], first: date, second: date
) -> None:
    # seed 000_4e18aab21704e587.txt "Program Evaluations": asked "periodically": once a round.
    events = _round_events(windows)
    rounds = evaluation_rounds(events, TERM_END)
    status = active_pair(preset("maine-mms"), JULY)
    given_first = period_on(status.timeline, PROGRAM, first, rounds)
    given_second = period_on(status.timeline, PROGRAM, second, rounds)
    if given_first is None or given_second is None:
        return
    earlier = ((Party.MENTEE, given_first),)
    if given_first == given_second:
        with pytest.raises(Conflict):
            _answer(status, rounds, second, earlier)
    else:
        assert _answer(status, rounds, second, earlier) == given_second
