"""Delivering webhooks: the worker's step, run in a loop by `mentoring worker`.

A batch of due deliveries is claimed with `FOR UPDATE SKIP LOCKED` (so workers share the
queue without sending anything twice), sent, and the outcomes recorded in the same
transaction. A worker that dies mid-batch releases its rows with its transaction: those
deliveries are sent again later, so every event arrives at least once.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from app.services.integrations.ports import Attempt, DueDelivery, SendResult, WebhookSender
from app.services.ports import Clock, UnitOfWork

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=6)
RETRY_FOR = timedelta(days=3)  # then the delivery fails for good
GONE = 410  # the receiver says the endpoint no longer exists: stop sending to it


def backoff(attempts: int, jitter: float) -> timedelta:
    """Wait before the next try: doubling from FIRST_RETRY up to LONGEST_WAIT, scaled by a
    jitter factor in [0.5, 1.5) so failing receivers are not hit by synchronised retries."""
    base: timedelta = min(FIRST_RETRY * (2 ** min(attempts, 20)), LONGEST_WAIT)
    return base * (0.5 + jitter)


def next_step(delivery: DueDelivery, result: SendResult, now: datetime, jitter: float) -> Attempt:
    """What becomes of a delivery after one try."""
    if result.status is not None and 200 <= result.status < 300:
        state, next_at = "delivered", now
    elif result.status == GONE or not result.retry:
        state, next_at = "failed", now
    else:
        next_at = now + backoff(delivery.attempts, jitter)
        state = "failed" if next_at - delivery.created_at > RETRY_FOR else "pending"
    error = result.error or (None if state == "delivered" else f"HTTP {result.status}")
    return Attempt(delivery.organization_id, delivery.id, state, next_at, result.status, error)


async def deliver_due(
    *,
    uow: UnitOfWork,
    sender: WebhookSender,
    clock: Clock,
    batch_size: int = 20,
    jitter: Callable[[], float] = random.random,
) -> int:
    """Send one batch of due deliveries; answers how many were tried (0: queue empty)."""
    async with uow:
        batch = await uow.integrations.claim_due(batch_size)
        if not batch:
            return 0
        now = clock.now()
        results = await asyncio.gather(*(sender.send(d, now) for d in batch))
        attempts = [
            next_step(d, r, clock.now(), jitter()) for d, r in zip(batch, results, strict=True)
        ]
        await uow.integrations.record_attempts(attempts)
        gone = [
            (d.organization_id, d.endpoint_id)
            for d, r in zip(batch, results, strict=True)
            if r.status == GONE
        ]
        if gone:
            await uow.integrations.disable_endpoints(
                sorted(set(gone)), "the receiver answered 410 Gone"
            )
        await uow.commit()
    return len(batch)
