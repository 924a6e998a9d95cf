"""A mentorship's state, term and progress record, and the people locks that keep bookings
from racing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql

from app.adapters.db import tables_programs as tp
from app.adapters.db import tables_relationships as tr
from app.adapters.db.repositories import program_rows
from app.adapters.db.repositories.relationships.statements import (
    OrganizationStatements,
    fields_of,
    from_row,
    select_statement,
    sql,
    values_of,
)
from app.adapters.db.sql import compile_statement
from app.services.programs.records import Mentorship
from app.services.relationships.records import Progress

_P = sa.bindparam

_SET_STATE = sql(
    "UPDATE mentorships SET state = :state WHERE organization_id = :org AND id = :id "
    "AND state = :expected RETURNING id"
)
_PROGRESS_COLUMNS = fields_of(Progress)
_PROGRESS = select_statement(tr.mentorship_progress, Progress, "mentorship_id", "mentorship_id")
_SAVE_PROGRESS = compile_statement(
    sa.dialects.postgresql.insert(tr.mentorship_progress)
    .values(organization_id=_P("org"), **{n: _P(n) for n in _PROGRESS_COLUMNS})
    .on_conflict_do_update(
        index_elements=["organization_id", "mentorship_id"],
        set_={
            **{n: sa.literal_column(f"EXCLUDED.{n}") for n in _PROGRESS_COLUMNS[2:]},
            "version": tr.mentorship_progress.c.version + sa.literal_column("1"),
            "updated_at": sa.func.now(),
        },
        where=tr.mentorship_progress.c.version == _P("expected_version"),
    )
    .returning(tr.mentorship_progress.c.version)
)
_MENTORSHIP_WIDTH = len(Mentorship.__slots__)


# A mentorship and its progress (if it has any yet), for a read that locks nothing: a
# statement that waited for a lock would read the progress as it was before the wait.
_PAIR = compile_statement(
    sa.select(
        *program_rows.mentorship_columns(tp.mentorships),
        *(tr.mentorship_progress.c[n] for n in _PROGRESS_COLUMNS),
    )
    .select_from(
        tp.mentorships.outerjoin(
            tr.mentorship_progress,
            sa.and_(
                tr.mentorship_progress.c.organization_id == tp.mentorships.c.organization_id,
                tr.mentorship_progress.c.mentorship_id == tp.mentorships.c.id,
            ),
        )
    )
    .where(tp.mentorships.c.organization_id == _P("org"), tp.mentorships.c.id == _P("id"))
)
_SET_TERM = sql(
    "UPDATE mentorships SET ends_on = :ends_on WHERE organization_id = :org AND id = :id "
    "RETURNING id"
)
_LOCK_PEOPLE = sql(
    "SELECT id FROM employees WHERE organization_id = :org AND id = ANY(:value) "
    "ORDER BY id FOR NO KEY UPDATE"
)


class SqlProgressRecords(OrganizationStatements):
    """A pair's state, term and progress."""

    async def set_state(self, mentorship_id: UUID, expected: str, state: str) -> bool:
        found = await self._row(_SET_STATE, id=mentorship_id, expected=expected, state=state)
        return found is not None

    async def pair(self, mentorship_id: UUID) -> tuple[Mentorship, Progress | None] | None:
        """A mentorship with its progress, in one statement, locking nothing."""
        row = await self._row(_PAIR, id=mentorship_id)
        if row is None:
            return None
        values = tuple(row)
        mentorship = program_rows.mentorship(values[:_MENTORSHIP_WIDTH])
        stored = values[_MENTORSHIP_WIDTH:]
        if stored[0] is None:  # no progress saved yet
            return mentorship, None
        return mentorship, from_row(Progress, dict(zip(_PROGRESS_COLUMNS, stored, strict=True)))

    async def progress_of(self, mentorship_ids: Sequence[UUID]) -> dict[UUID, Progress]:
        found = await self._rows(_PROGRESS, value=list(mentorship_ids))
        return {r["mentorship_id"]: from_row(Progress, r) for r in found}

    async def save_progress(self, progress: Progress) -> bool:
        """Store the progress if nobody saved since it was read (same `version`)."""
        values = values_of(progress)
        saved = await self._row(_SAVE_PROGRESS, expected_version=progress.version, **values)
        return saved is not None

    async def set_term(self, mentorship_id: UUID, ends_on: date) -> None:
        """The pair's agreed term: a new end date (the rest of the timeline follows from it)."""
        await self._row(_SET_TERM, id=mentorship_id, ends_on=ends_on)

    async def lock_people(self, employee_ids: Sequence[UUID]) -> None:
        """Hold these employees' rows until the transaction ends, in id order (no deadlock):
        bookings on one mentor's capacity queue behind each other instead of racing."""
        await self._rows(_LOCK_PEOPLE, value=sorted(set(employee_ids)))
