"""The employee directory in GraphQL: the same service functions as REST."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.context import context_of
from app.api.graphql.problems import Problem
from app.api.graphql.relay import PageInfo, direction, page_info
from app.domain.directory import Employee as EmployeeRecord
from app.domain.directory import EmploymentStatus as DomainStatus
from app.domain.errors import DomainError, NotFound
from app.services.directory import employees as service

EmploymentStatus = strawberry.enum(DomainStatus, name="EmploymentStatus")


@strawberry.type
class Employee:
    id: UUID
    employee_number: str
    given_name: str
    family_name: str
    email: str | None
    job_title: str | None
    level: int
    department: str
    unit: str | None
    manager_employee_number: str | None
    hire_date: date | None
    employment_status: EmploymentStatus  # type: ignore[valid-type]
    in_good_standing: bool
    attributes: JSON
    manager_id: strawberry.Private[UUID | None]

    @classmethod
    def of(cls, e: EmployeeRecord) -> Employee:
        return cls(
            id=e.id,
            employee_number=e.employee_number,
            given_name=e.given_name,
            family_name=e.family_name,
            email=e.email,
            job_title=e.job_title,
            level=e.level,
            department=e.department,
            unit=e.unit,
            manager_employee_number=e.manager_employee_number,
            hire_date=e.hire_date,
            employment_status=e.employment_status,
            in_good_standing=e.in_good_standing,
            attributes=cast(JSON, dict(e.attributes)),
            manager_id=e.manager_id,
        )

    @strawberry.field(description="Null until the manager is in the directory")
    async def manager(self, info: strawberry.Info) -> Employee | None:
        if self.manager_id is None:
            return None
        found = await context_of(info).loaders.employee.load(self.manager_id)
        return Employee.of(found) if found else None

    @strawberry.field(description="Direct reports, in employee_number order")
    async def reports(self, info: strawberry.Info) -> list[Employee]:
        return [Employee.of(e) for e in await context_of(info).loaders.reports.load(self.id)]


@strawberry.type
class EmployeeEdge:
    cursor: str
    node: Employee


@strawberry.type
class EmployeeConnection:
    edges: list[EmployeeEdge]
    page_info: PageInfo


@strawberry.input
class EmployeeImportInput:
    employee_number: str
    given_name: str
    family_name: str
    level: int
    department: str
    email: str | None = None
    job_title: str | None = None
    unit: str | None = None
    manager_employee_number: str | None = None
    hire_date: date | None = None
    employment_status: EmploymentStatus = DomainStatus.ACTIVE  # type: ignore[valid-type]
    in_good_standing: bool = True
    attributes: JSON | None = None


@strawberry.type
class RowError:
    row: int
    employee_number: str | None
    field: str | None
    reason: str


@strawberry.type
class EmployeeImportReport:
    created: int
    updated: int
    unchanged: int
    errors: list[RowError]


ImportEmployeesResult = Annotated[
    EmployeeImportReport | Problem, strawberry.union("ImportEmployeesResult")
]


def _row(data: EmployeeImportInput) -> dict[str, Any]:
    row = {k: v for k, v in vars(data).items() if not k.startswith("_")}
    row["attributes"] = row["attributes"] or {}
    return row


@strawberry.type
class EmployeeQuery:
    @strawberry.field(
        description="The directory, in employee_number order (Relay connection: `first`/`after` "
        "forward, `last`/`before` backward)"
    )
    async def employees(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        department: str | None = None,
    ) -> EmployeeConnection:
        count, key, backward = direction(first, after, last, before, default=50)
        filters = {"department": department} if department else None
        context = context_of(info)
        page = await service.list_employees(
            uow=context.new_uow(),
            principal=context.principal,
            after=key,
            limit=count,
            filters=filters,
            backward=backward,
        )
        edges = [
            EmployeeEdge(cursor=service.encode_cursor(e.employee_number), node=Employee.of(e))
            for e in page.items
        ]
        return EmployeeConnection(
            edges=edges,
            page_info=page_info(
                [e.cursor for e in edges],
                more=page.next_cursor is not None,
                backward=backward,
                resumed=key is not None,
            ),
        )

    @strawberry.field(description="One employee by the service's id; null when not found")
    async def employee(self, info: strawberry.Info, id: UUID) -> Employee | None:
        try:
            return Employee.of(
                await service.get_employee(
                    uow=context_of(info).new_uow(),
                    principal=context_of(info).principal,
                    employee_id=id,
                )
            )
        except NotFound:
            return None


@strawberry.type
class EmployeeMutation:
    @strawberry.mutation(description="Upsert employees by employeeNumber; bad rows are reported")
    async def import_employees(
        self, info: strawberry.Info, employees: list[EmployeeImportInput]
    ) -> ImportEmployeesResult:
        try:
            report = await service.import_employees(
                uow=context_of(info).new_uow(),
                principal=context_of(info).principal,
                clock=context_of(info).clock,
                rows=[_row(e) for e in employees],
            )
        except DomainError as error:
            return Problem.of(error)
        return EmployeeImportReport(
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            errors=[RowError(**asdict(e)) for e in report.errors],
        )
