"""Every API process hears of every token revocation at once: PostgreSQL LISTEN/NOTIFY.

A trigger announces each revocation on CHANNEL when its transaction commits (migration
ops0001); each process listens on a connection of its own and forgets the token from its
cache. While that connection is down the cache is cleared and bypassed (a revocation could
go unheard), so a revoked token never outlives its revocation by more than the notice takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from app.adapters.auth.token_cache import TOKENS, TokenCache
from app.adapters.db.sql import to_dsn

logger = logging.getLogger(__name__)
CHANNEL = "api_token_revoked"
RECONNECT_SECONDS = 1.0
CHECK_SECONDS = 5.0  # how soon a connection that died quietly is noticed


async def listen_for_revocations(url: str, cache: TokenCache, stop: asyncio.Event) -> None:
    """Until `stop`: listen, and after a lost connection, connect again."""
    while not stop.is_set():
        cache.distrust()
        try:
            await _listen_once(url, cache, stop)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            logger.warning("token revocation listener lost; reconnecting", exc_info=True)
        finally:
            cache.distrust()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), RECONNECT_SECONDS)


async def _listen_once(url: str, cache: TokenCache, stop: asyncio.Event) -> None:
    connection = await asyncpg.connect(to_dsn(url))

    def heard(_connection: Any, _pid: int, _channel: str, payload: str) -> None:
        cache.forget(bytes.fromhex(payload))

    try:
        await connection.add_listener(CHANNEL, heard)
        cache.trust()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), CHECK_SECONDS)
            # A connection that died quietly raises here: distrust, then reconnect.
            await connection.fetchval("SELECT 1")
    finally:
        with contextlib.suppress(OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            await connection.close(timeout=5)


@asynccontextmanager
async def hearing_revocations(url: str, cache: TokenCache = TOKENS) -> AsyncIterator[None]:
    """`listen_for_revocations` for the length of the `with` block."""
    stop = asyncio.Event()
    listener = asyncio.create_task(listen_for_revocations(url, cache, stop))
    try:
        yield
    finally:
        stop.set()
        await listener
        cache.trust()  # back to the cache's own expiry, as in a process that never listened
