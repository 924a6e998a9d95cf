"""The delivery worker: killed in the middle of a batch, it loses nothing; several workers
share the queue; every delivery carries a Standard Webhooks signature."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from typing import IO

import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.outbound_urls import OutboundPolicy
from app.services import organizations
from app.services.integrations import webhooks
from tests.integrations.receiver import Receiver

EVENTS = 60


async def _wait(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def _worker(url: str, log: IO[bytes] | None = None) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "1"}
    command = [sys.executable, "-c", "from app.cli import main; main()", "worker"]
    return subprocess.Popen(
        [*command, "--batch-size", "10", "--idle-seconds", "0.1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )


async def _organisation_with_events(
    database: Database, receiver_url: str
) -> tuple[uuid.UUID, str, set]:
    org = await organizations.create_organization(
        uow=SqlUnitOfWork(database, None), name="Hooks", slug="hooks-" + uuid.uuid4().hex[:8]
    )
    admin = Principal(org.id, Role.ORG_ADMIN, "setup")
    issued = await webhooks.create_webhook_endpoint(
        uow=SqlUnitOfWork(database, org.id),
        principal=admin,
        clock=SystemClock(),
        url=receiver_url,
        event_types=["employee.updated"],
        outbound=OutboundPolicy(require_https=False, allow_private_addresses=True),
    )
    event_ids = set()
    for n in range(EVENTS):
        async with SqlUnitOfWork(database, org.id) as uow:
            facts = {"employee_id": str(n), "employee_number": f"E{n}"}
            facts["employment_status"] = "active"
            event_ids.add(str(await uow.outbox.emit("employee.updated", facts)))
            await uow.outbox.emit("employee.created", facts)  # not subscribed
            await uow.commit()
    return org.id, issued.secret, event_ids


async def _delivery_states(database: Database, org_id: uuid.UUID) -> dict[str, int]:
    """How many of the organisation's deliveries are in each state."""
    async with database.connect() as connection, connection.transaction():
        await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org_id))
        rows = await connection.fetch(
            "SELECT state, count(*) FROM webhook_deliveries GROUP BY state"
        )
    return dict(rows)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
async def test_a_worker_killed_mid_batch_loses_no_event(app_url, migrated_url):
    database = Database(app_url, pool_size=2)
    await database.open()
    receiver = Receiver(delay=0.3)
    try:
        with receiver:
            org_id, receiver.secret, event_ids = await _organisation_with_events(
                database, receiver.url
            )
            first = _worker(migrated_url)
            await _wait(lambda: len(receiver.started) >= 15, 60)  # inside the second batch
            first.send_signal(signal.SIGKILL)
            first.wait()
            survivors = [_worker(migrated_url), _worker(migrated_url)]
            try:
                await _wait(lambda: {v["id"] for v in receiver.verified} >= event_ids, 60)
                # The killed worker's last sends may have reached the receiver before it could
                # record them; their claims rolled back, so the survivors send them again.
                for _ in range(1200):
                    if await _delivery_states(database, org_id) == {"delivered": EVENTS}:
                        break
                    await asyncio.sleep(0.05)
            finally:
                for worker in survivors:
                    worker.terminate()
                    worker.wait()
        assert receiver.refused == 0
        assert {v["id"] for v in receiver.verified} == event_ids  # nothing unsubscribed
        assert {v["type"] for v in receiver.verified} == {"employee.updated"}
        assert await _delivery_states(database, org_id) == {"delivered": EVENTS}
    finally:
        await database.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
async def test_a_stopped_worker_finishes_and_records_its_batch(app_url, migrated_url):
    """SIGTERM in the middle of a batch: the batch is delivered and recorded, then the worker
    exits 0. The rest stay pending for the next worker, and nothing is sent twice."""
    database = Database(app_url, pool_size=2)
    await database.open()
    receiver = Receiver(delay=0.3)
    try:
        with receiver:
            org_id, receiver.secret, event_ids = await _organisation_with_events(
                database, receiver.url
            )
            with tempfile.TemporaryFile() as log:
                worker = _worker(migrated_url, log)
                await _wait(lambda: len(receiver.started) >= 5, 60)  # inside the first batch
                worker.terminate()
                assert worker.wait(timeout=30) == 0
                log.seek(0)
                lines = [json.loads(x) for x in log.read().splitlines() if x.startswith(b"{")]
        states = await _delivery_states(database, org_id)
        delivered = [v["id"] for v in receiver.verified]
        assert len(delivered) == len(set(delivered)) == states["delivered"] >= 10
        assert states == {"delivered": states["delivered"], "pending": EVENTS - len(delivered)}
        assert set(delivered) <= event_ids
        # Its log says it started, what it delivered, and that it stopped.
        said = [line["message"] for line in lines]
        assert (said[0], said[-1]) == ("worker started", "worker stopped")
        reported = sum(line["count"] for line in lines if line.get("job") == "webhooks")
        assert reported == len(delivered)
    finally:
        await database.close()
