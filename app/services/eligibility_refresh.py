"""Deciding applications again from current HR data, a batch at a time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from uuid import UUID

from app.domain.directory import Employee
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import NotFound
from app.domain.policy.model import Policy
from app.services.ports import UnitOfWork
from app.services.program_year.attendance import information_attendees
from app.services.programs.facts import evaluated
from app.services.programs.records import Application


async def reevaluate(
    uow: UnitOfWork,
    applications: Sequence[Application],
    today: date,
    people: Mapping[UUID, Employee] | None = None,
) -> list[Application]:
    """Each application with eligibility decided from today's directory, attendance and loads
    (`people`: the applicants' directory rows when the caller has them already)."""
    if not applications:
        return []
    if people is None:
        found = await uow.employees.get_many([a.employee_id for a in applications])
        people = {e.id: e for e in found}
    policies: dict[object, tuple[Policy, frozenset[object], UUID]] = {}
    loads: dict[UUID, dict[UUID, tuple[int, int]]] = {}  # per program: a mentor's capacity is
    decided = []
    for application in applications:
        if application.cohort_id not in policies:
            policies[application.cohort_id] = await _cohort_facts(uow, application)
        policy, attended, program_id = policies[application.cohort_id]
        if program_id not in loads:
            mentors = [a.employee_id for a in applications if a.role is ApplicantRole.MENTOR]
            loads[program_id] = await uow.programs.mentor_loads(mentors, program_id)
        employee = people.get(application.employee_id)
        if employee is None:
            raise NotFound("no such employee", field="employee_id")
        decided.append(
            evaluated(
                application,
                employee,
                policy,
                today,
                attended=employee.id in attended,
                current_load=loads[program_id].get(employee.id, (0, 0))[0],
            )
        )
    return decided


async def _cohort_facts(
    uow: UnitOfWork, application: Application
) -> tuple[Policy, frozenset[object], UUID]:
    cohort = await uow.programs.get_cohort(application.cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if program is None:
        raise NotFound("no such cohort", field="cohort_id")
    assert cohort is not None
    # Attendance is the person's: a session of another cohort of the program may count.
    attended = await information_attendees(uow, cohort, program.policy)
    return program.policy, frozenset(attended), program.id
