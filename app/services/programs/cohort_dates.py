"""What a cohort's pairs read of the cohort: its start and its calendar, and from them each
pair's own confirm-by date (a late match gets its own: `pair_confirm_by`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.calendar.cohort_calendar import confirm_by, pair_confirm_by
from app.services.ports import UnitOfWork
from app.services.programs.records import CohortEvent


@dataclass(frozen=True, slots=True)
class CohortDates:
    """A cohort's start, its calendar and the confirm-by date the calendar sets."""

    starts_on: date
    events: tuple[CohortEvent, ...]
    confirm_by: date | None

    def confirm_by_of(self, pair_starts_on: date) -> date | None:
        """The confirm-by date of a pair of this cohort starting on ``pair_starts_on``."""
        return pair_confirm_by(self.confirm_by, self.starts_on, pair_starts_on)


async def cohort_dates(uow: UnitOfWork, cohort_ids: Iterable[UUID]) -> dict[UUID, CohortDates]:
    """Each cohort's dates, from one read of the cohorts and one of their calendars."""
    ids = sorted(set(cohort_ids))
    if not ids:
        return {}
    calendars: dict[UUID, list[CohortEvent]] = {c: [] for c in ids}
    for event in await uow.programs.events_of(ids):
        calendars[event.cohort_id].append(event)
    return {
        c.id: CohortDates(c.starts_on, tuple(calendars[c.id]), confirm_by(calendars[c.id]))
        for c in await uow.programs.cohorts(ids)
    }
