"""A small organisation for the programs tests: a management tree, mentees and mentors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.directory import employees
from app.services.ports import Organization
from tests.factories import employee_row

TODAY = date(2026, 6, 1)


@dataclass
class FixedClock:
    at: datetime = datetime(2026, 6, 1, 9, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at


def staff(org: Organization, role: Role = Role.COORDINATOR) -> Principal:
    return Principal(org.id, role, f"{role}@test")


# Director D1 manages M1 (a mentor) who manages E1 (a mentee); E2 and E3 sit elsewhere.
PEOPLE = [
    employee_row("D1", level=10, department="Ops", unit="Top"),
    employee_row("M1", level=8, department="Ops", unit="Roads", manager_employee_number="D1"),
    employee_row("M2", level=8, department="Finance", unit="Audit"),
    employee_row("M3", level=9, department="IT", unit="Apps", attributes={"secret": "x"}),
    employee_row("E1", level=3, department="Ops", unit="Roads", manager_employee_number="M1"),
    employee_row("E2", level=3, department="Finance", unit="Payroll"),
    employee_row("E3", level=2, department="IT", unit="Desk", in_good_standing=False),
]


async def people(database: Any, org: Organization) -> dict[str, UUID]:
    """Import PEOPLE; their ids by employee number."""
    admin = Principal(org.id, Role.ORG_ADMIN, "admin@test")
    await employees.import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=admin, clock=SystemClock(), rows=PEOPLE
    )
    async with SqlUnitOfWork(database, org.id) as uow:
        found = {}
        for row in PEOPLE:
            employee = await uow.employees.by_number(row["employee_number"])
            assert employee is not None
            found[row["employee_number"]] = employee.id
    return found
