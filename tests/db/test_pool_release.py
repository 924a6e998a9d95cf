"""Connections go back to the pool whichever way their borrower ends: idle, in a transaction
left open, or cancelled mid-query."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from app.adapters.db.database import Database


@pytest.fixture
async def pool(app_url):
    database = Database(app_url, pool_size=3)
    await database.open()
    try:
        yield database
    finally:
        await database.close()


async def _all_back(database: Database) -> None:
    for _ in range(200):  # a terminated connection is replaced in the background
        size, idle, _ = database.pool_stats()
        if idle == size:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"connections still out: {database.pool_stats()}")


async def test_many_borrowers_on_few_connections_all_get_theirs_back(pool) -> None:
    async def borrow(n: int) -> int:
        async with pool.connect() as connection:
            return int(await connection.fetchval("SELECT $1::int", n))

    assert await asyncio.gather(*(borrow(n) for n in range(300))) == list(range(300))
    await _all_back(pool)


async def test_a_connection_left_in_a_transaction_comes_back_without_it(pool) -> None:
    for _ in range(4):  # more borrowers than connections: each is reused
        async with pool.connect() as connection:
            await connection.execute("BEGIN")
            await connection.execute("CREATE TEMP TABLE IF NOT EXISTS left_behind (n int)")
    await _all_back(pool)
    async with pool.connect() as connection:
        assert not connection.is_in_transaction()
        assert await connection.fetchval("SELECT to_regclass('pg_temp.left_behind')") is None


async def test_a_borrower_cancelled_mid_query_loses_no_connection(pool) -> None:
    started = asyncio.Event()

    async def sleeper() -> None:
        async with pool.connect() as connection:
            started.set()
            await connection.execute("SELECT pg_sleep(30)")

    task = asyncio.create_task(sleeper())
    await started.wait()
    await asyncio.sleep(0.05)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    await _all_back(pool)
    for _ in range(3):  # every connection still answers
        async with pool.connect() as connection:
            assert await connection.fetchval("SELECT 1") == 1
