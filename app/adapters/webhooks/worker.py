"""The delivery loop behind `mentoring worker`. Run as many as you like: they share the
queue through `FOR UPDATE SKIP LOCKED`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.webhooks.sender import HttpWebhookSender
from app.services.integrations.webhook_delivery import deliver_due

logger = logging.getLogger(__name__)
PURGE_EVERY_SECONDS = 600
KEEP_IDEMPOTENCY_KEYS = "24 hours"  # clients retry within minutes; a day is generous


async def _purge_idempotency_keys(database: Database) -> None:
    """Forget stored responses older than a day (any organisation: the worker is admin)."""
    try:
        async with SqlUnitOfWork(database, None, admin=True) as uow:
            await uow.integrations.purge_idempotency_keys(KEEP_IDEMPOTENCY_KEYS)
            await uow.commit()
    except Exception:
        logger.exception("purging idempotency keys failed")


async def run_worker(
    database: Database,
    sender: HttpWebhookSender,
    *,
    batch_size: int = 20,
    idle_seconds: float = 1.0,
    stop: asyncio.Event | None = None,
) -> None:
    """Deliver until `stop` is set: batch after batch while there is work, then poll."""
    stop = stop or asyncio.Event()
    clock = SystemClock()
    purged_at = 0.0
    while not stop.is_set():
        if time.monotonic() - purged_at > PURGE_EVERY_SECONDS:
            purged_at = time.monotonic()
            await _purge_idempotency_keys(database)
        try:
            sent = await deliver_due(
                uow=SqlUnitOfWork(database, None, admin=True),
                sender=sender,
                clock=clock,
                batch_size=batch_size,
            )
        except Exception:  # a database hiccup must not end the worker
            logger.exception("webhook delivery batch failed")
            sent = 0
        if not sent:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), idle_seconds)
