"""The audit log is append-only for the application, and records facts, not content."""

from __future__ import annotations

import asyncpg
import pytest

from app.domain.access import Role
from tests.factories import employee_row


async def test_an_import_is_audited_with_who_what_and_counts(client, auth, connection):
    headers = await auth(role=Role.INTEGRATION)
    await client.post(
        "/v1/employees/import",
        headers=headers,
        json={"employees": [employee_row("E1"), employee_row("E2", level="x")]},
    )
    events = (await client.get("/v1/audit-events", headers=await auth())).json()["items"]
    imported = next(e for e in events if e["action"] == "employees.imported")
    assert imported["actor_role"] == "integration"
    assert imported["details"] == {"created": 1, "updated": 0, "unchanged": 0, "refused": 1}
    assert imported["request_id"]
    assert "Given" not in str(imported)  # no personal data copied into the log


async def test_the_application_role_cannot_update_or_delete_audit_events(client, auth, connection):
    await auth()  # minting a token writes an audit event
    for statement in ("UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"):
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            async with connection.transaction():
                await connection.execute(statement)


async def test_audit_events_are_for_administrators_only(client, auth):
    response = await client.get("/v1/audit-events", headers=await auth(role=Role.COORDINATOR))
    assert response.status_code == 403
    assert response.json()["type"] == "/problems/not-permitted"
