"""`mentoring demo`: a demo organisation with a directory, a program from each preset, a cohort
of each with its calendar, applications ready to match (a coordinator publishes a run where
the coordinator matches: NC, Maine; Charlotte's committee publishes its own slate), and
mentorships in every state (`app.demo.pairs`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from app.demo.cast import Cast, DemoClock
from app.demo.pairs import build_pairs
from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.domain.policy.presets import PRESETS
from app.services import access, applications, cohorts, organizations
from app.services.directory import employees
from app.services.ports import Clock, UnitOfWork
from app.services.program_year import attendance_records
from app.services.programs import catalog as programs

DEPARTMENTS = ("Finance", "Operations", "Planning", "People", "Technology")
COMPETENCIES = ("budgeting", "leadership", "negotiation", "public speaking", "project management")


# NC's information session and a cohort start far enough ahead that applications are open.
@dataclass(frozen=True, slots=True)
class DemoReport:
    slug: str
    programs: dict[str, str]
    cohorts: dict[str, str]
    tokens: dict[str, str]
    mentorships: dict[str, str]


def directory(seed: int = 7) -> list[dict[str, Any]]:
    """A city of 61 people: a manager, five directors, and ten staff under each director."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    rows = [_person("CM-1", 12, "Executive", "Office", None, True)]
    for d, department in enumerate(DEPARTMENTS, start=1):
        director = f"DIR-{d}"
        rows.append(_person(director, 9, department, "Leadership", "CM-1", True))
        for s in range(1, 11):
            unit = f"{department} {1 + s % 2}"
            level = rng.choice((2, 3, 4, 5, 6))
            rows.append(
                _person(
                    f"{department[:3].upper()}-{s}",
                    level,
                    department,
                    unit,
                    director,
                    rng.random() > 0.1,
                )
            )
    return rows


def _person(
    number: str, level: int, department: str, unit: str, manager: str | None, good: bool
) -> dict[str, Any]:
    return {
        "employee_number": number,
        "given_name": number.split("-")[0].title(),
        "family_name": number.split("-")[1],
        "email": f"{number.lower()}@demo.example",
        "level": level,
        "department": department,
        "unit": unit,
        "manager_employee_number": manager,
        "hire_date": "2018-03-01",
        "employment_status": "active",
        "in_good_standing": good,
        "attributes": {"graduate_of": ["Maine Leadership Institute"]},
    }


async def load_demo(
    *,
    admin_uow: Callable[[], UnitOfWork],
    tenant_uow: Callable[[Any], UnitOfWork],
    clock: Clock,
    slug: str = "demo",
) -> DemoReport:
    """Create the demo organisation and everything in it; the tokens are printed once."""
    org = await organizations.create_organization(uow=admin_uow(), name="Demo City", slug=slug)

    def uow() -> UnitOfWork:
        return tenant_uow(org.id)

    admin = Principal(org.id, Role.ORG_ADMIN, "demo")
    await employees.import_employees(uow=uow(), principal=admin, clock=clock, rows=directory())
    people = {
        e.employee_number: e
        for e in (
            await employees.list_employees(uow=uow(), principal=admin, after=None, limit=100)
        ).items
    }
    made_programs, made_cohorts = {}, {}
    starts = clock.now().date() + timedelta(days=30)
    for key in PRESETS:
        program = await programs.create_program(
            uow=uow(), principal=admin, name=f"Demo {key}", preset_name=key
        )
        cohort = await cohorts.create_cohort(
            uow=uow(),
            principal=admin,
            program_id=program.id,
            name=f"{starts.year} cohort",
            starts_on=starts,
        )
        made_programs[key], made_cohorts[key] = str(program.id), str(cohort.id)
        await _calendar(uow, admin, clock, cohort.id, [p.id for p in people.values()])
    await _applications(uow, admin, clock, made_cohorts["nc-model"], people)
    tokens = await _tokens(uow, admin, clock, people)
    cast = Cast(uow, org.id, DemoClock(clock.now()), people)
    pairs = await build_pairs(cast, made_programs, made_cohorts["nc-model"])
    return DemoReport(slug, made_programs, made_cohorts, tokens, pairs)


async def _calendar(
    uow: Any, admin: Principal, clock: Any, cohort_id: Any, everyone: list[Any]
) -> None:
    """The cohort's calendar comes from its preset; everyone attended its information
    session or orientation (where it has one)."""
    events = await cohorts.list_cohort_events(uow=uow(), principal=admin, cohort_id=cohort_id)
    for event in events:
        if event.kind in ("information_session", "orientation"):
            await attendance_records.record_attendance(
                uow=uow(), principal=admin, clock=clock, event_id=event.id, employee_ids=everyone
            )


async def _applications(
    uow: Any, admin: Principal, clock: Clock, cohort: str, people: dict[str, Any]
) -> None:
    """Every director volunteers; every staff member in good standing applies as a mentee."""
    rng = random.Random(11)  # noqa: S311 - reproducible demo data, not a secret
    for number, person in sorted(people.items()):
        mentor = number.startswith("DIR-")
        if number == "CM-1" or (not mentor and not person.in_good_standing):
            continue
        profile: dict[str, Any] = (
            {
                "competencies": rng.sample(COMPETENCIES, 3),
                "bio": "A director of the city.",
            }
            if mentor
            else {
                "strengths": ["reliability"],
                "weaknesses": ["delegation"],
                "leadership_history": "Led a citywide committee.",
                "participation_in_idp": True,
                "commits_to_evaluation": True,
                "goals": ["lead a team"],
                "competencies_wanted": rng.sample(COMPETENCIES, 2),
                "needs_assessment": "Wants to prepare for a supervisory role.",
            }
        )
        await applications.submit_application(
            uow=uow(),
            principal=admin,
            clock=clock,
            cohort_id=UUID(cohort),
            employee_id=person.id,
            role=ApplicantRole.MENTOR if mentor else ApplicantRole.MENTEE,
            profile=profile,
            capacity=3 if mentor else 1,
        )


async def _tokens(
    uow: Any, admin: Principal, clock: Clock, people: dict[str, Any]
) -> dict[str, str]:
    wanted = {
        "org_admin": (Role.ORG_ADMIN, None),
        "coordinator": (Role.COORDINATOR, None),
        "committee": (Role.COMMITTEE, None),
        "supervisor (DIR-1)": (Role.SUPERVISOR, people["DIR-1"].id),
        "participant (FIN-1)": (Role.PARTICIPANT, people["FIN-1"].id),
    }
    tokens = {}
    for label, (role, employee_id) in wanted.items():
        issued = await access.create_api_token(
            uow=uow(),
            principal=admin,
            clock=clock,
            name=f"demo {label}",
            role=role,
            employee_id=employee_id,
        )
        tokens[label] = issued.token
    return tokens


def next_steps(report: DemoReport, base_url: str) -> list[str]:
    """What to open once the demo is loaded: the docs, GraphiQL, and a first call to make."""
    base = base_url.rstrip("/")
    coordinator = report.tokens["coordinator"]
    cohort = report.cohorts["nc-model"]
    active = report.mentorships["active"]
    bearer = '-H "Authorization: Bearer $TOKEN"'
    return [
        "",
        "Next, with the server up (`make run`):",
        f"  REST docs (Authorize with a token above):  {base}/docs",
        f"  GraphiQL (header Authorization: Bearer <token>):  {base}/graphql",
        "  As the coordinator, match the NC cohort's applicants, then publish the pairs:",
        f"    TOKEN={coordinator}",
        f"    curl -s -X POST {base}/v1/cohorts/{cohort}/matching-runs {bearer}",
        f"    curl -s -X POST {base}/v1/matching-runs/<id>/publish {bearer}",
        "  Every mentorship, one in each state (proposed, confirmed, active, completed, ended,",
        "  withdrawn, rematched); the active one's meetings and its disclosure:",
        f"    curl -s {base}/v1/mentorships {bearer}",
        f"    curl -s {base}/v1/mentorships/{active} {bearer}",
        f"    curl -s {base}/v1/mentorships/{active}/meetings {bearer}",
        f"    curl -s {base}/v1/mentorships/{active}/disclosures {bearer}",
        f"    curl -s {base}/v1/mentorships/{report.mentorships['completed']}/evaluations {bearer}",
    ]
