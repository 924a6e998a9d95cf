"""Matching runs computed in the background: the queue of pending runs across organisations,
claimed with `FOR UPDATE SKIP LOCKED`, and each run's end (computed or failed)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.matching.statements import MatchingStatements
from app.adapters.db.sql import Statement, compile_statement, literals
from app.domain.matching.run_state import PENDING, RunState
from app.services.programs.records import ClaimedRun, MatchingRun

# The oldest pending run no other claimer holds: queued, or computing for longer than the
# lease (its computer died, or lost the database). The first condition is the partial
# index's own, so the scan reads the pending runs only. The run is picked once, in its own
# CTE (see `audit_seals._TAKE`: a locking subquery the planner rescans claims more than one).
_CLAIM = rows.sql(
    "WITH c AS MATERIALIZED (SELECT organization_id, id "  # noqa: S608  (domain constants)
    f"FROM matching_runs WHERE state IN ({literals(PENDING)}) "
    f"AND (state = '{RunState.QUEUED}' OR started_at < :stale) "
    "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
    f"UPDATE matching_runs r SET state = '{RunState.COMPUTING}', started_at = :now, "
    "finished_at = NULL, attempts = r.attempts + 1 FROM c "
    "WHERE r.organization_id = c.organization_id AND r.id = c.id "
    "RETURNING r.organization_id, r.id, r.cohort_id, r.attempts"
)
_R = tp.matching_runs.c


def _end(**values: Any) -> Statement:
    """Only the claim that is still the run's last (same attempt, still computing) may end
    it: a computer whose lease ran out and was taken over finds nothing to update."""
    return compile_statement(
        tp.matching_runs.update()
        .where(
            _R.organization_id == sa.bindparam("org"),
            _R.id == sa.bindparam("id"),
            _R.state == sa.literal_column(f"'{RunState.COMPUTING}'"),
            _R.attempts == sa.bindparam("attempt"),
        )
        .values(finished_at=sa.bindparam("now"), **values)
        .returning(*rows.columns_of(tp.matching_runs, MatchingRun))
    )


_FINISH = _end(
    state=sa.literal_column(f"'{RunState.COMPUTED}'"),
    result=sa.bindparam("result"),
    policy_version=sa.bindparam("policy_version"),
    failure=sa.null(),
)
_FAIL = _end(state=sa.literal_column(f"'{RunState.FAILED}'"), failure=sa.bindparam("failure"))
_COUNT_APPLICATIONS = rows.sql(
    "SELECT count(*) FROM applications WHERE organization_id = :org AND cohort_id = :cohort_id"
)


class SqlRunQueue(MatchingStatements):
    """Statements of runs that compute in the background."""

    async def count_applications(self, cohort_id: UUID) -> int:
        """Applications to the cohort, of either role: how large its run will be."""
        return int((await self._row(_COUNT_APPLICATIONS, cohort_id=cohort_id))[0])

    async def claim_run(self, *, now: datetime, lease: timedelta) -> ClaimedRun | None:
        """Take the oldest pending run of any organisation (an admin unit of work)."""
        found = await self._row(_CLAIM, now=now, stale=now - lease)
        return ClaimedRun(*found) if found else None

    async def finish_run(
        self,
        run_id: UUID,
        *,
        attempt: int,
        now: datetime,
        policy_version: int,
        result: Mapping[str, Any],
    ) -> MatchingRun | None:
        row = await self._row(
            _FINISH,
            id=run_id,
            attempt=attempt,
            now=now,
            policy_version=policy_version,
            result=dict(result),
        )
        return rows.run(row) if row else None

    async def fail_run(
        self, run_id: UUID, *, attempt: int, now: datetime, failure: Mapping[str, Any]
    ) -> MatchingRun | None:
        row = await self._row(_FAIL, id=run_id, attempt=attempt, now=now, failure=dict(failure))
        return rows.run(row) if row else None
