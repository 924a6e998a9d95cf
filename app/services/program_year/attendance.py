"""Attendance as a person's fact: whose information session or orientation counts for a
cohort, across the program's cohorts within the validity its policy sets (NC: a year)."""

from __future__ import annotations

from uuid import UUID

from app.domain.calendar.attendance import Attendance, attendees_for
from app.domain.policy.model import Policy
from app.services.ports import UnitOfWork
from app.services.programs.facts import INFORMATION_EVENTS
from app.services.programs.records import Cohort


async def information_attendees(uow: UnitOfWork, cohort: Cohort, policy: Policy) -> frozenset[UUID]:
    """Everyone whose attendance counts for `cohort`, in two statements at most."""
    valid = policy.onboarding.information_session_valid_months
    cohorts = await uow.programs.cohorts_of(cohort.program_id) if valid else [cohort]
    events = await uow.programs.events_of([c.id for c in cohorts])
    sessions = [
        Attendance(e.cohort_id, e.starts_on, e.attendees)
        for e in events
        if e.kind in INFORMATION_EVENTS
    ]
    return attendees_for(
        sessions, cohort_id=cohort.id, cohort_starts_on=cohort.starts_on, valid_months=valid
    )
