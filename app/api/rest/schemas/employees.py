"""REST shapes of the employee directory."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from app.api.pagination import Page
from app.domain.directory import EmploymentStatus
from app.services.directory.employee_rows import ROW_SCHEMA


class EmployeeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID = Field(description="The service's own id")
    employee_number: str
    given_name: str
    family_name: str
    email: str | None
    job_title: str | None
    level: int
    department: str
    unit: str | None
    manager_id: UUID | None = Field(description="Null until the manager is in the directory")
    manager_employee_number: str | None
    hire_date: date | None
    employment_status: EmploymentStatus
    in_good_standing: bool
    attributes: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class EmployeePageRead(Page[EmployeeRead]):
    """Employees in `employee_number` order."""


# Rows are checked one by one by the service (a bad row must not sink the batch), so the
# body accepts any objects; the schema still documents what a row must look like.
def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """The row schema with its `$defs` folded in: nested inside the OpenAPI document, a
    `#/$defs/...` reference would point at the document's root and dangle."""
    definitions = schema.get("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return resolve(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {k: resolve(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


# Any value: a row that is not an object is one bad row the service reports, not a 422 for
# the batch; and the edge does not copy 100,000 dicts on the event loop only to check them.
ImportRow = Annotated[Any, WithJsonSchema(_inlined(ROW_SCHEMA))]


class EmployeeImportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employees: list[ImportRow] = Field(max_length=100_000)


class RowErrorRead(BaseModel):
    row: int = Field(description="Position in `employees`, counting from 1")
    employee_number: str | None
    field: str | None
    reason: str


class EmployeeImportRead(BaseModel):
    created: int
    updated: int
    unchanged: int
    errors: list[RowErrorRead]
