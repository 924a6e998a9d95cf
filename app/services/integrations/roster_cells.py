"""Cells of a roster file as import values, and row errors in the file's own terms.

A spreadsheet user fixes a file by its row and column, so an error names the file's row
(the header is row 1), the file's column (not our field name) and what the cell must hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from app.services.directory.employee_rows import RowError

_KEEP_TYPE = {"level", "in_good_standing", "hire_date"}
# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). A date in a cell of
# General format reaches us as that count, which would otherwise read as Unix seconds.
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_LAST_DAY = 2_958_465  # 9999-12-31
EXPECTED = {
    "employee_number": "text of 1 to 64 characters, unique in the file",
    "given_name": "text of 1 to 200 characters",
    "family_name": "text of 1 to 200 characters",
    "department": "text of 1 to 200 characters",
    "job_title": "text of 1 to 200 characters",
    "unit": "text of 1 to 200 characters",
    "manager_employee_number": "the employee number of someone in the directory or the file",
    "email": "an email address such as ada@example.org",
    "level": "a whole number from 0 to 1000, higher is more senior, such as 7",
    "hire_date": "a date: YYYY-MM-DD such as 2019-01-01, or an Excel date cell",
    "employment_status": "one of active, leave, inactive",
    "in_good_standing": "true or false",
}


def excel_date(cell: Any) -> Any:
    """An Excel serial day number (43466, or "43466" in a CSV saved from Excel) as the
    date it means (2019-01-01); anything else as it was."""
    if isinstance(cell, bool):
        return cell
    serial = int(cell) if isinstance(cell, str) and cell.isdigit() else cell
    if isinstance(serial, int | float) and 1 <= serial <= EXCEL_LAST_DAY:
        return EXCEL_EPOCH + timedelta(days=int(serial))
    return cell


def import_value(target: str, cell: Any) -> Any:
    """One cell as the import row's value for the field `target`."""
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, str):
        cell = cell.strip()
        if target == "level" and cell.isdigit():
            cell = int(cell)
    if target == "hire_date":
        cell = excel_date(cell)
    if target in _KEEP_TYPE or isinstance(cell, bool | date):
        return cell
    return cell if target.startswith("attributes.") else str(cell)


def in_file_terms(error: RowError, columns: Mapping[str, str], file_rows: list[int]) -> RowError:
    """The error with its reason naming the file's row and column, and what is expected."""
    if error.row < 1 or error.row > len(file_rows):
        return error
    where = f"row {file_rows[error.row - 1]} of the file"
    if error.field is None:
        return replace(error, reason=f"{where}: {error.reason}")
    field = error.field.split(".")[0] if not error.field.startswith("attributes.") else ""
    column = columns.get(error.field) or columns.get(field)
    where += f', column "{column}"' if column else f" (no column gives {error.field})"
    expected = EXPECTED.get(field)
    reason = f"{where}: {error.reason}" + (f"; expected {expected}" if expected else "")
    return replace(error, reason=reason)
