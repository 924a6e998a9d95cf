"""Attendance at an information session or orientation is a fact about the person, not about
one cohort: NC's sessions are yearly (003 "Program Coordinator": an information meeting, with
follow-ups "annually"), so attending one counts for every cohort of the program that starts
within the validity the policy sets after it. Without a validity, a session counts for its
own cohort only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.calendar_months import add_months


@dataclass(frozen=True, slots=True)
class Attendance:
    """Who attended one information session or orientation, of which cohort, on which day."""

    cohort_id: UUID
    held_on: date
    attendees: tuple[UUID, ...]


def counts_for(
    session: Attendance, *, cohort_id: UUID, cohort_starts_on: date, valid_months: int
) -> bool:
    """Whether attending ``session`` counts for the cohort: its own cohort's always; another
    cohort's when that cohort starts after the session and within ``valid_months`` of it."""
    if session.cohort_id == cohort_id:
        return True
    if valid_months <= 0 or session.held_on > cohort_starts_on:
        return False
    return cohort_starts_on <= add_months(session.held_on, valid_months)


def attendees_for(
    sessions: Iterable[Attendance], *, cohort_id: UUID, cohort_starts_on: date, valid_months: int
) -> frozenset[UUID]:
    """Everyone whose attendance counts for the cohort."""
    return frozenset(
        person
        for session in sessions
        if counts_for(
            session,
            cohort_id=cohort_id,
            cohort_starts_on=cohort_starts_on,
            valid_months=valid_months,
        )
        for person in session.attendees
    )
