"""Which process runs the scheduled jobs: the one holding a PostgreSQL advisory lock.

Every API process (and every `mentoring worker`) asks; exactly one holds the lock at a time.
The lock lives with its own connection: if the holder dies or loses the database, the server
ends the session and frees the lock, and another process takes over at its next ask.
"""

from __future__ import annotations

import contextlib
import logging

import asyncpg

from app.adapters.db.sql import to_dsn

logger = logging.getLogger(__name__)

# A fixed 64-bit key for "the scheduler", the same in every process of every version.
SCHEDULER_LOCK = 0x6D656E746F72_01


class Leadership:
    """`await leadership.held()` answers whether this process leads, asking for the lock
    when it does not; `release()` gives it up (at shutdown, so a peer takes over at once)."""

    def __init__(self, url: str, key: int = SCHEDULER_LOCK) -> None:
        self._url = url
        self._key = key
        self._connection: asyncpg.Connection | None = None
        self._leading = False

    async def held(self) -> bool:
        try:
            if self._connection is None or self._connection.is_closed():
                self._leading = False
                self._connection = await asyncpg.connect(to_dsn(self._url))
            if self._leading:
                # Still the same session, so still the lock's holder.
                await self._connection.fetchval("SELECT 1")
            else:
                self._leading = bool(
                    await self._connection.fetchval("SELECT pg_try_advisory_lock($1)", self._key)
                )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            logger.warning("scheduler lock unavailable; asking again later", exc_info=True)
            await self._drop()
        return self._leading

    async def release(self) -> None:
        await self._drop()

    async def _drop(self) -> None:
        self._leading = False
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            # Closing the session frees its advisory locks (a broken one is freed already).
            with contextlib.suppress(OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                await connection.close(timeout=5)
