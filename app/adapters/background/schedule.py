"""The background loop, run inside each API process (`mentoring serve`) and by `mentoring
worker`. Webhook deliveries and queued matching runs are shared through `FOR UPDATE SKIP
LOCKED`, so any number of loops may deliver and compute (among `serve`'s processes, the one
that leads; every `mentoring worker`); the scheduled jobs (deadlines, purges) and the audit
sealer run only in the one process that holds the scheduler lock (see `leader.Leadership`),
so N processes run them once.

Stopping (`stop.set()`) lets the step in hand finish and record what it did.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.adapters.background import jobs
from app.adapters.background.leader import Leadership
from app.adapters.db import audit_seals
from app.adapters.db.database import Database
from app.services.integrations.ports import WebhookSender

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Schedule:
    batch_size: int = 20
    idle_seconds: float = 1.0  # poll interval when no delivery or matching run is due
    tick_every_seconds: float = 60.0  # deadlines are dates: a minute is prompt
    purge_every_seconds: float = 600.0
    lead_check_seconds: float = 5.0  # how soon a peer takes over from a holder that died
    deliver_without_lead: bool = False  # a `mentoring worker` delivers whether it leads or not


class _Every:
    """A job due every `seconds`, first at once."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._last: float | None = None

    def due(self) -> bool:
        now = time.monotonic()
        if self._last is not None and now - self._last < self._seconds:
            return False
        self._last = now
        return True


async def _step(name: str, job: Callable[[], Awaitable[int]]) -> int:
    """Run one job; a failure (a database hiccup, a bug) is logged, never ends the loop."""
    try:
        done = await job()
    except Exception:
        logger.exception("background job %s failed", name)
        return 0
    if done:
        logger.info("background job %s did %d", name, done, extra={"job": name, "count": done})
    return done


async def run_background(
    database: Database,
    sender: WebhookSender,
    *,
    leadership: Leadership | None,
    stop: asyncio.Event,
    schedule: Schedule = Schedule(),
) -> None:
    """Work until `stop` is set. Without a `leadership`, this loop leads (one process only)."""
    lead_check, tick, purge = (
        _Every(schedule.lead_check_seconds),
        _Every(schedule.tick_every_seconds),
        _Every(schedule.purge_every_seconds),
    )
    leading = leadership is None
    while not stop.is_set():
        if leadership is not None and lead_check.due():
            leading = await leadership.held()
        if leading and tick.due():
            await _step("deadlines", lambda: jobs.announce_deadlines(database))
        if leading and purge.due():
            await _step("purge", lambda: jobs.purge_idempotency_keys(database))
        busy = 0
        if leading or schedule.deliver_without_lead:
            busy = await _step(
                "webhooks", lambda: jobs.deliver_webhooks(database, sender, schedule.batch_size)
            )
            # One run a turn, so deliveries (its own `matching_run.computed` too) go out between.
            busy += await _step("matching runs", lambda: jobs.compute_matching_run(database))
        if leading:  # a turn's records in one seal; another turn at once only if more wait
            sealed = await _step("audit seals", lambda: jobs.seal_audit_records(database))
            busy += sealed >= audit_seals.BATCH
        if not busy:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), schedule.idle_seconds)
