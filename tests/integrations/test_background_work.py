"""Background work: inside `mentoring serve` by default, once across its processes (issue 24).

The served test starts the server exactly as `make run` does and registers and pings a
webhook endpoint over HTTP: the delivery arrives with no other command running.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import asyncpg
import httpx
import pytest

from app.adapters.background import jobs
from app.adapters.background.leader import Leadership
from app.adapters.db.database import BoundDatabase
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services import organizations
from app.services.ports import Organization
from tests.api.test_graceful_shutdown import _free_port, _wait_until_up
from tests.integrations.receiver import Receiver
from tests.served import committed_admin_token, serve

HANG_GUARD_SECONDS = 60.0  # only against a hang; never an assertion about speed


async def _store_key(connection: asyncpg.Connection, org: Organization, key: str, age: timedelta):
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
    await connection.execute(
        "INSERT INTO idempotency_keys (organization_id, key, fingerprint, status, headers, body,"
        " created_at) VALUES ($1, $2, '\\x00', 201, '[]', '', now() - $3::interval)",
        org.id,
        key,
        age,
    )


async def _keys(connection: asyncpg.Connection, org: Organization) -> set[str]:
    rows = await connection.fetch(
        "SELECT key FROM idempotency_keys WHERE organization_id = $1", org.id
    )
    return {r["key"] for r in rows}


@pytest.fixture
async def owner_database(migrated_url: str) -> AsyncIterator[BoundDatabase]:
    """The background jobs connect as the schema owner (they cross organisations); here
    inside a transaction the test rolls back."""
    connection = await asyncpg.connect(to_dsn(migrated_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        database = BoundDatabase(connection)
        await database.open()
        yield database
    finally:
        await transaction.rollback()
        await connection.close()


async def test_the_purge_forgets_keys_older_than_a_day_and_keeps_newer_ones(
    owner_database: BoundDatabase,
):
    org = await organizations.create_organization(
        uow=SqlUnitOfWork(owner_database, None), name="Keys", slug="keys-" + uuid.uuid4().hex[:8]
    )
    async with owner_database.connect() as connection:
        await _store_key(connection, org, "two-days-old", timedelta(days=2))
        await _store_key(connection, org, "a-day-and-a-minute-old", timedelta(days=1, minutes=1))
        await _store_key(connection, org, "an-hour-old", timedelta(hours=1))
        await _store_key(connection, org, "just-now", timedelta(0))

    purged = await jobs.purge_idempotency_keys(owner_database)

    assert purged >= 2  # other organisations' old keys may go too: the purge is global
    async with owner_database.connect() as connection:
        assert await _keys(connection, org) == {"an-hour-old", "just-now"}


async def test_one_process_holds_the_scheduler_lock_and_a_peer_takes_over(migrated_url: str):
    first, second = Leadership(migrated_url), Leadership(migrated_url)
    try:
        assert await first.held()
        assert not await second.held()
        assert await first.held()  # asking again keeps it
        await first.release()
        assert await second.held()
        assert not await first.held()
    finally:
        await first.release()
        await second.release()


@pytest.fixture
async def committed_org_token(migrated_url: str) -> str:
    return await committed_admin_token(migrated_url, "served")


async def test_a_served_process_delivers_a_ping_with_no_other_command(
    migrated_url: str, committed_org_token: str, tmp_path
):
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": migrated_url,
        "WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "1",
        "RATE_LIMIT": "",  # two processes would each count alone: serve refuses that
    }
    log = tmp_path / "serve.log"
    server = serve(["--port", str(port), "--workers", "2"], env, log)
    receiver = Receiver()
    try:
        _wait_until_up(port, server, log)
        headers = {"Authorization": f"Bearer {committed_org_token}"}
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            created = await client.post(
                "/v1/webhook-endpoints",
                json={"url": receiver.url, "event_types": ["employee.updated"]},
                headers=headers,
            )
            assert created.status_code == 201, created.text
            receiver.secret = created.json()["secret"]
            with receiver:
                pinged = await client.post(
                    f"/v1/webhook-endpoints/{created.json()['id']}/ping", headers=headers
                )
                assert pinged.status_code == 202, pinged.text
                event_id = pinged.json()["event_id"]
                deadline = time.monotonic() + HANG_GUARD_SECONDS
                while not any(v["id"] == event_id for v in receiver.verified):
                    assert time.monotonic() < deadline, log.read_text(errors="replace")[-4000:]
                    await asyncio.sleep(0.05)
        assert [v["type"] for v in receiver.verified] == ["webhook.ping"]
        assert receiver.refused == 0
    finally:
        server.terminate()
        assert server.wait(timeout=HANG_GUARD_SECONDS) == 0
