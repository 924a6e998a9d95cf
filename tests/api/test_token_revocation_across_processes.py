"""A token revoked in one process stops working in every process at once (issue 24): each
process caches the tokens it authenticated, and forgets one when PostgreSQL announces its
revocation. Here "another process" is a cache of its own with a listener of its own, and
the revocation is made on a connection that knows nothing of that cache."""

from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg

from app.adapters.auth.authenticator import Authenticator
from app.adapters.auth.errors import InvalidCredentials
from app.adapters.auth.revocations import hearing_revocations
from app.adapters.auth.token_cache import TokenCache
from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain import api_tokens
from app.domain.access import Principal, Role
from app.services import access, organizations

HANG_GUARD_SECONDS = 60.0  # only against a hang; never an assertion about speed
AN_HOUR = 3600.0  # so only the announcement can make this cache forget


async def _rejected(authenticator: Authenticator, token: str) -> bool:
    try:
        await authenticator.authenticate(token)
    except InvalidCredentials:
        return True
    return False


async def test_a_token_revoked_elsewhere_is_refused_here_once_announced(
    app_url: str, migrated_url: str
):
    database = Database(app_url, pool_size=2)
    await database.open()
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None), name="Rev", slug="rev-" + uuid.uuid4().hex[:8]
        )
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(database, org.id),
            principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
            clock=SystemClock(),
            name="revoked elsewhere",
            role=Role.ORG_ADMIN,
        )
        cache = TokenCache(ttl_seconds=AN_HOUR)
        here = Authenticator(database, cache=cache)
        async with hearing_revocations(app_url, cache):
            deadline = time.monotonic() + HANG_GUARD_SECONDS
            while not await _is_listening(cache, here, issued.token):
                assert time.monotonic() < deadline, "the listener never connected"
                await asyncio.sleep(0.01)
            elsewhere = await asyncpg.connect(to_dsn(migrated_url))
            try:
                await elsewhere.execute(
                    "UPDATE api_tokens SET revoked_at = now() WHERE id = $1", issued.record.id
                )
            finally:
                await elsewhere.close()
            deadline = time.monotonic() + HANG_GUARD_SECONDS
            while not await _rejected(here, issued.token):
                assert time.monotonic() < deadline, "the revocation was never heard"
                await asyncio.sleep(0.01)
    finally:
        await database.close()


async def _is_listening(cache: TokenCache, authenticator: Authenticator, token: str) -> bool:
    """True once the token is cached here: the cache only keeps tokens while it listens."""
    principal = await authenticator.authenticate(token)
    return cache.get(api_tokens.token_hash(token)) == principal


def test_a_cache_that_may_miss_revocations_keeps_nothing():
    cache = TokenCache()
    principal = Principal(uuid.uuid4(), Role.ORG_ADMIN, "t")
    cache.put(b"a", principal, None)
    cache.distrust()
    assert cache.get(b"a") is None
    cache.put(b"b", principal, None)
    assert cache.get(b"b") is None
    cache.trust()
    cache.put(b"b", principal, None)
    assert cache.get(b"b") == principal
