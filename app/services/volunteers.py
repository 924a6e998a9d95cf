"""The volunteer list (Caltrans): a cohort's eligible mentors with room, for mentees to choose
from. Volunteering puts a mentor's public profile on it; nothing else of theirs is shown."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.directory import EmploymentStatus
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import NotFound
from app.domain.matching.rules import remaining_capacity
from app.domain.mentor_register import RegisterEntry
from app.services.ports import UnitOfWork
from app.services.programs.facts import candidate
from app.services.programs.records import Application

PUBLIC_PROFILE = ("expertise", "competencies", "career_path", "bio")


@dataclass(frozen=True, slots=True)
class Volunteer:
    employee_id: UUID
    name: str
    job_title: str | None
    department: str
    profile: dict[str, object]
    open_places: int


async def list_volunteers(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[Volunteer]:
    """Eligible mentors of the cohort with places left; a participant sees it once they have
    applied to the cohort themselves."""
    scope = reach(principal, Resource.APPLICATIONS, Action.READ)
    async with uow.read_only():
        cohort = await uow.programs.get_cohort(cohort_id)
        program = await uow.programs.get_program(cohort.program_id) if cohort else None
        found = await uow.programs.applications(cohort_id=cohort_id) if program else []
        if program is None or (
            scope is Reach.OWN and principal.employee_id not in {a.employee_id for a in found}
        ):
            raise NotFound("no such cohort", field="id")
        mentors = [a for a in found if a.role is ApplicantRole.MENTOR and a.eligible]
        if program.policy.matching.volunteers_from_register:
            applied = {a.employee_id for a in found}
            mentors += [
                register_application(cohort_id, entry)
                for entry in await uow.register.entries()
                if entry.employee_id not in applied
            ]
        people = {e.id: e for e in await uow.employees.get_many([a.employee_id for a in mentors])}
        loads = await uow.programs.mentor_loads(list(people), program.id)
        cap = await uow.organizations.load_cap()
    listed = []
    for application in mentors:
        employee = people[application.employee_id]
        if employee.employment_status is not EmploymentStatus.ACTIVE:
            continue
        here, elsewhere = loads.get(employee.id, (0, 0))
        built = candidate(employee, application, {}, here, elsewhere, cap)
        places = remaining_capacity(built, program.policy.matching)
        if places > 0:
            listed.append(
                Volunteer(
                    employee.id,
                    f"{employee.given_name} {employee.family_name}",
                    employee.job_title,
                    employee.department,
                    {k: application.profile.get(k) for k in PUBLIC_PROFILE},
                    places,
                )
            )
    return sorted(listed, key=lambda v: (v.name, str(v.employee_id)))


def register_application(cohort_id: UUID, entry: RegisterEntry) -> Application:
    """A register entry read as a mentor's application to the cohort (not stored): its
    expertise is the public profile, its capacity the places offered."""
    profile = {"expertise": list(entry.expertise), "availability": entry.availability}
    return Application(
        entry.employee_id,
        cohort_id,
        entry.employee_id,
        ApplicantRole.MENTOR,
        profile,
        entry.capacity,
        None,
        (),
        True,
        {},
    )
