"""The audit log is chained: a record the application role inserts around the service (no
key) breaks the chain at that record, and `mentoring audit verify` reports it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.adapters.db.audit_chain import chain_key, verify

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
