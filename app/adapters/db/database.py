"""Connections: a `Database` lends asyncpg connections; the unit of work owns transactions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import asyncpg

from app.adapters.db import json_codec, statistics
from app.adapters.db.rls import ORG_SETTING
from app.adapters.db.sql import to_dsn


class TenantConnection(asyncpg.Connection):  # type: ignore[misc]
    """A connection that remembers which tenant its session setting names.

    Reads run outside any transaction (as in Django's autocommit: under READ COMMITTED a
    statement sees the same data either way), so they cannot carry a transaction-local
    tenant. They set it for the session instead, and only when it differs from the one
    already set, which on a pool serving one busy tenant is almost never: a read then costs
    one round trip instead of three (BEGIN, the read, ROLLBACK).
    """

    __slots__ = ("_session_tenant",)

    async def use_tenant(self, tenant: str) -> None:
        """Make `tenant` ('' for none: row-level security then shows nothing) the session's."""
        if self.is_in_transaction():  # a rollback would silently undo a session setting
            raise RuntimeError("the session tenant is set outside transactions only")
        if getattr(self, "_session_tenant", None) == tenant:
            return
        self._session_tenant = None  # unknown until the server has confirmed it
        await self.execute("SELECT set_config($1, $2, false)", ORG_SETTING, tenant)
        self._session_tenant = tenant


async def _init_connection(connection: asyncpg.Connection) -> None:
    """JSON columns as Python values in both directions."""
    for name in ("json", "jsonb"):
        await connection.set_type_codec(
            name,
            schema="pg_catalog",
            format="text",
            encoder=json_codec.dumps,
            decoder=json_codec.loads,
        )


async def _reset_connection(connection: asyncpg.Connection) -> None:
    """Replaces asyncpg's default reset (RESET ALL, UNLISTEN, ...: a round trip on every
    release). The only session state we set is the tenant, which every unit of work sets
    again (or overrides in its transaction) before its first statement, so a connection is
    clean once no transaction is left open on it."""
    if connection.is_in_transaction():
        await connection.execute("ROLLBACK")


@asynccontextmanager
async def lend(connection: asyncpg.Connection, lock: asyncio.Lock) -> AsyncIterator[Any]:
    """One connection shared by concurrent borrowers (GraphQL resolvers run concurrently),
    each holding it for a whole unit of work: a connection runs one statement at a time."""
    async with lock:
        yield connection


class Database:
    """A pool of connections to one PostgreSQL database; `open()` before use."""

    def __init__(self, url: str, *, pool_size: int = 10) -> None:
        self.url = url
        self._pool_size = pool_size
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        self._pool = await asyncpg.create_pool(
            to_dsn(self.url),
            min_size=min(2, self._pool_size),
            max_size=self._pool_size,
            init=_init_connection,
            reset=_reset_connection,
            connection_class=TenantConnection,
        )

    def connect(self) -> AbstractAsyncContextManager[asyncpg.Connection]:
        """A pooled connection for the length of a `with` block."""
        if self._pool is None:
            raise RuntimeError("Database.open() was not awaited")
        return self._pool.acquire()  # type: ignore[no-any-return]

    def pool_stats(self) -> tuple[int, int, int]:
        """(open, idle, maximum) connections, for metrics."""
        if self._pool is None:
            return (0, 0, self._pool_size)
        return (self._pool.get_size(), self._pool.get_idle_size(), self._pool.get_max_size())

    async def close(self) -> None:
        if self._pool is not None:
            await statistics.settled()  # refreshes after the last commits use the pool
            await self._pool.close()
            self._pool = None


class BoundDatabase(Database):
    """Every connection is the one given: tests run the app inside their own transaction.

    A lock serialises borrowers, because one connection runs one statement at a time while
    GraphQL resolvers (and DataLoaders) run concurrently.
    """

    def __init__(self, connection: asyncpg.Connection) -> None:
        super().__init__("bound")
        self._connection = connection
        self._lock = asyncio.Lock()

    async def open(self) -> None:
        await _init_connection(self._connection)

    def connect(self) -> AbstractAsyncContextManager[asyncpg.Connection]:
        return lend(self._connection, self._lock)

    async def close(self) -> None:  # the test owns the connection
        return None
