"""Many mentorships at once, each with a plan and a meeting log, written straight through the
repositories (the flows that create them one by one are tested elsewhere)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services import cohorts
from app.services.directory import employees
from app.services.ports import Organization
from app.services.programs import catalog as programs
from app.services.relationships.mentorships import proposed_mentorships
from app.services.relationships.records import Goal, Meeting
from tests.factories import employee_row

SECRET_NOTES = "confidential-notes-"  # + the mentorship's number


@dataclass(frozen=True)
class Seeded:
    mentorships: list[UUID]
    mentees: list[UUID]
    mentor: UUID
    manager: UUID | None = None


async def seed_pairs(database, org: Organization, size: int, manager: str | None = None) -> Seeded:
    """`size` mentorships with one mentor: two goals and three meetings each, the latest of
    them cancelled (so the last meeting is the one before it). `manager`: every mentee's."""
    admin = Principal(org.id, Role.ORG_ADMIN, "admin@test")
    boss = {"manager_employee_number": manager} if manager else {}
    rows = [employee_row(f"P{n:03}", level=3, unit=f"U{n}", **boss) for n in range(size)]
    rows.append(employee_row("MENTOR", level=9, department="Ops", unit="Top"))
    if manager:
        rows.insert(0, employee_row(manager, level=7, department="Finance", unit="Head"))
    await employees.import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=admin, clock=SystemClock(), rows=rows
    )
    program = await programs.create_program(
        uow=SqlUnitOfWork(database, org.id), principal=admin, name="P", preset_name="nc-model"
    )
    cohort = await cohorts.create_cohort(
        uow=SqlUnitOfWork(database, org.id),
        principal=admin,
        program_id=program.id,
        name="C",
        starts_on=date(2026, 1, 5),
    )
    async with SqlUnitOfWork(database, org.id) as uow:
        index = await uow.employees.directory_index()
        ids = {number: found[0] for number, found in index.items()}
        mentor = ids["MENTOR"]
        mentees = [ids[f"P{n:03}"] for n in range(size)]
        made = await proposed_mentorships(
            uow,
            cohort.id,
            [(m, mentor, {}) for m in mentees],
            formed_by="coordinator",
            today=cohort.starts_on,
        )
        for number, mentorship in enumerate(made):
            await _plan_and_log(uow, mentorship.id, mentorship.mentee_id, number)
        await uow.commit()
    return Seeded(
        [m.id for m in made],
        [m.mentee_id for m in made],
        mentor,
        ids[manager] if manager else None,
    )


async def _plan_and_log(uow, mentorship_id: UUID, mentee_id: UUID, number: int) -> None:
    for text in ("Lead a project", "Present to the council"):
        await uow.relationships.add_goal(Goal(uuid.uuid4(), mentorship_id, "goal", None, text))
    for held_on, cancelled in (
        (date(2026, 2, 2), False),
        (date(2026, 3, 2), False),
        (date(2026, 4, 2), True),
    ):
        await uow.relationships.add_meeting(
            Meeting(
                uuid.uuid4(),
                mentorship_id,
                held_on,
                1.5,
                topics=("budget",),
                notes=f"{SECRET_NOTES}{number}",
                logged_by=mentee_id,
                cancelled=cancelled,
            )
        )
