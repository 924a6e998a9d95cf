"""POST /v1/employees/import: bulk upsert that keeps good rows and reports bad ones."""

from __future__ import annotations

import json

import httpx

from app.api.rest.streamed_json import PIECE_BYTES
from tests.factories import employee_row


async def _import(client: httpx.AsyncClient, headers: dict[str, str], rows: list[dict]) -> dict:
    response = await client.post("/v1/employees/import", json={"employees": rows}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def _by_number(client: httpx.AsyncClient, headers: dict[str, str], number: str) -> dict:
    response = await client.get(
        "/v1/employees", params={"employee_number": number}, headers=headers
    )
    [item] = response.json()["items"]
    return item


async def test_import_creates_then_updates_then_leaves_unchanged(client, auth):
    rows = [employee_row("E1"), employee_row("E2")]
    assert await _import(client, await auth(), rows) == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }
    rows[1]["job_title"] = "Analyst"
    assert await _import(client, await auth(), rows) == {
        "created": 0,
        "updated": 1,
        "unchanged": 1,
        "errors": [],
    }
    assert (await _by_number(client, await auth(), "E2"))["job_title"] == "Analyst"


async def test_manager_later_in_the_same_batch_is_linked(client, auth):
    await _import(
        client,
        await auth(),
        [employee_row("E2", manager_employee_number="E1"), employee_row("E1", level=7)],
    )
    boss, report = (
        await _by_number(client, await auth(), "E1"),
        await _by_number(client, await auth(), "E2"),
    )
    assert report["manager_id"] == boss["id"]


async def test_manager_not_yet_imported_is_linked_when_they_arrive(client, auth):
    await _import(client, await auth(), [employee_row("E2", manager_employee_number="E9")])
    assert (await _by_number(client, await auth(), "E2"))["manager_id"] is None
    await _import(client, await auth(), [employee_row("E9", level=8)])
    boss = await _by_number(client, await auth(), "E9")
    assert (await _by_number(client, await auth(), "E2"))["manager_id"] == boss["id"]


async def test_one_bad_row_is_reported_and_the_good_rows_are_kept(client, auth):
    result = await _import(
        client,
        await auth(),
        [employee_row("E1"), employee_row("E2", level="senior"), employee_row("E3")],
    )
    assert (result["created"], result["updated"]) == (2, 0)
    assert result["errors"] == [
        {
            "row": 2,
            "employee_number": "E2",
            "field": "level",
            "reason": result["errors"][0]["reason"],
        }
    ]
    assert "integer" in result["errors"][0]["reason"]


async def test_unknown_fields_are_refused_not_dropped(client, auth):
    result = await _import(client, await auth(), [employee_row("E1", salary=100000)])
    assert result["created"] == 0
    assert result["errors"][0]["field"] == "salary"
    assert result["errors"][0]["reason"] == "unknown field"


async def test_missing_fields_are_named(client, auth):
    row = employee_row("E1")
    del row["department"], row["level"]
    result = await _import(client, await auth(), [row])
    assert sorted(e["field"] for e in result["errors"]) == ["department", "level"]


async def test_duplicate_employee_numbers_in_one_batch_are_all_refused(client, auth):
    result = await _import(
        client,
        await auth(),
        [employee_row("E1"), employee_row("E1", given_name="Other"), employee_row("E2")],
    )
    assert result["created"] == 1
    assert [(e["row"], e["field"]) for e in result["errors"]] == [
        (1, "employee_number"),
        (2, "employee_number"),
    ]
    assert "rows 1, 2" in result["errors"][0]["reason"]


async def test_manager_cycle_is_reported_on_the_row_that_closes_it(client, auth):
    await _import(
        client, await auth(), [employee_row("A"), employee_row("B", manager_employee_number="A")]
    )
    result = await _import(client, await auth(), [employee_row("A", manager_employee_number="B")])
    assert result["updated"] == 0
    [error] = result["errors"]
    assert error["field"] == "manager_employee_number"
    assert "cycle" in error["reason"]
    assert (await _by_number(client, await auth(), "A"))["manager_employee_number"] is None


async def test_own_manager_is_a_cycle(client, auth):
    result = await _import(client, await auth(), [employee_row("A", manager_employee_number="A")])
    assert result["created"] == 0
    assert result["errors"][0]["field"] == "manager_employee_number"


async def test_unknown_top_level_field_is_a_422_problem(client, auth):
    response = await client.post(
        "/v1/employees/import", json={"employees": [], "mode": "replace"}, headers=await auth()
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/problems/validation-error"
    assert body["errors"] == [{"field": "mode", "location": "body", "reason": "unknown field"}]


async def test_employees_of_another_organisation_are_invisible(client, auth, other_org):
    await _import(client, await auth(), [employee_row("E1")])
    mine = await _by_number(client, await auth(), "E1")
    response = await client.get(
        f"/v1/employees/{mine['id']}", headers=await auth(organization=other_org)
    )
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    listing = await client.get("/v1/employees", headers=await auth(organization=other_org))
    assert listing.json()["items"] == []


async def test_the_same_employee_number_in_two_organisations_is_two_people(client, auth, other_org):
    await _import(client, await auth(), [employee_row("E1", given_name="Mine")])
    await _import(
        client, await auth(organization=other_org), [employee_row("E1", given_name="Theirs")]
    )
    assert (await _by_number(client, await auth(), "E1"))["given_name"] == "Mine"


async def test_each_created_or_changed_employee_is_announced_once(client, auth, connection):
    headers = await auth()
    await _import(client, headers, [employee_row("E1"), employee_row("E2")])
    await _import(client, headers, [employee_row("E1", job_title="Chief"), employee_row("E2")])
    events = await connection.fetch(
        "SELECT event_type, payload->>'employee_number' AS number FROM outbox_events "
        "WHERE event_type LIKE 'employee.%' ORDER BY id"
    )
    assert [(e["event_type"], e["number"]) for e in events] == [
        ("employee.created", "E1"),
        ("employee.created", "E2"),
        ("employee.updated", "E1"),
    ]


async def test_a_body_of_many_pieces_keeps_every_good_row_and_numbers_every_bad_one(client, auth):
    # The body is read half a megabyte at a time; rows cut across pieces, a name in a script
    # of several bytes a character, and bad rows in later pieces keep their place in the batch.
    rows = [
        employee_row(f"E{n:05}", given_name="Zoë " + "ü" * 150, manager_employee_number=None)
        for n in range(4_000)
    ]
    bad = [0, 1_999, 3_999]
    for n in bad:
        rows[n]["level"] = "senior"
    body = json.dumps({"employees": rows}, ensure_ascii=False).encode()
    assert len(body) > 3 * PIECE_BYTES
    response = await client.post(
        "/v1/employees/import",
        content=body,
        headers={**await auth(), "content-type": "application/json", "Idempotency-Key": "big-1"},
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["created"] == len(rows) - len(bad)
    assert [(e["row"], e["field"]) for e in report["errors"]] == [(n + 1, "level") for n in bad]
    assert (await _by_number(client, await auth(), "E02000"))["given_name"] == rows[2000][
        "given_name"
    ]


async def test_a_malformed_body_is_a_422_problem_naming_where(client, auth):
    response = await client.post(
        "/v1/employees/import",
        content=b'{"employees": [{"employee_number": "E1",}]}',
        headers={**await auth(), "content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["reason"] == "JSON decode error"
