"""Queued matching runs are claimed once across processes: two claimers on two connections,
committed rows (a transaction rolled back at the end cannot be seen by a second connection)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest

from app.adapters.db.database import Database
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services import organizations
from app.services.matching.run_jobs import LEASE

HANG_GUARD_SECONDS = 60.0  # only against a hang (a claim that waits); never about speed
_ADMIN = "SELECT set_config('app.is_admin', 'on', true)"


@pytest.fixture
async def queued_run(migrated_url: str) -> AsyncIterator[tuple[Database, uuid.UUID]]:
    """A committed queued run of a fresh organisation; removed again at the end, so no later
    test finds it in the queue."""
    database = Database(migrated_url, pool_size=4)
    await database.open()
    org = await organizations.create_organization(
        uow=SqlUnitOfWork(database, None), name="Claims", slug="claims-" + uuid.uuid4().hex[:8]
    )
    program, cohort, run = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    connection = await asyncpg.connect(to_dsn(migrated_url))
    try:
        async with connection.transaction():
            await connection.execute(_ADMIN)
            await connection.execute(
                "INSERT INTO programs (organization_id, id, name, preset, policy_version) "
                "VALUES ($1, $2, 'P', 'nc-model', 1)",
                org.id,
                program,
            )
            await connection.execute(
                "INSERT INTO cohorts (organization_id, id, program_id, name, starts_on) "
                "VALUES ($1, $2, $3, 'C', current_date)",
                org.id,
                cohort,
                program,
            )
            await connection.execute(
                "INSERT INTO matching_runs (organization_id, id, cohort_id, state, "
                "policy_version, result, created_by) VALUES ($1, $2, $3, 'queued', 1, '{}', 't')",
                org.id,
                run,
                cohort,
            )
        yield database, run
    finally:
        async with connection.transaction():
            await connection.execute(_ADMIN)
            await connection.execute("DELETE FROM matching_runs WHERE id = $1", run)
            await connection.execute("DELETE FROM cohorts WHERE id = $1", cohort)
            await connection.execute("DELETE FROM programs WHERE id = $1", program)
        await connection.close()
        await database.close()


async def _claim(database: Database) -> uuid.UUID | None:
    async with SqlUnitOfWork(database, None, admin=True) as uow:
        claimed = await uow.programs.claim_run(now=datetime.now(UTC), lease=LEASE)
        await uow.commit()
    return None if claimed is None else claimed.id


async def test_two_claimers_at_once_take_a_queued_run_once(queued_run):
    database, run = queued_run
    found = await asyncio.gather(_claim(database), _claim(database))
    assert sorted(found, key=lambda f: f is None) == [run, None]


async def test_a_run_claimed_in_an_open_transaction_is_skipped_not_waited_for(queued_run):
    database, run = queued_run
    async with SqlUnitOfWork(database, None, admin=True) as first:
        claimed = await first.programs.claim_run(now=datetime.now(UTC), lease=LEASE)
        assert claimed is not None
        assert claimed.id == run
        assert claimed.attempts == 1
        # The first claim's transaction is open and holds the row: another connection's
        # claim skips it (SKIP LOCKED) instead of waiting for it.
        assert await asyncio.wait_for(_claim(database), HANG_GUARD_SECONDS) is None
        await first.commit()
    assert await _claim(database) is None  # now computing, within its lease
