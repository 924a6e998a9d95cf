"""Export files people open in Excel: CSV and its XLSX twin, with the same columns.

A cell an exported person typed (a name, a department) must never run as a formula:
CSV cells are escaped by defusedcsv (a leading `=`, `+`, `-`, `@`, `|` or `%` gets a `'`),
and XLSX cells of text are typed as text, so `=HYPERLINK(...)` shows as what it is. CSV
starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 as a legacy code page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from defusedcsv import csv as safe_csv
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

BOM = "\ufeff"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SpreadsheetExports:
    def csv(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
        out = io.StringIO()
        out.write(BOM)
        writer = safe_csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else _plain(v) for v in row] for row in rows)
        return out.getvalue().encode("utf-8")

    def xlsx(self, columns: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str) -> bytes:
        book = Workbook(write_only=True)
        page = book.create_sheet(sheet[:31])
        page.append([_header(page, c) for c in columns])
        for row in rows:
            page.append([_cell(page, v) for v in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, UUID | date):
        return str(value) if not isinstance(value, datetime) else value.isoformat()
    return value


def _header(page: Any, name: str) -> WriteOnlyCell:
    cell = _text(page, name)
    cell.font = Font(bold=True)
    return cell


def _cell(page: Any, value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | date):
        return value
    return _text(page, str(value))


def _text(page: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(page, value=value)
    cell.data_type = "s"  # openpyxl would store a leading "=" as a formula
    return cell
