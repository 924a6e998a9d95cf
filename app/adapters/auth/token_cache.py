"""A short-lived, in-process cache of authenticated API tokens, keyed by their hash.

It keeps the token look-up off the hot path. Revoking a token forgets it here at once;
other worker processes notice within TTL_SECONDS.
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
    def __init__(self) -> None:
        self._entries: dict[bytes, _Entry] = {}

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
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()  # crude but bounded; a miss costs one query
        self._entries[digest] = _Entry(principal, time.monotonic() + TTL_SECONDS, expires_at)

    def forget(self, digest: bytes) -> None:
        self._entries.pop(digest, None)


TOKENS = TokenCache()
