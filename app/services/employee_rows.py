"""What one row of an employee import must look like, checked row by row.

Validation lives here, not at the edge, so REST, GraphQL (and later roster files and SCIM)
reject exactly the same rows with exactly the same reasons.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from app.domain.directory import EmploymentStatus

MAX_IMPORT_ROWS = 100_000


class EmployeeRow(BaseModel):
    """One employee as the HR system knows them. A row is the whole record: omitted
    optional fields are cleared, so a full sync from HR converges to HR's data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    employee_number: str = Field(min_length=1, max_length=64)
    given_name: str = Field(min_length=1, max_length=200)
    family_name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    job_title: str | None = Field(default=None, max_length=200)
    level: int = Field(ge=0, le=1000, description="Seniority; higher is more senior")
    department: str = Field(min_length=1, max_length=200)
    unit: str | None = Field(default=None, max_length=200)
    manager_employee_number: str | None = Field(default=None, min_length=1, max_length=64)
    hire_date: date | None = None
    employment_status: EmploymentStatus = EmploymentStatus.ACTIVE
    in_good_standing: bool = True
    attributes: dict[str, Any] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one row was refused. `row` counts from 1; `field` is None for whole-row problems."""

    row: int
    employee_number: str | None
    field: str | None
    reason: str


_ROWS = TypeAdapter(list[EmployeeRow])


def validate_rows(
    raw: Sequence[Mapping[str, Any]],
) -> tuple[list[tuple[int, EmployeeRow]], list[RowError]]:
    """Split a batch into (index, row) pairs that passed and the errors of those that did not."""
    try:
        return list(enumerate(_ROWS.validate_python(raw))), []
    except ValidationError as failure:
        errors = [_row_error(raw, e) for e in failure.errors(include_url=False)]
    bad = {e.row - 1 for e in errors}
    good_indexes = [i for i in range(len(raw)) if i not in bad]
    good = _ROWS.validate_python([raw[i] for i in good_indexes])
    return list(zip(good_indexes, good, strict=True)), errors


def _row_error(raw: Sequence[Mapping[str, Any]], error: Any) -> RowError:
    index, *path = error["loc"]
    row = raw[index] if isinstance(raw[index], Mapping) else {}
    number = row.get("employee_number")
    field = ".".join(str(p) for p in path) or None
    reason = "unknown field" if error["type"] == "extra_forbidden" else error["msg"]
    return RowError(index + 1, number if isinstance(number, str) else None, field, reason)


def refuse_duplicates(
    rows: list[tuple[int, EmployeeRow]],
) -> tuple[list[tuple[int, EmployeeRow]], list[RowError]]:
    """Refuse every row whose employee_number appears more than once in the batch: we cannot
    know which of them HR meant, and keeping either could store the wrong person's data."""
    seen: defaultdict[str, list[int]] = defaultdict(list)
    for index, row in rows:
        seen[row.employee_number].append(index)
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
