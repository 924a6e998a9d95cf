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
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "employee_number": "E1001",
                    "given_name": "Ada",
                    "family_name": "Ng",
                    "email": "ada.ng@example.org",
                    "job_title": "Budget Analyst",
                    "level": 8,
                    "department": "Finance",
                    "unit": "Budget",
                    "manager_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "manager_employee_number": "E0100",
                    "hire_date": "2019-04-01",
                    "employment_status": "active",
                    "in_good_standing": True,
                    "attributes": {},
                    "created_at": "2027-01-04T09:30:00Z",
                    "updated_at": "2027-01-04T09:30:00Z",
                }
            ]
        },
    )

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
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "employees": [
                        {
                            "employee_number": "E1001",
                            "given_name": "Ada",
                            "family_name": "Ng",
                            "email": "ada.ng@example.org",
                            "job_title": "Budget Analyst",
                            "level": 8,
                            "department": "Finance",
                            "manager_employee_number": "E0100",
                            "hire_date": "2019-04-01",
                        }
                    ]
                }
            ]
        },
    )

    employees: list[ImportRow] = Field(max_length=100_000)


class RowErrorRead(BaseModel):
    row: int = Field(description="Position in `employees`, counting from 1")
    employee_number: str | None
    field: str | None
    reason: str


class EmployeeImportRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "created": 1,
                    "updated": 0,
                    "unchanged": 0,
                    "errors": [
                        {
                            "row": 2,
                            "employee_number": "E1002",
                            "field": "level",
                            "reason": "Input should be a valid integer",
                        }
                    ],
                }
            ]
        }
    )

    created: int
    updated: int
    unchanged: int
    errors: list[RowErrorRead]
