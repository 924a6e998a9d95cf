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
from datetime import datetime

from app.domain.webhook_delivery import GONE, DeliveryState, after_try
from app.services.integrations.ports import Attempt, DueDelivery, SendResult, WebhookSender
from app.services.ports import Clock, UnitOfWork


def next_step(delivery: DueDelivery, result: SendResult, now: datetime, jitter: float) -> Attempt:
    """What becomes of a delivery after one try."""
    state, next_at = after_try(
        result.status,
        result.retry,
        attempts=delivery.attempts,
        created_at=delivery.created_at,
        now=now,
        jitter=jitter,
    )
    error = result.error or (None if state is DeliveryState.DELIVERED else f"HTTP {result.status}")
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
