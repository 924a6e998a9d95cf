"""Roster files: employee imports from CSV or XLSX, and CSV exports of who takes part.

An uploaded file becomes the same rows `import_employees` takes, so a file is checked by the
very same rules as a JSON import. A dry run runs the whole import and rolls it back: the
report (counts and row errors) is exactly what a real import would answer, and nothing is kept.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput
from app.services.bulk_work import off_the_loop
from app.services.directory.employee_rows import ROW_SCHEMA, RowError
from app.services.directory.employees import ImportReport, import_employees
from app.services.integrations.ports import SpreadsheetReader
from app.services.ports import Clock, UnitOfWork

FIELDS = frozenset(ROW_SCHEMA["properties"])
FORMATS = ("csv", "xlsx")
_KEEP_TYPE = {"level", "in_good_standing", "hire_date"}


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
        rows, ignored = await off_the_loop(_rows_of, content, file_format, reader, _parsed(mapping))
    except InvalidInput as refused:
        error = RowError(0, None, refused.field, refused.detail)
        return RosterImport(ImportReport(0, 0, 0, [error]), dry_run, 0, [])
    target = cast(UnitOfWork, _NeverCommits(uow)) if dry_run else uow
    # The import flags pairs an HR change breaks, in its own transaction (and, in a dry
    # run, rolls that back with everything else).
    report = await import_employees(uow=target, principal=principal, clock=clock, rows=rows)
    return RosterImport(report, dry_run, len(rows), ignored)


def _rows_of(
    content: bytes, file_format: str, reader: SpreadsheetReader, mapping: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[str]]:
    header, table = read_table(content, file_format, reader)
    return map_columns(header, table, mapping)


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
) -> tuple[list[str], list[list[Any]]]:
    """The header and the data rows of a CSV (UTF-8, `,` `;` or tab) or XLSX (first sheet)."""
    if file_format not in FORMATS:
        raise InvalidInput(f"format must be one of {', '.join(FORMATS)}", field="format")
    table = reader.rows(content, file_format)
    table = [row for row in table if any(cell not in (None, "") for cell in row)]
    if not table:
        raise InvalidInput("the file has no header row", field="file")
    return [str(c or "").strip() for c in table[0]], table[1:]


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
        value = _cell(target, cell)
        if target.startswith("attributes."):
            row.setdefault("attributes", {})[target.removeprefix("attributes.")] = value
        else:
            row[target] = value
    return row


def _cell(target: str, cell: Any) -> Any:
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, str):
        cell = cell.strip()
        if target == "level" and cell.isdigit():
            cell = int(cell)
    if target in _KEEP_TYPE or isinstance(cell, bool | date):
        return cell
    return cell if target.startswith("attributes.") else str(cell)


PARTICIPANT_COLUMNS = (
    "application_id",
    "cohort_id",
    "cohort_name",
    "employee_number",
    "given_name",
    "family_name",
    "department",
    "unit",
    "role",
    "eligible",
)
MENTORSHIP_COLUMNS = (
    "mentorship_id",
    "cohort_id",
    "mentee_employee_number",
    "mentor_employee_number",
    "state",
    "starts_on",
    "ends_on",
    "checkpoint_due_on",
)


def _to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return out.getvalue()


async def export_participants(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID | None = None
) -> str:
    """Every application as CSV: who, which cohort, which role, eligible or not. Facts only."""
    reach(principal, Resource.ROSTER_FILES, Action.READ)
    async with uow.read_only():
        rows = await uow.integrations.participant_facts(cohort_id)
    return _to_csv(PARTICIPANT_COLUMNS, rows)


async def export_mentorships(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID | None = None
) -> str:
    """Every mentorship as CSV: the pair by employee number, state and dates. Facts only."""
    reach(principal, Resource.ROSTER_FILES, Action.READ)
    async with uow.read_only():
        rows = await uow.integrations.mentorship_facts(cohort_id)
    return _to_csv(MENTORSHIP_COLUMNS, rows)
