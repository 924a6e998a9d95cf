"""What each role may see and do in the directory; 403 for a function a role lacks,
404 for an object outside the caller's reach."""

from __future__ import annotations

from app.domain.access import Role
from tests.factories import employee_row


async def _tree(client, auth) -> dict[str, str]:
    rows = [
        employee_row("BOSS", level=9),
        employee_row("MID", manager_employee_number="BOSS"),
        employee_row("LOW", manager_employee_number="MID"),
        employee_row("OTHER"),
    ]
    await client.post("/v1/employees/import", headers=await auth(), json={"employees": rows})
    items = (await client.get("/v1/employees", headers=await auth())).json()["items"]
    return {e["employee_number"]: e["id"] for e in items}


async def test_a_participant_sees_only_themselves(client, auth):
    ids = await _tree(client, auth)
    me = await auth(role=Role.PARTICIPANT, employee_id=ids["LOW"])
    listed = (await client.get("/v1/employees", headers=me)).json()["items"]
    assert [e["employee_number"] for e in listed] == ["LOW"]
    assert (await client.get(f"/v1/employees/{ids['MID']}", headers=me)).status_code == 404


async def test_a_supervisor_sees_their_whole_chain_below_and_no_one_else(client, auth):
    ids = await _tree(client, auth)
    boss = await auth(role=Role.SUPERVISOR, employee_id=ids["BOSS"])
    listed = (await client.get("/v1/employees", headers=boss)).json()["items"]
    assert sorted(e["employee_number"] for e in listed) == ["BOSS", "LOW", "MID"]
    assert (await client.get(f"/v1/employees/{ids['OTHER']}", headers=boss)).status_code == 404


async def test_a_coordinator_may_read_but_not_import(client, auth):
    coordinator = await auth(role=Role.COORDINATOR)
    assert (await client.get("/v1/employees", headers=coordinator)).status_code == 200
    response = await client.post(
        "/v1/employees/import", headers=coordinator, json={"employees": [employee_row("E1")]}
    )
    assert response.status_code == 403
    assert response.json()["rule"] == "employees:write"


async def test_a_participant_token_needs_an_employee(client, auth):
    response = await client.post(
        "/v1/api-tokens", headers=await auth(), json={"name": "x", "role": "participant"}
    )
    assert (response.status_code, response.json()["field"]) == (422, "employee_id")


async def test_mass_assignment_is_refused_and_changes_nothing(client, auth):
    admin = await auth()
    before = await client.get("/v1/api-tokens", headers=admin)
    response = await client.post(
        "/v1/api-tokens",
        headers=admin,
        json={
            "name": "sneaky",
            "role": "integration",
            "organization_id": "00000000-0000-0000-0000-000000000000",
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "organization_id",
        "location": "body",
        "reason": "unknown field",
    }
    assert (await client.get("/v1/api-tokens", headers=admin)).json() == before.json()
