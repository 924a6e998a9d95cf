"""The standing mentor register: people volunteer once, with expertise, capacity and
availability, and stay listed across cohorts (002); programs draw volunteers from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from app.domain.access import AuditEvent, Principal, Role
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.directory import Employee, EmploymentStatus
from app.domain.errors import InvalidInput, NotFound
from app.domain.mentor_register import RegisterEntry, cleaned_expertise
from app.services.ports import UnitOfWork

_STAFF = (Role.ORG_ADMIN, Role.COORDINATOR, Role.COMMITTEE)


@dataclass(frozen=True, slots=True)
class RegisteredMentor:
    """An entry as its reader may see it: capacity and availability only for staff and the
    volunteer themself (None otherwise)."""

    employee_id: UUID
    name: str
    job_title: str | None
    department: str
    division: str | None
    expertise: tuple[str, ...]
    capacity: int | None
    availability: str | None


async def join_register(
    *,
    uow: UnitOfWork,
    principal: Principal,
    employee_id: UUID,
    expertise: Sequence[str],
    capacity: int,
    availability: str = "",
    division: str | None = None,
) -> RegisteredMentor:
    """Volunteer to mentor (or update the offer); a participant for themself, staff for anyone."""
    scope = reach(principal, Resource.MENTOR_REGISTER, Action.WRITE)
    if scope is Reach.OWN and employee_id != principal.employee_id:
        raise NotFound("no such employee", field="employee_id")
    entry = RegisterEntry(
        employee_id,
        (division or "").strip() or None,
        cleaned_expertise(expertise),
        capacity,
        availability.strip(),
    )
    async with uow:
        employee = await uow.employees.get(employee_id)
        if employee is None:
            raise NotFound("no such employee", field="employee_id")
        if employee.employment_status is not EmploymentStatus.ACTIVE:
            raise InvalidInput(
                f"employment status is {employee.employment_status}; only active staff volunteer",
                field="employee_id",
                rule="active_employment",
            )
        await uow.register.save(entry)
        await uow.access.record(
            AuditEvent.by(principal, "mentor_register.joined", "employee", employee_id)
        )
        await uow.commit()
    return _shown(entry, employee, full=True)


async def leave_register(*, uow: UnitOfWork, principal: Principal, employee_id: UUID) -> None:
    """Take an entry off the register (a volunteer their own, staff any)."""
    scope = reach(principal, Resource.MENTOR_REGISTER, Action.WRITE)
    if scope is Reach.OWN and employee_id != principal.employee_id:
        raise NotFound("no such register entry", field="employee_id")
    async with uow:
        if not await uow.register.remove(employee_id):
            raise NotFound("no such register entry", field="employee_id")
        await uow.access.record(
            AuditEvent.by(principal, "mentor_register.left", "employee", employee_id)
        )
        await uow.commit()


async def read_register(
    *, uow: UnitOfWork, principal: Principal, division: str | None = None
) -> list[RegisteredMentor]:
    """The register, by name: every employee may read names, titles and expertise (002);
    only actively employed volunteers are listed."""
    reach(principal, Resource.MENTOR_REGISTER, Action.READ)
    async with uow.read_only():
        entries = await uow.register.entries(division=division)
        people = {e.id: e for e in await uow.employees.get_many([x.employee_id for x in entries])}
    staff = principal.role in _STAFF
    shown = [
        _shown(entry, person, full=staff or entry.employee_id == principal.employee_id)
        for entry in entries
        if (person := people.get(entry.employee_id)) is not None
        and person.employment_status is EmploymentStatus.ACTIVE
    ]
    return sorted(shown, key=lambda m: (m.name, str(m.employee_id)))


def _shown(entry: RegisterEntry, employee: Employee, *, full: bool) -> RegisteredMentor:
    return RegisteredMentor(
        employee_id=entry.employee_id,
        name=f"{employee.given_name} {employee.family_name}",
        job_title=employee.job_title,
        department=employee.department,
        division=entry.division,
        expertise=entry.expertise,
        capacity=entry.capacity if full else None,
        availability=entry.availability if full else None,
    )
