"""A webhook delivery's life: `pending` until the receiver accepts it (`delivered`) or
retrying cannot help any more (`failed`). Retries back off from half a minute to six hours,
with jitter so failing receivers are not hit by synchronised retries, for three days."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class DeliveryState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
RETRY_FOR = timedelta(days=3)  # then the delivery fails for good
GONE = 410  # the receiver says the endpoint no longer exists: stop sending to it


def backoff(attempts: int, jitter: float) -> timedelta:
    """Wait before the next try: doubling from FIRST_RETRY up to LONGEST_WAIT, scaled by a
    jitter factor in [0.5, 1.5)."""
    base: timedelta = min(FIRST_RETRY * (2 ** min(attempts, 20)), LONGEST_WAIT)
    return base * (0.5 + jitter)


def after_try(
    status: int | None,
    retry: bool,
    *,
    attempts: int,
    created_at: datetime,
    now: datetime,
    jitter: float,
) -> tuple[DeliveryState, datetime]:
    """A delivery's state after one try that the receiver answered with `status` (None: no
    answer; `retry` False: retrying cannot help), and when it is due again."""
    if status is not None and 200 <= status < 300:
        return DeliveryState.DELIVERED, now
    if status == GONE or not retry:
        return DeliveryState.FAILED, now
    next_at = now + backoff(attempts, jitter)
    if next_at - created_at > RETRY_FOR:
        return DeliveryState.FAILED, next_at
    return DeliveryState.PENDING, next_at
