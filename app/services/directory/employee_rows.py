"""What one row of an employee import must look like, checked row by row.

Validation lives here, not at the edge, so REST, GraphQL, roster files and SCIM reject
exactly the same rows with exactly the same reasons. Rows are validated as TypedDicts
(plain dicts out, no model objects): a 100,000-row import spends its time on data, not objects.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any, NotRequired, cast

from pydantic import ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError
from typing_extensions import TypedDict

from app.domain.directory import EmploymentStatus

MAX_IMPORT_ROWS = 100_000

Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Number = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Email = Annotated[str, StringConstraints(max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class EmployeeRow(TypedDict):
    """One employee as the HR system knows them. A row is the whole record: omitted
    optional fields are cleared, so a full sync from HR converges to HR's data."""

    __pydantic_config__ = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[misc]

    employee_number: Number
    given_name: Text
    family_name: Text
    level: Annotated[int, Field(ge=0, le=1000, description="Seniority; higher is more senior")]
    department: Text
    email: NotRequired[Email | None]
    job_title: NotRequired[Text | None]
    unit: NotRequired[Text | None]
    manager_employee_number: NotRequired[Number | None]
    hire_date: NotRequired[date | None]
    employment_status: NotRequired[EmploymentStatus]
    in_good_standing: NotRequired[bool]
    attributes: NotRequired[dict[str, Any]]


DEFAULTS: Mapping[str, Any] = {
    "email": None,
    "job_title": None,
    "unit": None,
    "manager_employee_number": None,
    "hire_date": None,
    "employment_status": EmploymentStatus.ACTIVE,
    "in_good_standing": True,
}
ROW_SCHEMA = TypeAdapter(EmployeeRow).json_schema()


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one row was refused. `row` counts from 1; `field` is None for whole-row problems."""

    row: int
    employee_number: str | None
    field: str | None
    reason: str


_ROWS = TypeAdapter(list[EmployeeRow])
# Rows per validator call. A call holds the interpreter until it returns, even in a worker
# thread; a thousand rows keep each hold short, so the event loop keeps its turns.
VALIDATE_CHUNK = 500


def validate_rows(
    raw: Sequence[Mapping[str, Any]], first: int = 0
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """Split a batch into (index, row) pairs that passed and the errors of those that did not.
    `first` is the index of `raw[0]` in the whole batch (when it arrives in pieces)."""
    good: list[tuple[int, dict[str, Any]]] = []
    errors: list[RowError] = []
    for start in range(0, len(raw), VALIDATE_CHUNK):
        chunk_good, chunk_errors = _validate_chunk(raw[start : start + VALIDATE_CHUNK])
        good += [(first + start + i, row) for i, row in chunk_good]
        errors += [replace(e, row=first + start + e.row) for e in chunk_errors]
    return good, errors


def _validate_chunk(
    chunk: Sequence[Mapping[str, Any]],
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    try:
        return [(i, complete(r)) for i, r in enumerate(_ROWS.validate_python(chunk))], []
    except ValidationError as failure:
        errors = [_row_error(chunk, e) for e in failure.errors(include_url=False)]
    bad = {e.row - 1 for e in errors}
    good_indexes = [i for i in range(len(chunk)) if i not in bad]
    good = _ROWS.validate_python([chunk[i] for i in good_indexes])
    return [(i, complete(r)) for i, r in zip(good_indexes, good, strict=True)], errors


@dataclass(frozen=True, slots=True)
class CheckedRows:
    """A run of rows that all passed the check together. Omitted optional fields are left
    out: a large batch's stage fills them in, and `complete` does for a batch held whole."""

    rows: list[dict[str, Any]]

    def __len__(self) -> int:
        return len(self.rows)


def rows_from_json(text: str) -> CheckedRows | list[Any] | None:
    """The rows of a JSON array's text, decoded and checked in one call: CheckedRows when
    every one passes; when some do not, the decoded rows, to be checked one by one for their
    errors (`validate_rows`); None when the text is not a JSON array."""
    try:
        return CheckedRows(cast(list[dict[str, Any]], _ROWS.validate_json(text)))
    except ValidationError as failure:
        if any(e["type"] == "json_invalid" for e in failure.errors(include_url=False)):
            return None
    try:
        decoded = json.loads(text)
    except ValueError:
        return None
    return decoded if isinstance(decoded, list) else None


def checked_rows(
    raw: Sequence[Mapping[str, Any]],
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """The rows that pass on their own and are not duplicated in the batch, and every
    error of the others (not yet in row order)."""
    valid, errors = validate_rows(raw)
    valid, duplicates = refuse_duplicates(valid)
    return valid, errors + duplicates


def complete(row: Mapping[str, Any]) -> dict[str, Any]:
    """A checked row with each omitted optional field given its default (again: harmless)."""
    full: dict[str, Any] = {**DEFAULTS, "attributes": {}, **row}
    return full


def _row_error(chunk: Sequence[Mapping[str, Any]], error: Any) -> RowError:
    index, *path = error["loc"]
    row = chunk[index] if isinstance(chunk[index], Mapping) else {}
    number = row.get("employee_number")
    field = ".".join(str(p) for p in path) or None
    reason = "unknown field" if error["type"] == "extra_forbidden" else error["msg"]
    return RowError(index + 1, number if isinstance(number, str) else None, field, reason)


def refuse_duplicates(
    rows: list[tuple[int, dict[str, Any]]],
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """Refuse every row whose employee_number appears more than once in the batch: we cannot
    know which of them HR meant, and keeping either could store the wrong person's data."""
    if len({row["employee_number"] for _, row in rows}) == len(rows):
        return rows, []  # the usual case, checked cheaply
    seen: defaultdict[str, list[int]] = defaultdict(list)
    for index, row in rows:
        seen[row["employee_number"]].append(index)
    errors = [
        RowError(
            index + 1,
            number,
            "employee_number",
            f"appears in rows {', '.join(str(i + 1) for i in indexes)} of this batch",
        )
        for number, indexes in seen.items()
        if len(indexes) > 1
        for index in indexes
    ]
    dup = {e.row - 1 for e in errors}
    return [(i, r) for i, r in rows if i not in dup], errors
