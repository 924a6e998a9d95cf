"""A mentorship's meeting log and each participant's private journal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_relationships as tr
from app.adapters.db.repositories.relationships.statements import (
    OrganizationStatements,
    fields_of,
    from_row,
    insert_statement,
    row_reader,
    select_statement,
    sql,
    values_of,
)
from app.adapters.db.sql import compile_statement
from app.services.relationships.records import JournalEntry, Meeting

_P = sa.bindparam

_INSERT_MEETING = insert_statement(tr.meetings, Meeting)
# The statements below select `fields_of(Meeting)` in order, which `_meeting` relies on.
_meeting = row_reader(Meeting)
_MEETINGS = select_statement(tr.meetings, Meeting, "mentorship_id", "held_on")
_MEETING = select_statement(tr.meetings, Meeting, "id", "held_on")
_CANCEL_MEETING = compile_statement(
    tr.meetings.update()
    .where(
        tr.meetings.c.organization_id == _P("org"),
        tr.meetings.c.id == _P("id"),
        tr.meetings.c.cancelled.is_(False),
    )
    .values(cancelled=sa.true(), cancelled_at=_P("cancelled_at"), cancelled_by=_P("cancelled_by"))
    .returning(*(tr.meetings.c[n] for n in fields_of(Meeting)))
)
# Each pair's latest meeting as its own top-1 read of the date index (a backward step or
# two), not a sort of every meeting the pairs ever had.
_LAST_MEETINGS = sql(
    f"SELECT latest.* FROM unnest(CAST(:value AS uuid[])) AS wanted(id) "  # noqa: S608
    f"CROSS JOIN LATERAL (SELECT {', '.join(fields_of(Meeting))} FROM meetings "
    "WHERE organization_id = :org AND mentorship_id = wanted.id AND NOT cancelled "
    "ORDER BY held_on DESC, created_at DESC, id DESC LIMIT 1) latest "
    "ORDER BY latest.mentorship_id"
)
_INSERT_ENTRY = insert_statement(tr.journal_entries, JournalEntry)
_JOURNAL = compile_statement(
    sa.select(*(tr.journal_entries.c[n] for n in fields_of(JournalEntry)))
    .where(
        tr.journal_entries.c.organization_id == _P("org"),
        tr.journal_entries.c.mentorship_id == _P("id"),
        tr.journal_entries.c.author_id == _P("author"),
    )
    .order_by(tr.journal_entries.c.entry_on, tr.journal_entries.c.id)
)


class SqlMeetingRecords(OrganizationStatements):
    """Meetings (and their cancellation) and journal entries."""

    async def add_meeting(self, meeting: Meeting) -> Meeting:
        """Store the meeting, with the audit records and events the unit of work holds (one
        statement): record those first, then add the meeting last."""
        row = await self._row_with_trail(_INSERT_MEETING, **values_of(meeting))
        return from_row(Meeting, row)

    async def meetings(self, mentorship_ids: Sequence[UUID]) -> list[Meeting]:
        return [_meeting(r) for r in await self._rows(_MEETINGS, value=list(mentorship_ids))]

    async def meeting(self, meeting_id: UUID) -> Meeting | None:
        found = await self._rows(_MEETING, value=[meeting_id])
        return _meeting(found[0]) if found else None

    async def cancel_meeting(
        self, meeting_id: UUID, *, cancelled_at: datetime, cancelled_by: UUID
    ) -> Meeting | None:
        """Mark the meeting cancelled, with the audit records and events the unit of work
        holds (one statement); None if it already was (the first cancellation stands)."""
        row = await self._row_with_trail(
            _CANCEL_MEETING, id=meeting_id, cancelled_at=cancelled_at, cancelled_by=cancelled_by
        )
        return from_row(Meeting, row) if row is not None else None

    async def last_meetings(self, mentorship_ids: Sequence[UUID]) -> list[Meeting]:
        """Each mentorship's most recent meeting that was not cancelled."""
        found = await self._rows(_LAST_MEETINGS, value=list(mentorship_ids))
        return [_meeting(r) for r in found]

    async def add_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return from_row(JournalEntry, await self._row(_INSERT_ENTRY, **values_of(entry)))

    async def journal(self, mentorship_id: UUID, author_id: UUID) -> list[JournalEntry]:
        found = await self._rows(_JOURNAL, id=mentorship_id, author=author_id)
        return [from_row(JournalEntry, r) for r in found]
