"""ETags on single-resource reads: a client can revalidate instead of downloading again."""

from __future__ import annotations

from tests.factories import employee_row


async def _employee(client, admin) -> str:
    await client.post(
        "/v1/employees/import", headers=admin, json={"employees": [employee_row("E-1")]}
    )
    return (await client.get("/v1/employees", headers=admin)).json()["items"][0]["id"]


async def test_an_employee_read_carries_an_etag_that_changes_with_the_employee(client, auth):
    admin = await auth()
    employee_id = await _employee(client, admin)
    first = await client.get(f"/v1/employees/{employee_id}", headers=admin)
    unchanged = await client.get(
        f"/v1/employees/{employee_id}",
        headers={**admin, "If-None-Match": first.headers["etag"]},
    )
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    await client.post(
        "/v1/employees/import",
        headers=admin,
        json={"employees": [employee_row("E-1", job_title="Analyst")]},
    )
    changed = await client.get(
        f"/v1/employees/{employee_id}",
        headers={**admin, "If-None-Match": first.headers["etag"]},
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] != first.headers["etag"]


async def test_a_not_found_has_no_etag(client, auth):
    missing = await client.get(
        "/v1/employees/00000000-0000-0000-0000-000000000000", headers=await auth()
    )
    assert missing.status_code == 404
    assert "etag" not in missing.headers
