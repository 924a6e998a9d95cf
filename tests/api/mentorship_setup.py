"""Getting a proposed mentorship to run, as the seeds' programs would: people in the
directory, a program from a preset, a cohort, applications, and a proposed pair.

Programs and cohorts are made over REST. The pair itself is stored the way a published
matching run stores it (the programs area's `proposed_mentorships`), so these tests start
at `proposed` without each preset's eligibility evidence; `apply=True` adds eligible
applications for the checkpoint's rematch."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.services import applications
from app.services.relationships.mentorships import proposed_mentorships
from tests.factories import employee_row


class MovableClock:
    """The service's clock in these tests: set to the day the seeds' step happens."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def set(self, day: date) -> None:
        self.current = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)

    def advance(self, days: int) -> None:
        self.current += timedelta(days=days)


@pytest.fixture
def clock(client) -> MovableClock:
    moving = MovableClock(datetime(2027, 1, 4, 12, tzinfo=UTC))
    _app(client).state.clock = moving
    return moving


@dataclass
class Pairing:
    """A proposed mentorship and the tokens of everyone in the story."""

    id: str
    mentee_id: UUID
    mentor_id: UUID
    cohort_id: UUID
    admin: dict[str, str]
    mentee: dict[str, str]
    mentor: dict[str, str]
    organization_id: UUID | None = None
    people: dict[str, UUID] = field(default_factory=dict)
    tokens: dict[str, dict[str, str]] = field(default_factory=dict)


def _app(client: Any) -> Any:
    return client._transport.app


async def principal_of(client: Any, headers: dict[str, str]) -> Principal:
    token = headers["Authorization"].split(" ", 1)[1]
    principal: Principal = await _app(client).state.authenticator.authenticate(token)
    return principal


def uow_of(client: Any, principal: Principal) -> SqlUnitOfWork:
    return SqlUnitOfWork(_app(client).state.database, principal.organization_id)


def _rows(prefix: str, extra_mentors: int) -> list[dict[str, Any]]:
    attributes = {"graduate_of": ["Maine Leadership Institute"]}
    rows = [
        employee_row(f"{prefix}-BOSS", level=7, department="Finance", unit="Budget"),
        employee_row(
            f"{prefix}-MENTEE",
            level=3,
            department="Finance",
            unit="Payroll",
            manager_employee_number=f"{prefix}-BOSS",
            attributes=attributes,
            hire_date="2015-01-01",
        ),
        employee_row(f"{prefix}-MENTOR", level=9, department="Operations", unit="Fleet"),
        employee_row(f"{prefix}-STAFF", level=6, department="HR", unit="Learning"),
    ]
    rows += [
        employee_row(f"{prefix}-ALT{i}", level=9, department="Planning", unit=f"P{i}")
        for i in range(extra_mentors)
    ]
    return rows


async def propose(
    client: Any,
    auth: Any,
    preset: str,
    starts_on: date,
    *,
    prefix: str = "P",
    extra_mentors: int = 0,
    apply: bool = False,
    policy: dict[str, Any] | None = None,
    needs_assessment: bool = True,
) -> Pairing:
    """A proposed mentorship of `preset` starting on `starts_on`; with `apply`, the cohort
    also holds eligible applications (the mentee, the mentor, and `extra_mentors` more).
    Where the policy asks the mentee's needs assessment by the initial meeting (NC), the
    mentee has applied with it, unless `needs_assessment` is False."""
    admin = await auth()
    rows = _rows(prefix, extra_mentors)
    imported = await client.post("/v1/employees/import", headers=admin, json={"employees": rows})
    assert imported.status_code == 200, imported.text
    principal = await principal_of(client, admin)
    async with uow_of(client, principal) as uow:
        people = {
            r["employee_number"].split("-", 1)[1]: (
                await uow.employees.by_number(r["employee_number"])
            ).id
            for r in rows
        }
    program = await client.post(
        "/v1/programs",
        headers=admin,
        json={"name": f"{preset} program", "preset": preset, "policy": policy},
    )
    assert program.status_code == 201, program.text
    made = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=admin,
        json={"name": "Cohort", "starts_on": starts_on.isoformat()},
    )
    assert made.status_code == 201, made.text
    cohort_id = UUID(made.json()["id"])
    formed_by = program.json()["policy"]["pair_formation"][0]
    # Maine's first way is a referral, whose match stands once the administrator has confirmed
    # the referent's qualifications (seed 004_5b4c852a2ca2c393.txt): the pair is set up as confirmed
    # that far.
    referral = {"referral": {"qualifications_confirmed": True}} if formed_by == "referral" else {}
    onboarding = program.json()["policy"]["onboarding"]
    if apply:
        await _apply(client, principal, cohort_id, people, starts_on)
    elif needs_assessment and onboarding["needs_assessment_by_initial_meeting"]:
        await _apply(client, principal, cohort_id, {"MENTEE": people["MENTEE"]}, starts_on)
    async with uow_of(client, principal) as uow:
        [created] = await proposed_mentorships(
            uow,
            cohort_id,
            [(people["MENTEE"], people["MENTOR"], referral)],
            formed_by=formed_by,
            today=starts_on,  # formed the day the cohort starts, as a published run's pairs
        )
        await uow.commit()
    tokens = {
        name: await auth(role=Role.PARTICIPANT, employee_id=pid) for name, pid in people.items()
    }
    tokens["BOSS"] = await auth(role=Role.SUPERVISOR, employee_id=people["BOSS"])
    tokens["STAFF"] = await auth(role=Role.COORDINATOR, employee_id=people["STAFF"])
    return Pairing(
        id=str(created.id),
        mentee_id=people["MENTEE"],
        mentor_id=people["MENTOR"],
        cohort_id=cohort_id,
        admin=admin,
        mentee=tokens["MENTEE"],
        mentor=tokens["MENTOR"],
        organization_id=principal.organization_id,
        people=people,
        tokens=tokens,
    )


async def _apply(
    client: Any, principal: Principal, cohort_id: UUID, people: dict[str, UUID], starts_on: date
) -> None:
    # Applications close at the cohort's start: they come in the day before.
    before = MovableClock(datetime(2000, 1, 1, tzinfo=UTC))
    before.set(starts_on - timedelta(days=1))
    profile = {
        "strengths": ["budgets"],
        "weaknesses": ["delegation"],
        "goals": ["lead a team"],
        "leadership_history": "led a project team",
        "participation_in_idp": True,
        "commits_to_evaluation": True,
        # NC: by the initial meeting (seed 003_e5d42bff8b56600f.txt)
        "needs_assessment": "wants to lead a team",
    }
    for name, pid in people.items():
        if name in ("BOSS", "STAFF"):
            continue
        role = ApplicantRole.MENTEE if name == "MENTEE" else ApplicantRole.MENTOR
        await applications.submit_application(
            uow=uow_of(client, principal),
            principal=principal,
            clock=before,
            cohort_id=cohort_id,
            employee_id=pid,
            role=role,
            profile=profile if role is ApplicantRole.MENTEE else {"expertise": ["budgets"]},
        )


async def activate(client: Any, pairing: Any, terms: dict[str, Any]) -> None:
    """Both sides confirm the proposed pair, then the mentee writes the agreement's ``terms``
    and both sign it: the pair is active."""
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": terms})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
