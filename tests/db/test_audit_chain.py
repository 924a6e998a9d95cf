"""The audit log is tamper-evident: a record the application role inserts around the service
(no key) does not verify, a sealed record removed or a record left unsealed is named, and
`mentoring audit verify` reports each. One organisation's writers do not wait for each other."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import asyncpg
import pytest

from app.adapters.db.audit_chain import chain_key, verify
from app.adapters.db.audit_seals import seal_pending
from app.adapters.db.database import Database
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import AuditEvent, Principal, Role
from app.services import organizations

HOOK = {"url": "https://hr.example.org/hooks", "event_types": ["*"]}
FORGE = """INSERT INTO audit_events (organization_id, actor, actor_role, action, resource_type,
  details, chain_hash) VALUES ($1, 'token:forged', 'org_admin', 'api_token.revoked',
  'api_token', '{}'::jsonb, $2)"""


async def _audited_writes(client, headers) -> None:
    for _ in range(3):
        assert (await client.post("/v1/webhook-endpoints", headers=headers, json=HOOK)).is_success


async def _use_tenant(connection, org) -> None:
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))


async def test_records_the_service_writes_verify(client, auth, connection, org):
    await _audited_writes(client, await auth())
    await _use_tenant(connection, org)
    result = await verify(connection, chain_key())
    assert result.records >= 3
    assert result.breaks == []


async def test_a_record_inserted_around_the_service_breaks_the_chain_there(
    client, auth, connection, org
):
    headers = await auth()
    await _audited_writes(client, headers)
    await _use_tenant(connection, org)
    for guess in (None, "0" * 64):  # no hash, or one made up without the key
        await connection.execute(FORGE, org.id, guess)
    forged = await connection.fetch(
        "SELECT id FROM audit_events WHERE actor = 'token:forged' ORDER BY id"
    )
    await _audited_writes(client, headers)  # genuine records go on after the forged ones
    result = await verify(connection, chain_key())
    assert [(o, i) for o, i, _ in result.breaks] == [(org.id, r["id"]) for r in forged]


def test_the_verify_command_reports_a_clean_chain(migrated_url):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mentoring"), "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DATABASE_URL": migrated_url},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 breaks" in result.stdout


_COPY = """INSERT INTO audit_events (organization_id, actor, actor_role, action, resource_type,
  resource_id, reason, request_id, details, record_mac)
SELECT organization_id, actor, actor_role, action, resource_type, resource_id, reason,
  request_id, details, {mac} FROM audit_events WHERE id = $1 RETURNING id"""


async def test_a_copy_of_a_genuine_record_is_refused_or_named(client, auth, connection, org):
    await _audited_writes(client, await auth())
    await _use_tenant(connection, org)
    genuine = await connection.fetchval("SELECT max(id) FROM audit_events")
    with pytest.raises(asyncpg.UniqueViolationError):  # its MAC, salt and all
        async with connection.transaction():
            await connection.fetchval(_COPY.format(mac="record_mac"), genuine)
    # Another salt makes the MAC unique, and wrong.
    copied = await connection.fetchval(
        _COPY.format(mac="'0000:' || split_part(record_mac, ':', 2)"), genuine
    )
    result = await verify(connection, chain_key())
    assert result.breaks == [(org.id, copied, "record does not verify")]


async def test_a_record_not_sealed_in_time_is_named(client, auth, connection, org):
    await _audited_writes(client, await auth())
    await _use_tenant(connection, org)
    assert (await verify(connection, chain_key())).unsealed >= 3  # the sealer's turn to come
    late = await verify(connection, chain_key(), grace=timedelta(0))
    assert late.unsealed == 0
    assert {why for _, _, why in late.breaks} == {"left unsealed"}


async def test_the_application_role_cannot_seal_or_unqueue(client, auth, connection, org):
    await _audited_writes(client, await auth())
    await _use_tenant(connection, org)
    for statement in (
        "DELETE FROM audit_unsealed",
        "INSERT INTO audit_seals (organization_id, event_ids, record_macs, chain_hash) "
        "VALUES (app_current_org(), '{}', '{}', 'x')",
    ):
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            async with connection.transaction():
                await connection.execute(statement)


def _admin(org_id) -> Principal:
    return Principal(org_id, Role.ORG_ADMIN, "sealing@test")


async def _record(database: Database, org_id, action: str) -> None:
    async with SqlUnitOfWork(database, org_id) as uow:
        await uow.access.record(AuditEvent.by(_admin(org_id), action, "thing"))
        await uow.commit()


@pytest.fixture
async def committed(app_url, migrated_url):
    """An organisation with three committed audit records (outside the test's transaction,
    which the sealer, another role on another connection, could not see), and the owner."""
    database = Database(app_url, pool_size=3)
    await database.open()
    owner = await asyncpg.connect(to_dsn(migrated_url))
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None), name="Seal", slug="seal-" + uuid.uuid4().hex[:8]
        )
        for n in range(3):
            await _record(database, org.id, f"sealing.{n}")
        yield database, owner, org
    finally:
        await owner.close()
        await database.close()


# Records of one organisation that its seals list (other tests' organisations share the
# database, and their records may be sealed or not by the time this runs).
_LISTED = "SELECT count(*) FROM audit_seals, unnest(event_ids) WHERE organization_id = $1"


def _of(organization, breaks):
    return [b for b in breaks if b[0] == organization]


async def test_sealed_records_verify_and_one_removed_is_named(committed):
    _, owner, org = committed
    sealed_now = 0
    while taken := await seal_pending(owner, chain_key()):  # earlier tests' records too
        sealed_now += taken
    assert sealed_now >= 3
    removal = owner.transaction()  # rolled back: the removal is undone
    await removal.start()
    try:
        await owner.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
        sealed = await verify(owner, chain_key())  # a superuser owner sees every tenant
        assert _of(org.id, sealed.breaks) == []
        listed = await owner.fetchval(_LISTED, org.id)
        assert listed == 3
        # The owner can do what the application role cannot: switch the trigger off.
        await owner.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
        removed = await owner.fetchval(
            "DELETE FROM audit_events WHERE action = 'sealing.1' RETURNING id"
        )
        after = await verify(owner, chain_key())
        assert _of(org.id, after.breaks) == [(org.id, removed, "sealed record missing")]
    finally:
        await removal.rollback()


async def test_writers_of_one_organisation_do_not_wait_for_each_other(committed):
    database, _, org = committed
    async with SqlUnitOfWork(database, org.id) as first:
        await first.access.record(AuditEvent.by(_admin(org.id), "sealing.first", "thing"))
        await first._trail.write()  # written, not committed: the chain's head used to be held
        # Before sealing, this second writer waited for the first's commit: here, forever.
        await asyncio.wait_for(_record(database, org.id, "sealing.second"), timeout=60)
        await first.commit()


async def _drain(owner) -> None:
    """Seal earlier tests' records until the queue is empty: a record another session still
    holds (a sealer mid-batch, a clean-up not yet committed) is skipped by a sealer now and
    taken by the next one, so wait for it rather than leave it to a test's own sealers."""
    for _ in range(600):
        while await seal_pending(owner, chain_key()):
            pass
        if not await owner.fetchval("SELECT count(*) FROM audit_unsealed"):
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the sealing queue never emptied: " + await _sessions(owner))


async def _sessions(owner) -> str:
    rows = await owner.fetch(
        "SELECT pid, state, wait_event_type, left(query, 60) AS query FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    return "; ".join(str(dict(r)) for r in rows)


async def test_a_batch_is_sealed_in_four_round_trips_however_many_organisations_it_spans(
    committed,
):
    # The transaction with its admin setting, the queue taken with the heads, the seals, the
    # commit: not two more for each organisation.
    from tests.api.graphql.test_efficiency import CountingConnection

    database, owner, org = committed
    await _drain(owner)
    other = await organizations.create_organization(
        uow=SqlUnitOfWork(database, None), name="Seal", slug="seal-" + uuid.uuid4().hex[:8]
    )
    for organization in (org, other, org, other):
        await _record(database, organization.id, "sealing.batch")
    counting = CountingConnection(owner)
    assert await seal_pending(counting, chain_key()) >= 4
    assert counting.statements == 4
    assert await owner.fetchval(_LISTED, other.id) == 2
    result = await verify(owner, chain_key())
    assert _of(org.id, result.breaks) == _of(other.id, result.breaks) == []


async def test_two_sealers_of_one_organisation_take_turns_and_its_chain_does_not_fork(
    committed, migrated_url
):
    # Both take their records and then wait for the organisation's chain, each having read
    # its head before the wait: the second to write finds the head moved and seals after it.
    database, owner, org = committed
    await _drain(owner)
    for n in range(4):
        await _record(database, org.id, f"sealing.turn-{n}")
    key = f"audit_seal:{org.id}"
    sealers = [await asyncpg.connect(to_dsn(migrated_url)) for _ in range(2)]
    try:
        await owner.execute("SELECT pg_advisory_lock(hashtextextended($1, 0))", key)
        turns: list[asyncio.Task[int]] = []
        for sealer in sealers:  # one after the other, each holding its records at the chain
            turns.append(asyncio.create_task(seal_pending(sealer, chain_key(), batch=2)))
            await _until_waiting(owner, [s.get_server_pid() for s in sealers[: len(turns)]])
        await owner.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))", key)
        assert await asyncio.gather(*turns) == [2, 2]
    finally:
        for sealer in sealers:
            await sealer.close()
    assert await owner.fetchval(_LISTED, org.id) == 7
    assert _of(org.id, (await verify(owner, chain_key())).breaks) == []


_WAITING = """SELECT count(*) FROM pg_locks
WHERE locktype = 'advisory' AND NOT granted AND pid = ANY($1::int[])"""


async def _until_waiting(connection, sessions: list[int]) -> None:
    """Until each of `sessions` waits for an advisory lock (both sealers at the chain)."""
    for _ in range(600):
        if await connection.fetchval(_WAITING, sessions) == len(sessions):
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the sealers never reached the chain: " + await _sessions(connection))
