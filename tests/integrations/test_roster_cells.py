"""Roster cells read as the spreadsheet meant them; errors in the spreadsheet's terms."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from app.services.integrations.roster_cells import EXCEL_EPOCH, excel_date

HEADER = ["Emp No", "First", "Last", "Grade", "Dept", "Hired"]
MAPPING = {
    "employee_number": "Emp No",
    "given_name": "First",
    "family_name": "Last",
    "level": "Grade",
    "department": "Dept",
    "hire_date": "Hired",
}


def test_excel_day_43466_is_new_years_day_2019():
    assert excel_date(43466) == date(2019, 1, 1)
    assert excel_date("43466") == date(2019, 1, 1)
    assert excel_date(43466.0) == date(2019, 1, 1)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_every_excel_serial_day_reads_back_as_the_date_excel_shows(day):
    serial = (day - EXCEL_EPOCH).days
    assert excel_date(serial) == day


@given(st.one_of(st.text().filter(lambda s: not s.isdigit()), st.booleans(), st.just(0)))
def test_what_is_not_a_serial_day_is_left_for_the_row_rules(cell):
    assert excel_date(cell) == cell


def _workbook(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([])  # a blank row: the file's row numbers still count it
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _import(client, headers, content: bytes) -> dict:
    response = await client.post(
        "/v1/roster-files/employees",
        headers=headers,
        files={"file": ("roster.xlsx", content)},
        data={"mapping": json.dumps(MAPPING)},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_general_cell_holding_43466_imports_as_2019_01_01_not_1970(client, auth):
    admin = await auth()
    body = await _import(client, admin, _workbook(["A-1", "Ada", "Lovelace", 7, "Ops", 43466]))
    assert (body["created"], body["errors"]) == (1, [])
    employee = (await client.get("/v1/employees", headers=admin)).json()["items"][0]
    assert employee["hire_date"] == "2019-01-01"


async def test_a_row_error_names_the_file_row_the_column_and_the_expected_format(client, auth):
    admin = await auth()
    content = _workbook(
        ["A-1", "Ada", "Lovelace", 7, "Ops", date(2019, 1, 1) + timedelta(days=1)],
        ["A-2", "Alan", "Turing", "senior", "Ops", "2019-01-01"],
        ["A-3", "Grace", "Hopper", 9, "Navy", "first of May"],
    )
    body = await _import(client, admin, content)
    assert body["created"] == 1
    level, hired = body["errors"]
    assert (level["row"], level["field"]) == (2, "level")
    assert level["reason"].startswith('row 4 of the file, column "Grade": ')
    assert "expected a whole number from 0 to 1000" in level["reason"]
    assert (hired["row"], hired["field"]) == (3, "hire_date")
    assert hired["reason"].startswith('row 5 of the file, column "Hired": ')
    assert "YYYY-MM-DD" in hired["reason"]
