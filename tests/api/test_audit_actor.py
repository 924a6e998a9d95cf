"""The audit log names who acted: the person behind a token or sign-in bound to an employee,
whichever token they used; a service's token (an integration's) by the token itself
(issue 4: "with who, what, when and why"; issue 22 item 9: records name the person)."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.rest.program_helpers import directory


async def _events(client, admin, action: str) -> list[dict]:
    items = (await client.get("/v1/audit-events", headers=admin)).json()["items"]
    return [e for e in items if e["action"] == action]


async def test_a_coordinators_audit_events_name_the_employee_not_the_token(client, auth):
    admin = await auth()
    ids = await directory(client, admin)
    for _ in range(2):  # two tokens of one person: one actor
        coordinator = await auth(role=Role.COORDINATOR, employee_id=ids["D1"])
        made = await client.post(
            "/v1/programs", headers=coordinator, json={"name": "Leaders", "preset": "nc-model"}
        )
        assert made.status_code == 201, made.text
    events = await _events(client, admin, "program.created")
    assert [(e["actor"], e["actor_role"]) for e in events] == [
        (f"employee:{ids['D1']}", "coordinator")
    ] * 2


async def test_an_integration_tokens_audit_events_name_the_token(client, auth):
    admin = await auth()
    await directory(client, await auth(role=Role.INTEGRATION))
    tokens = (await client.get("/v1/api-tokens", headers=admin)).json()["items"]
    (integration,) = [t["id"] for t in tokens if t["role"] == "integration"]
    (event,) = await _events(client, admin, "employees.imported")
    assert (event["actor"], event["actor_role"]) == (f"token:{integration}", "integration")
