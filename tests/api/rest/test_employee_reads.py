"""GET /v1/employees and /v1/employees/{id}."""

from __future__ import annotations

import uuid

from tests.factories import employee_row


async def test_read_one_employee_by_the_services_id(client, auth):
    await client.post(
        "/v1/employees/import",
        headers=await auth(),
        json={
            "employees": [employee_row("E1", attributes={"badge": "x1"}, hire_date="2019-03-31")]
        },
    )
    [listed] = (await client.get("/v1/employees", headers=await auth())).json()["items"]
    response = await client.get(f"/v1/employees/{listed['id']}", headers=await auth())
    assert response.status_code == 200
    body = response.json()
    assert body == listed
    assert (body["hire_date"], body["attributes"]) == ("2019-03-31", {"badge": "x1"})


async def test_pages_follow_the_cursor_to_the_end(client, auth):
    rows = [employee_row(f"E{n:03}") for n in range(7)]
    await client.post("/v1/employees/import", headers=await auth(), json={"employees": rows})
    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/v1/employees", params=params, headers=await auth())).json()
        seen += [e["employee_number"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [r["employee_number"] for r in rows]


async def test_filter_by_department(client, auth):
    await client.post(
        "/v1/employees/import",
        headers=await auth(),
        json={
            "employees": [
                employee_row("E1", department="Fire"),
                employee_row("E2", department="Water"),
            ]
        },
    )
    page = (
        await client.get("/v1/employees", params={"department": "Water"}, headers=await auth())
    ).json()
    assert [e["employee_number"] for e in page["items"]] == ["E2"]


async def test_unknown_id_is_404_and_a_malformed_one_is_422(client, auth):
    missing = await client.get(f"/v1/employees/{uuid.uuid4()}", headers=await auth())
    assert (missing.status_code, missing.json()["type"]) == (404, "/problems/not-found")
    malformed = await client.get("/v1/employees/not-a-uuid", headers=await auth())
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "employee_id"


async def test_a_forged_cursor_is_refused_with_the_field_named(client, auth):
    response = await client.get("/v1/employees", params={"cursor": "%%%"}, headers=await auth())
    assert response.status_code == 422
    assert response.json()["field"] == "cursor"


async def test_limit_out_of_range_names_the_field(client, auth):
    response = await client.get("/v1/employees", params={"limit": 1000}, headers=await auth())
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "limit"
