"""Per-principal rate limits with the `limits` library (moving window).

In memory by default, so each worker process counts alone; set RATE_LIMIT_STORAGE to a
shared store (e.g. redis://...) to count across processes.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import parse, storage, strategies


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


class RateLimiter:
    def __init__(self, spec: str, storage_uri: str = "memory://") -> None:
        self._item = parse(spec)
        self._limiter = strategies.MovingWindowRateLimiter(storage.storage_from_string(storage_uri))

    def hit(self, key: str) -> RateDecision:
        allowed = self._limiter.hit(self._item, key)
        reset_at, remaining = self._limiter.get_window_stats(self._item, key)
        return RateDecision(
            allowed,
            self._item.amount,
            max(0, remaining),
            max(1, math.ceil(reset_at - time.time())),
            self._item.get_expiry(),
        )
