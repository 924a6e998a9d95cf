"""Engine and connections: a `Database` hands out connections, the unit of work owns
transactions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine


class Database:
    """A pool of connections to one PostgreSQL database."""

    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 10) -> None:
        self.url = url
        self.engine: AsyncEngine = create_async_engine(
            url, pool_size=pool_size, max_overflow=max_overflow, pool_recycle=1800
        )

    def connect(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A pooled connection for the length of a `with` block."""
        return self.engine.connect()

    async def dispose(self) -> None:
        await self.engine.dispose()


class BoundDatabase(Database):
    """Every connection is the one given: tests run the app inside their own transaction.

    A lock serialises users, because one connection runs one statement at a time while
    GraphQL resolvers (and DataLoaders) run concurrently.
    """

    def __init__(self, connection: AsyncConnection) -> None:
        self.url = str(connection.engine.url)
        self.engine = connection.engine
        self._connection = connection
        self._lock = asyncio.Lock()

    def connect(self) -> AbstractAsyncContextManager[AsyncConnection]:
        return self._borrow()

    @asynccontextmanager
    async def _borrow(self) -> AsyncIterator[AsyncConnection]:
        async with self._lock:
            yield self._connection

    async def dispose(self) -> None:  # the test owns the connection
        return None
