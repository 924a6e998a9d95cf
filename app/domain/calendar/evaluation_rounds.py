"""The program evaluation's rounds, read from the cohort's calendar.

Each program-evaluation event on the calendar is one round, open from its first day to its
last: Maine's "March 2004 Evaluate program inviting feedback from mentoring partners" (004
"Schedule of Events") is one round, Charlotte's "You will be asked periodically to complete
an online evaluation" (000/001 "Program Evaluations") is one round after each group session.
An event with no end stays open until the day before the next round opens, the last one to
the term's last day, as a checkup stays the one to answer until the next one comes due.
The coordinator changes the rounds by editing the cohort's calendar; an answer keeps the round
it was given in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.calendar.cohort_calendar import Dated
from app.domain.calendar.kinds import EventKind


@dataclass(frozen=True, slots=True)
class EvaluationRound:
    """Round ``number`` of the program evaluation, open from ``opens_on`` to ``closes_on``."""

    number: int
    opens_on: date
    closes_on: date

    def holds(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on


def evaluation_rounds(events: Iterable[Dated], term_ends_on: date) -> tuple[EvaluationRound, ...]:
    """The rounds of the calendar's program-evaluation events, numbered in date order;
    ``term_ends_on`` (the first day past the term) closes a last round that has no end."""
    found = sorted(
        ((e.starts_on, e.ends_on) for e in events if e.kind == EventKind.PROGRAM_EVALUATION),
        key=lambda window: (window[0], window[1] or date.max),
    )
    rounds = []
    for number, (opens, closes) in enumerate(found, start=1):
        if closes is None:
            later = [start for start, _ in found[number:] if start > opens]
            closes = (later[0] if later else term_ends_on) - timedelta(days=1)
        rounds.append(EvaluationRound(number, opens, max(opens, closes)))
    return tuple(rounds)


def round_on(rounds: Sequence[EvaluationRound], day: date) -> EvaluationRound | None:
    """The round an answer given on ``day`` belongs to: of the rounds open that day, the one
    opened last (a coordinator may overlap two); None when none is open."""
    open_then = [r for r in rounds if r.holds(day)]
    return max(open_then, key=lambda r: (r.opens_on, r.number)) if open_then else None


def answered_round(rounds: Sequence[EvaluationRound], number: int | None, day: date) -> int | None:
    """The round an answer was given in: the one stored with it, ``number``; an answer stored
    before rounds were (no number), the round open on ``day``."""
    if number is not None:
        return number
    found = round_on(rounds, day)
    return found.number if found else None


def next_round(rounds: Sequence[EvaluationRound], day: date) -> EvaluationRound | None:
    """The first round that opens after ``day``; None when none is left."""
    return next((r for r in rounds if r.opens_on > day), None)
