"""A cohort's calendar in the database: its events, and who is recorded present at each and
who excused (kept with the event, as the person's fact)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.matching.statements import MatchingStatements
from app.adapters.db.sql import compile_statement
from app.services.programs.records import CohortEvent

_P = sa.bindparam
_RECORDED = ("attendees", "excused")
_INSERT_EVENT = rows.insert(tp.cohort_events, CohortEvent, skip=_RECORDED)
_EVENTS = rows.select_by(tp.cohort_events, CohortEvent, "cohort_id", order=("starts_on", "id"))
_EVENTS_OF = rows.select_by(
    tp.cohort_events, CohortEvent, "cohort_id", many=True, order=("starts_on", "id")
)
_SET_ATTENDANCE = compile_statement(
    tp.cohort_events.update()
    .where(tp.cohort_events.c.organization_id == _P("org"), tp.cohort_events.c.id == _P("id"))
    .values(
        attendees=sa.text("CAST(:attendees AS uuid[])"),
        excused=sa.text("CAST(:excused AS uuid[])"),
    )
    .returning(*rows.columns_of(tp.cohort_events, CohortEvent))
)
_EVENT = {
    lock: rows.select_by(tp.cohort_events, CohortEvent, "id", lock=lock) for lock in (False, True)
}
_MOVE_EVENT = compile_statement(
    tp.cohort_events.update()
    .where(tp.cohort_events.c.organization_id == _P("org"), tp.cohort_events.c.id == _P("id"))
    .values(title=_P("title"), starts_on=_P("starts_on"), ends_on=_P("ends_on"))
    .returning(*rows.columns_of(tp.cohort_events, CohortEvent))
)
_REMOVE_EVENT = compile_statement(
    tp.cohort_events.delete()
    .where(
        tp.cohort_events.c.organization_id == _P("org"),
        tp.cohort_events.c.id == _P("id"),
        tp.cohort_events.c.attendees == sa.text("'{}'"),
        tp.cohort_events.c.excused == sa.text("'{}'"),
    )
    .returning(tp.cohort_events.c.id)
)


class SqlCohortCalendars(MatchingStatements):
    """The events of cohorts' calendars, in one organisation."""

    async def add_event(self, event: CohortEvent) -> CohortEvent:
        return rows.event(await self._row(_INSERT_EVENT, **rows.values_of(event, _RECORDED)))

    async def events(self, cohort_id: UUID) -> list[CohortEvent]:
        return [rows.event(r) for r in await self._rows(_EVENTS, value=cohort_id)]

    async def events_of(self, cohort_ids: Sequence[UUID]) -> list[CohortEvent]:
        return [rows.event(r) for r in await self._rows(_EVENTS_OF, value=list(cohort_ids))]

    async def set_attendance(
        self, event_id: UUID, attendees: Collection[UUID], excused: Collection[UUID]
    ) -> CohortEvent | None:
        values = {"attendees": sorted(attendees), "excused": sorted(excused)}
        row = await self._row(_SET_ATTENDANCE, id=event_id, **values)
        return rows.event(row) if row else None

    async def event(self, event_id: UUID, *, lock: bool = False) -> CohortEvent | None:
        found = await self._rows(_EVENT[lock], value=event_id)
        return rows.event(found[0]) if found else None

    async def move_event(self, event: CohortEvent) -> CohortEvent | None:
        values = {"title": event.title, "starts_on": event.starts_on, "ends_on": event.ends_on}
        row = await self._row(_MOVE_EVENT, id=event.id, **values)
        return rows.event(row) if row else None

    async def remove_event(self, event_id: UUID) -> bool:
        """Remove an event nobody is recorded at, present or excused (attendance is kept: it
        is a person's fact)."""
        return await self._row(_REMOVE_EVENT, id=event_id) is not None
