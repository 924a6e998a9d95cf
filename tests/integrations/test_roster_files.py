"""Roster files: HR uploads CSV or XLSX with its own column names; exports are plain CSV."""

from __future__ import annotations

import base64
import csv
import io
import json

from openpyxl import Workbook, load_workbook

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.spreadsheets import SpreadsheetFiles
from app.domain.access import Principal, Role
from app.services.integrations.roster_files import import_roster_file

HR_CSV = (
    "Emp No;First;Last;Grade;Dept;Cost Centre;hire_date\n"
    "A-1;Ada;Lovelace;7;Engineering;CC1;2019-03-01\n"
    "A-2;Alan;Turing;not-a-level;Engineering;CC2;2020-01-01\n"
    "A-3;Grace;Hopper;9;Navy;CC3;\n"
)
MAPPING = (
    '{"employee_number": "Emp No", "given_name": "First", "family_name": "Last", '
    '"level": "Grade", "department": "Dept"}'
)


async def _upload(client, headers, content: bytes, name="roster.csv", **form):
    return await client.post(
        "/v1/roster-files/employees",
        headers=headers,
        files={"file": (name, content)},
        data={"mapping": MAPPING, **form},
    )


async def _numbers(client, headers) -> list[str]:
    page = await client.get("/v1/employees", headers=headers)
    return [e["employee_number"] for e in page.json()["items"]]


async def test_a_dry_run_reports_row_errors_and_stores_nothing(client, auth):
    admin = await auth()
    response = await _upload(client, admin, HR_CSV.encode(), dry_run="true")
    body = response.json()
    assert response.status_code == 200, response.text
    assert (body["dry_run"], body["rows"], body["created"]) == (True, 3, 2)
    assert [(e["row"], e["employee_number"], e["field"]) for e in body["errors"]] == [
        (2, "A-2", "level")
    ]
    assert body["ignored_columns"] == ["Cost Centre"]
    assert await _numbers(client, admin) == []


async def test_a_csv_upload_with_a_column_mapping_stores_the_good_rows(client, auth):
    admin = await auth()
    body = (await _upload(client, admin, HR_CSV.encode())).json()
    assert (body["dry_run"], body["created"], len(body["errors"])) == (False, 2, 1)
    assert await _numbers(client, admin) == ["A-1", "A-3"]


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    for line in HR_CSV.strip().split("\n"):
        sheet.append([int(c) if c.isdigit() else (c or None) for c in line.split(";")])
    content = io.BytesIO()
    book.save(content)
    load_workbook(io.BytesIO(content.getvalue()))  # a real workbook
    return content.getvalue()


async def test_an_xlsx_roster_is_read_like_a_csv(client, auth):
    # Through GraphQL (base64): the REST upload of binary files waits on the NUL guard
    # letting multipart bodies through.
    mutation = (
        "mutation($file: String!, $mapping: JSON) { importRosterFile(contentBase64: $file, "
        'format: "xlsx", mapping: $mapping) { ... on RosterImport { created errors { row } } } }'
    )
    variables = {"file": base64.b64encode(_xlsx()).decode(), "mapping": json.loads(MAPPING)}
    response = await client.post(
        "/graphql", headers=await auth(), json={"query": mutation, "variables": variables}
    )
    body = response.json()["data"]["importRosterFile"]
    assert (body["created"], [e["row"] for e in body["errors"]]) == (2, [2])


async def test_a_mapping_to_a_missing_column_imports_nothing_and_says_why(client, auth):
    admin = await auth()
    response = await client.post(
        "/v1/roster-files/employees",
        headers=admin,
        files={"file": ("r.csv", HR_CSV.encode())},
        data={"mapping": '{"employee_number": "Staff ID"}'},
    )
    body = response.json()
    assert (response.status_code, body["created"]) == (200, 0)
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(0, "mapping")]
    assert "Staff ID" in body["errors"][0]["reason"]


async def test_exports_are_csv_with_a_header_row(client, auth):
    coordinator = await auth(role=Role.COORDINATOR)
    for name, first in (("participants", "application_id"), ("mentorships", "mentorship_id")):
        response = await client.get(f"/v1/roster-files/{name}.csv", headers=coordinator)
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][0] == first


async def test_participants_may_not_export_rosters(client, auth):
    admin = await auth()
    await _upload(client, admin, HR_CSV.encode())
    employee_id = (await client.get("/v1/employees", headers=admin)).json()["items"][0]["id"]
    participant = await auth(role=Role.PARTICIPANT, employee_id=employee_id)
    response = await client.get("/v1/roster-files/participants.csv", headers=participant)
    assert response.status_code == 403


async def test_a_file_that_is_not_a_roster_imports_nothing_and_says_why(database, org):
    admin = Principal(org.id, Role.ORG_ADMIN, "test")
    for content, file_format in ((b"a,b\n\x00,1\n", "csv"), (b"\xff\xfe", "csv"), (b"x", "xlsx")):
        result = await import_roster_file(
            uow=SqlUnitOfWork(database, org.id),
            principal=admin,
            content=content,
            file_format=file_format,
            reader=SpreadsheetFiles(),
            clock=SystemClock(),
        )
        assert result.report.created == 0
        assert [(e.row, e.field) for e in result.report.errors] == [(0, "file")]


async def test_a_csv_with_a_lone_carriage_return_is_read_or_reported_never_a_server_error(
    client, auth
):
    """Found by Schemathesis: a stray CR inside an unquoted field made the CSV reader raise."""
    content = b"employee_number,given_name\rx,family_name,level,department\nE1,Ann,Lee,3,Ops\n"
    response = await client.post(
        "/v1/roster-files/employees",
        headers=await auth(),
        files={"file": ("people.csv", content, "text/csv")},
    )
    assert response.status_code < 500
