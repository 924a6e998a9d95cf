"""Fifty coordinators pairing fifty mentees with one mentor of capacity N at the same moment
end with exactly N mentorships, ten runs out of ten: the mentor's row is locked while a
booking counts their load, so the bookings queue instead of racing. Real transactions on a
real pool (the `committed` fixture)."""

from __future__ import annotations

import asyncio

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import InvalidInput
from app.domain.policy.model import PairFormation
from app.services import applications, cohorts
from app.services.directory import employees
from app.services.programs import catalog as programs
from app.services.relationships import mentorships
from tests.factories import employee_row
from tests.services.program_fixtures import TODAY, FixedClock, staff
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)

MENTEES, CAPACITY, RUNS = 50, 3, 10


async def _directory(database, org) -> dict[str, object]:
    rows = [
        employee_row(f"T{n:02}", level=3, department="Finance", unit=f"U{n}")
        for n in range(MENTEES)
    ] + [employee_row(f"MENTOR{r}", level=9, department="IT", unit="Apps") for r in range(RUNS)]
    admin = Principal(org.id, Role.ORG_ADMIN, "admin@test")
    await employees.import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=admin, clock=SystemClock(), rows=rows
    )
    async with SqlUnitOfWork(database, org.id) as uow:
        return {
            number: found[0] for number, found in (await uow.employees.directory_index()).items()
        }


async def _cohort_with_applicants(database, org, program_id, ids, mentor) -> object:
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    cohort = await cohorts.create_cohort(
        uow=new_uow(), principal=staff(org), program_id=program_id, name="C", starts_on=TODAY
    )
    applicants = [(ids[f"T{n:02}"], ApplicantRole.MENTEE, 1) for n in range(MENTEES)]
    for employee_id, role, capacity in [*applicants, (mentor, ApplicantRole.MENTOR, CAPACITY)]:
        await applications.submit_application(
            uow=new_uow(),
            principal=staff(org),
            clock=FixedClock(),
            cohort_id=cohort.id,
            employee_id=employee_id,
            role=role,
            profile={},
            capacity=capacity,
        )
    return cohort


async def test_fifty_bookings_on_one_mentor_end_with_exactly_their_capacity(
    committed,  # noqa: F811
):
    database, org = committed
    ids = await _directory(database, org)
    program = await programs.create_program(
        uow=SqlUnitOfWork(database, org.id),
        principal=staff(org),
        name="P",
        preset_name="nc-model",
        overrides={"eligibility": {"mentee_rules": [], "mentor_rules": []}},
    )
    for run in range(RUNS):
        mentor = ids[f"MENTOR{run}"]
        cohort = await _cohort_with_applicants(database, org, program.id, ids, mentor)
        outcomes = await asyncio.gather(
            *(
                mentorships.create_mentorship(
                    uow=SqlUnitOfWork(database, org.id),
                    principal=staff(org),
                    clock=FixedClock(),
                    cohort_id=cohort.id,
                    mentee_id=ids[f"T{n:02}"],
                    mentor_id=mentor,
                    formed_by=PairFormation.COORDINATOR,
                )
                for n in range(MENTEES)
            ),
            return_exceptions=True,
        )
        refused = [o for o in outcomes if isinstance(o, BaseException)]
        assert len(outcomes) - len(refused) == CAPACITY, f"run {run}: {refused[:3]}"
        assert {type(o) for o in refused} == {InvalidInput}
        assert {o.rule for o in refused} == {"mentor_has_capacity"}
        async with SqlUnitOfWork(database, org.id) as uow:
            stored = await uow.programs.mentorships(cohort_id=cohort.id)
            assert len(stored) == CAPACITY
            assert (await uow.programs.open_loads([mentor]))[mentor] == CAPACITY
