"""A short-lived, in-process cache of authenticated API tokens, keyed by their hash.

It keeps the token look-up off the hot path. Revoking a token forgets it here at once; other
processes forget it when PostgreSQL announces the revocation (see `revocations`), or, in a
process that does not listen (a test app, a CLI command), within TTL_SECONDS.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from app.domain.access import Principal

TTL_SECONDS = 10.0
MAX_ENTRIES = 50_000


@dataclass(frozen=True, slots=True)
class _Entry:
    principal: Principal
    fresh_until: float
    expires_at: datetime | None


class TokenCache:
    def __init__(self, ttl_seconds: float = TTL_SECONDS) -> None:
        self._entries: dict[bytes, _Entry] = {}
        self._ttl = ttl_seconds
        # False while a revocation listener is expected but not connected: a revocation could
        # go unheard, so nothing is cached until it listens again.
        self._trusted = True

    def get(self, digest: bytes) -> Principal | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        expired = entry.expires_at is not None and entry.expires_at <= datetime.now(UTC)
        if expired or entry.fresh_until <= time.monotonic():
            self._entries.pop(digest, None)
            return None
        return entry.principal

    def put(self, digest: bytes, principal: Principal, expires_at: datetime | None) -> None:
        if not self._trusted:
            return
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()  # crude but bounded; a miss costs one query
        self._entries[digest] = _Entry(principal, time.monotonic() + self._ttl, expires_at)

    def forget(self, digest: bytes) -> None:
        self._entries.pop(digest, None)

    def distrust(self) -> None:
        """Revocations may go unheard from now on: forget everything, cache nothing."""
        self._trusted = False
        self._entries.clear()

    def trust(self) -> None:
        """Revocations are heard again (the listener is connected)."""
        self._trusted = True


TOKENS = TokenCache()
