"""Idempotency keys: a POST and its key commit in one transaction.

The request runs on one connection inside an outer transaction (the services' units of work
become savepoints within it); the stored response is written just before that transaction
commits, so either both the change and its key are kept, or neither.
"""

from __future__ import annotations

import asyncio
import contextvars
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from uuid import UUID

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.db.database import Database, lend
from app.adapters.db.rls import ORG_SETTING
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables_integrations import idempotency_keys as t

_pinned: contextvars.ContextVar[tuple[asyncpg.Connection, asyncio.Lock] | None] = (
    contextvars.ContextVar("pinned_connection", default=None)
)


class PinnableDatabase(Database):
    """A Database that lends the request's pinned connection while one is pinned."""

    def __init__(self, inner: Database) -> None:
        super().__init__(inner.url)
        self.inner = inner

    async def open(self) -> None:
        await self.inner.open()

    async def close(self) -> None:
        await self.inner.close()

    def pool_stats(self) -> tuple[int, int, int]:
        return self.inner.pool_stats()

    def connect(self) -> AbstractAsyncContextManager[asyncpg.Connection]:
        pinned = _pinned.get()
        return self.inner.connect() if pinned is None else lend(*pinned)


@dataclass(frozen=True, slots=True)
class StoredResponse:
    fingerprint: bytes
    status: int
    headers: list[list[str]]  # [name, value] pairs
    body: bytes


_FIND = compile_statement(
    sa.select(t.c.fingerprint, t.c.status, t.c.headers, t.c.body).where(
        t.c.organization_id == sa.bindparam("org"), t.c.key == sa.bindparam("key")
    )
)
_STORE = compile_statement(
    insert(t).values(
        organization_id=sa.bindparam("org"),
        key=sa.bindparam("key"),
        fingerprint=sa.bindparam("fingerprint"),
        status=sa.bindparam("status"),
        headers=sa.bindparam("headers"),
        body=sa.bindparam("body"),
    )
)


class KeyedTransaction:
    """The outer transaction of one keyed request, on one connection of `database`."""

    def __init__(self, database: Database, organization_id: UUID, key: str) -> None:
        self._database = database.inner if isinstance(database, PinnableDatabase) else database
        self._args = {"org": organization_id, "key": key}

    async def __aenter__(self) -> KeyedTransaction:
        self._borrowed = self._database.connect()
        self.connection = connection = await self._borrowed.__aenter__()
        nested = connection.is_in_transaction()  # the test suite's own transaction
        self._savepoint = "idempotency" if nested else None
        start = "SAVEPOINT idempotency" if nested else "BEGIN"
        org = self._args["org"]
        await connection.execute(f"{start}; SELECT set_config('{ORG_SETTING}', '{org}', true)")
        self._done = False
        return self

    async def try_lock(self) -> bool:
        """False while another request with this key is in flight."""
        return bool(
            await self.connection.fetchval(
                "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))",
                f"{self._args['org']}:{self._args['key']}",
            )
        )

    async def stored(self) -> StoredResponse | None:
        row = await self.connection.fetchrow(_FIND.sql, *_FIND.args(self._args))
        return None if row is None else StoredResponse(**dict(row))

    def pin(self) -> contextvars.Token[tuple[asyncpg.Connection, asyncio.Lock] | None]:
        return _pinned.set((self.connection, asyncio.Lock()))

    @staticmethod
    def unpin(token: contextvars.Token[tuple[asyncpg.Connection, asyncio.Lock] | None]) -> None:
        _pinned.reset(token)

    async def commit(self, response: StoredResponse) -> None:
        values = {
            **self._args,
            "fingerprint": response.fingerprint,
            "status": response.status,
            "headers": response.headers,
            "body": response.body,
        }
        await self.connection.execute(_STORE.sql, *_STORE.args(values))
        await self.connection.execute(
            f"RELEASE SAVEPOINT {self._savepoint}" if self._savepoint else "COMMIT"
        )
        self._done = True

    async def __aexit__(self, *exc: object) -> None:
        try:
            if not self._done and not self.connection.is_closed():
                await self.connection.execute(
                    f"ROLLBACK TO SAVEPOINT {self._savepoint}" if self._savepoint else "ROLLBACK"
                )
        finally:
            await self._borrowed.__aexit__(None, None, None)
