"""Per-principal rate limits with the `limits` library (moving window).

In memory by default, which counts in one process only: fine for `make run` and for one
process per container. Several processes (`serve --workers N`, replicas) must share one
count: set RATE_LIMIT_STORAGE=redis://host:6379/0. `serve` refuses N > 1 processes with
the in-memory storage rather than let each count alone (a limit of 60 would allow 60*N).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from limits import parse, storage, strategies
from limits.aio import strategies as async_strategies

IN_MEMORY = "memory://"


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int
    window_seconds: int

    def headers(self) -> list[tuple[bytes, bytes]]:
        """The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers)."""
        policy = f'"default";q={self.limit};w={self.window_seconds}'
        state = f'"default";r={self.remaining};t={self.reset_seconds}'
        return [(b"ratelimit-policy", policy.encode()), (b"ratelimit", state.encode())]


def counts_per_process(storage_uri: str) -> bool:
    return storage_uri.startswith(IN_MEMORY)


class RateLimiter:
    """`await limiter.hit(key)`: one request of `key` counted, and whether it may go on."""

    def __init__(self, spec: str, storage_uri: str = IN_MEMORY) -> None:
        self._item = parse(spec)
        self._local: Any = None
        self._shared: Any = None
        if counts_per_process(storage_uri):
            # In-process counting needs no I/O: the synchronous limiter, no awaits.
            self._local = strategies.MovingWindowRateLimiter(
                storage.storage_from_string(storage_uri)
            )
        else:
            self._shared = async_strategies.MovingWindowRateLimiter(_shared_storage(storage_uri))

    async def hit(self, key: str) -> RateDecision:
        if self._local is not None:
            allowed = self._local.hit(self._item, key)
            reset_at, remaining = self._local.get_window_stats(self._item, key)
        else:
            allowed = await self._shared.hit(self._item, key)
            reset_at, remaining = await self._shared.get_window_stats(self._item, key)
        return RateDecision(
            allowed,
            self._item.amount,
            max(0, remaining),
            max(1, math.ceil(reset_at - time.time())),
            self._item.get_expiry(),
        )


def _shared_storage(uri: str) -> Any:
    """A storage every process reaches, used without blocking the event loop."""
    scheme = uri.split("://", 1)[0]
    if scheme in ("redis", "rediss"):
        # redis-py's asyncio client (the `redis` package), not the library's default coredis.
        return storage.storage_from_string("async+" + uri, implementation="redispy")
    return storage.storage_from_string(uri if uri.startswith("async+") else "async+" + uri)
