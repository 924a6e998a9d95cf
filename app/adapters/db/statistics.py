"""Planner statistics refreshed after a bulk write, off the request's path.

Every organisation shares each table, and autovacuum analyzes a table only once a tenth of
all its rows have changed: after one organisation's import of 100,000 employees the planner
may still believe the table holds a few rows, and choose plans thousands of times slower
(a nested loop over the whole import). So a transaction that wrote a table in bulk has it
analyzed once it commits, in a task of its own: the answer does not wait for ANALYZE.
The application role owns no table; `refresh_statistics` (a migration) may analyze them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from contextlib import AbstractAsyncContextManager

import asyncpg

log = logging.getLogger(__name__)
_running: set[asyncio.Task[None]] = set()


Connect = Callable[[], AbstractAsyncContextManager[asyncpg.Connection]]


def refresh_later(connect: Connect, tables: Iterable[str]) -> None:
    """Analyze `tables` soon, on a connection of their own (from `connect`)."""
    task = asyncio.create_task(_refresh(connect, sorted(tables)))
    _running.add(task)  # the loop keeps only a weak reference to a task
    task.add_done_callback(_running.discard)


async def settled() -> None:
    """Until every refresh started so far has finished (tests, shutdown)."""
    await asyncio.gather(*_running, return_exceptions=True)


async def _refresh(connect: Connect, tables: list[str]) -> None:
    try:
        async with connect() as connection:
            await connection.execute("SELECT refresh_statistics($1)", tables)
    except (
        OSError,
        asyncpg.PostgresError,
        asyncpg.InterfaceError,
    ) as error:  # stale statistics are not a failure
        log.warning("could not refresh statistics of %s: %s", ", ".join(tables), error)
