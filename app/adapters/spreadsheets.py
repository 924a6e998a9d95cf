"""Spreadsheet files read into rows of cells: CSV (the standard library) and XLSX (openpyxl).

The use cases see only the `SpreadsheetReader` port: rows of cells, whatever the file was.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from app.domain.errors import InvalidInput


class SpreadsheetFiles:
    """Reads a roster file's first sheet (XLSX) or its text (CSV) as rows of cells."""

    def rows(self, content: bytes, file_format: str) -> list[list[Any]]:
        return _xlsx(content) if file_format == "xlsx" else _csv(content)


def _csv(content: bytes) -> list[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("a CSV file must be UTF-8", field="file") from None
    if "\x00" in text:  # PostgreSQL cannot store it; refuse before anything is parsed
        raise InvalidInput("the file contains NUL characters", field="file")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        # newline="" semantics: the reader itself handles quoted line breaks and lone CRs.
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise InvalidInput(f"the CSV cannot be read: {error}", field="file") from None


def _xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise InvalidInput("not an XLSX workbook", field="file") from None
    sheet = book.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]
