"""Roster files: employee imports from CSV or XLSX (exports: `roster_exports`).

An uploaded file becomes the same rows `import_employees` takes, so a file is checked by the
very same rules as a JSON import. A dry run runs the whole import and rolls it back: the
report (counts and row errors) is exactly what a real import would answer, and nothing is kept.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput
from app.services.bulk_work import off_the_loop
from app.services.directory.employee_rows import ROW_SCHEMA, RowError
from app.services.directory.employees import ImportReport, import_employees
from app.services.integrations.ports import SpreadsheetReader
from app.services.integrations.roster_cells import import_value, in_file_terms
from app.services.ports import Clock, UnitOfWork

FIELDS = frozenset(ROW_SCHEMA["properties"])
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True, slots=True)
class RosterImport:
    report: ImportReport
    dry_run: bool
    rows: int
    ignored_columns: list[str]


class _NeverCommits:
    """A unit of work whose commit does nothing, so leaving it rolls everything back."""

    def __init__(self, inner: UnitOfWork) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    async def __aenter__(self) -> _NeverCommits:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self._inner.__aexit__(*exc)

    async def commit(self) -> None:
        return None


async def import_roster_file(
    *,
    uow: UnitOfWork,
    principal: Principal,
    content: bytes,
    file_format: str,
    reader: SpreadsheetReader,
    clock: Clock,
    mapping: Mapping[str, str] | str | None = None,
    dry_run: bool = False,
) -> RosterImport:
    """Import employees from a CSV or XLSX file; `mapping` names our field -> their column.
    A file that cannot be read at all is reported like a bad row (row 0), not raised."""
    reach(principal, Resource.ROSTER_FILES, Action.WRITE)
    try:
        # Unzipping and reading a workbook is CPU work: off the event loop.
        layout = await off_the_loop(_rows_of, content, file_format, reader, _parsed(mapping))
    except InvalidInput as refused:
        error = RowError(0, None, refused.field, refused.detail)
        return RosterImport(ImportReport(0, 0, 0, [error]), dry_run, 0, [])
    target = cast(UnitOfWork, _NeverCommits(uow)) if dry_run else uow
    # The import flags pairs an HR change breaks, in its own transaction (and, in a dry
    # run, rolls that back with everything else).
    report = await import_employees(uow=target, principal=principal, clock=clock, rows=layout.rows)
    errors = [in_file_terms(e, layout.columns, layout.file_rows) for e in report.errors]
    return RosterImport(replace(report, errors=errors), dry_run, len(layout.rows), layout.ignored)


@dataclass(frozen=True, slots=True)
class _Layout:
    rows: list[dict[str, Any]]
    ignored: list[str]
    columns: dict[str, str]  # our field -> the file's column
    file_rows: list[int]  # each row's number in the file (the header is 1)


def _rows_of(
    content: bytes, file_format: str, reader: SpreadsheetReader, mapping: Mapping[str, str]
) -> _Layout:
    header, table, file_rows = read_table(content, file_format, reader)
    rows, ignored = map_columns(header, table, mapping)
    columns = {_field_named(c) or "": c for c in header} | dict(mapping)
    return _Layout(rows, ignored, columns, file_rows)


def _parsed(mapping: Mapping[str, str] | str | None) -> Mapping[str, str]:
    if not isinstance(mapping, str):
        found: object = mapping or {}
    else:
        try:
            found = json.loads(mapping) if mapping.strip() else {}
        except ValueError:
            found = None
    if not isinstance(found, Mapping) or not all(isinstance(v, str) for v in found.values()):
        raise InvalidInput('a JSON object: {"our_field": "Their column"}', field="mapping")
    return found


def read_table(
    content: bytes, file_format: str, reader: SpreadsheetReader
) -> tuple[list[str], list[list[Any]], list[int]]:
    """The header and the data rows of a CSV (UTF-8, `,` `;` or tab) or XLSX (first sheet),
    and each data row's number in the file (blank rows are skipped)."""
    if file_format not in FORMATS:
        raise InvalidInput(f"format must be one of {', '.join(FORMATS)}", field="format")
    numbered = [
        (number, row)
        for number, row in enumerate(reader.rows(content, file_format), start=1)
        if any(cell not in (None, "") for cell in row)
    ]
    if not numbered:
        raise InvalidInput("the file has no header row", field="file")
    header = [str(c or "").strip() for c in numbered[0][1]]
    return header, [row for _, row in numbered[1:]], [number for number, _ in numbered[1:]]


def map_columns(
    header: Sequence[str], table: Sequence[Sequence[Any]], mapping: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows as import dicts: mapped columns, then columns named like our fields, then
    `attributes.<name>` columns into `attributes`; other columns are ignored (and listed)."""
    if unknown := sorted(f for f in mapping if f not in FIELDS and not f.startswith("attributes.")):
        raise InvalidInput(f"not employee fields: {', '.join(unknown)}", field="mapping")
    if missing := sorted(c for c in mapping.values() if c not in header):
        raise InvalidInput(f"no such columns in the file: {', '.join(missing)}", field="mapping")
    by_column = {column: field for field, column in mapping.items()}
    targets = [by_column.get(c) or _field_named(c) for c in header]
    ignored = [c for c, t in zip(header, targets, strict=True) if t is None]
    return [_row(targets, cells) for cells in table], ignored


def _field_named(column: str) -> str | None:
    name = column.strip().lower().replace(" ", "_")
    return name if name in FIELDS or name.startswith("attributes.") else None


def _row(targets: Sequence[str | None], cells: Sequence[Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for target, cell in zip(targets, cells, strict=False):
        if target is None or cell is None or cell == "":
            continue
        value = import_value(target, cell)
        if target.startswith("attributes."):
            row.setdefault("attributes", {})[target.removeprefix("attributes.")] = value
        else:
            row[target] = value
    return row
