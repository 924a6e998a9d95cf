"""Matching runs of one organisation: the pairs a coordinator locked, the runs themselves,
and a run's proposals read a page at a time out of its stored document."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.matching.statements import MatchingStatements
from app.adapters.db.sql import compile_statement
from app.domain.matching.run_state import RunState
from app.services.programs.records import MatchingRun, MatchLock

_sql = rows.sql
_INSERT_LOCK = _sql(
    "INSERT INTO match_locks (organization_id, cohort_id, mentee_id, mentor_id, locked_by) "
    "VALUES (:org, :cohort_id, :mentee_id, :mentor_id, :locked_by) "
    "ON CONFLICT (organization_id, cohort_id, mentee_id) DO UPDATE "
    "SET mentor_id = EXCLUDED.mentor_id, locked_by = EXCLUDED.locked_by"
)
_LOCKS = _sql(
    "SELECT cohort_id, mentee_id, mentor_id, locked_by FROM match_locks "
    "WHERE organization_id = :org AND cohort_id = :cohort_id ORDER BY mentee_id"
)
_INSERT_RUN = rows.insert(tp.matching_runs, MatchingRun, skip=("created_at", "published_at"))
_GET_RUN = rows.select_by(tp.matching_runs, MatchingRun, "id")
# The row lock taken by this update makes a concurrent publish wait, then find nothing to do.
_PUBLISH_RUN = compile_statement(
    tp.matching_runs.update()
    .where(
        tp.matching_runs.c.organization_id == sa.bindparam("org"),
        tp.matching_runs.c.id == sa.bindparam("id"),
        tp.matching_runs.c.state == sa.literal_column(f"'{RunState.COMPUTED}'"),
    )
    .values(state=sa.literal_column(f"'{RunState.PUBLISHED}'"), published_at=sa.func.now())
    .returning(*rows.columns_of(tp.matching_runs, MatchingRun))
)
# A page of a run's proposals, read out of its stored document by position; the run's row
# comes back even when the page is empty, so an empty page and no run are told apart.
_PROPOSALS = _sql(
    "SELECT r.state, p.n, p.proposal FROM matching_runs r LEFT JOIN LATERAL ("
    "SELECT n, proposal FROM jsonb_array_elements(r.result -> 'proposals') WITH ORDINALITY "
    "AS e(proposal, n) WHERE n > :after ORDER BY n LIMIT :limit) p ON true "
    "WHERE r.organization_id = :org AND r.id = :id ORDER BY p.n"
)
# The proposals just before position :before: the nearest ones, answered in position order.
_PROPOSALS_BEFORE = _sql(
    "SELECT r.state, p.n, p.proposal FROM matching_runs r LEFT JOIN LATERAL ("
    "SELECT n, proposal FROM jsonb_array_elements(r.result -> 'proposals') WITH ORDINALITY "
    "AS e(proposal, n) WHERE n > :after AND n < :before ORDER BY n DESC LIMIT :limit) p ON true "
    "WHERE r.organization_id = :org AND r.id = :id ORDER BY p.n"
)


class SqlMatchingRuns(MatchingStatements):
    """Locks, runs and their proposals."""

    async def locks(self, cohort_id: UUID) -> list[MatchLock]:
        return [rows.lock(r) for r in await self._rows(_LOCKS, cohort_id=cohort_id)]

    async def add_lock(self, lock: MatchLock) -> None:
        await self._execute(_INSERT_LOCK, **rows.values_of(lock))

    async def add_run(self, run: MatchingRun) -> MatchingRun:
        values = rows.values_of(run, ("created_at", "published_at"))
        values["result"] = dict(run.result)
        values["failure"] = None if run.failure is None else dict(run.failure)
        return rows.run(await self._row(_INSERT_RUN, **values))

    async def get_run(self, run_id: UUID) -> MatchingRun | None:
        row = await self._row(_GET_RUN, value=run_id)
        return rows.run(row) if row else None

    async def mark_published(self, run_id: UUID) -> MatchingRun | None:
        row = await self._row(_PUBLISH_RUN, id=run_id)
        return rows.run(row) if row else None

    async def run_proposals(
        self, run_id: UUID, *, after: int, limit: int, before: int | None = None
    ) -> tuple[RunState, list[tuple[int, dict[str, Any]]]] | None:
        """The run's state, and its proposals `after`+1 onwards (1-based positions), up to
        `limit`, each with its position; with `before`, the `limit` nearest below it instead
        (in position order). None when there is no such run."""
        if before is not None:
            found = await self._rows(
                _PROPOSALS_BEFORE, id=run_id, after=after, before=before, limit=limit
            )
        else:
            found = await self._rows(_PROPOSALS, id=run_id, after=after, limit=limit)
        if not found:
            return None
        return RunState(found[0]["state"]), [
            (r["n"], json.loads(r["proposal"]) if isinstance(r["proposal"], str) else r["proposal"])
            for r in found
            if r["n"] is not None
        ]
