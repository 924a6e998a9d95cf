"""A cohort whose people applied before it started, for pairs formed later in its year:
the directory and applications of tests/api/rest/program_helpers, a program of the preset
with its eligibility rules lifted (the tests are about dates, not admission), and the app's
clock set to the day before the cohort starts while they apply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory

OPEN_RULES = {"eligibility": {"mentee_rules": [], "mentor_rules": []}}


@dataclass
class Applicants:
    """A cohort with one eligible mentee (E2) and one eligible mentor (M3)."""

    cohort_id: str
    staff: dict[str, str]
    mentee_id: str
    mentor_id: str
    mentee: dict[str, str]
    mentor: dict[str, str]


async def applicants(
    client: Any, auth: Any, clock: Any, preset: str, starts_on: date
) -> Applicants:
    """A ``preset`` cohort starting on ``starts_on`` that E2 and M3 applied to the day before."""
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    program = await client.post(
        "/v1/programs",
        headers=staff,
        json={"name": "Leaders", "preset": preset, "policy": OPEN_RULES},
    )
    assert program.status_code == 201, program.text
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=staff,
        json={"name": "Cohort", "starts_on": starts_on.isoformat()},
    )
    assert cohort.status_code == 201, cohort.text
    cohort_id = cohort.json()["id"]
    clock.set(starts_on - timedelta(days=1))  # open in every program: some close at the start
    await apply(client, staff, cohort_id, ids["E2"], MENTEE)
    await apply(client, staff, cohort_id, ids["M3"], MENTOR)
    return Applicants(
        cohort_id,
        staff,
        ids["E2"],
        ids["M3"],
        await auth(role=Role.PARTICIPANT, employee_id=ids["E2"]),
        await auth(role=Role.PARTICIPANT, employee_id=ids["M3"]),
    )


@dataclass
class MaineYear:
    """A Maine cohort with a pair proposed before its start (E1 and M2) and one proposed on
    ``late`` (E2 and M3), neither confirmed."""

    cohort_id: str
    staff: dict[str, str]
    early_pair: str
    late_pair: str


async def maine_year(client: Any, auth: Any, clock: Any, starts_on: date, late: date) -> MaineYear:
    """``applicants`` of a Maine cohort, two more who apply and are matched before it starts,
    then E2 and M3 matched on ``late``."""
    found = await applicants(client, auth, clock, "maine-mms", starts_on)
    listed = (await client.get("/v1/employees", headers=await auth())).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed}
    await apply(client, found.staff, found.cohort_id, ids["E1"], MENTEE)
    await apply(client, found.staff, found.cohort_id, ids["M2"], MENTOR)
    early = await _propose(client, found, ids["E1"], ids["M2"])
    clock.set(late)
    return MaineYear(
        found.cohort_id,
        found.staff,
        early,
        await _propose(client, found, found.mentee_id, found.mentor_id),
    )


async def _propose(client: Any, found: Applicants, mentee_id: str, mentor_id: str) -> str:
    made = await client.post(
        "/v1/mentorships",
        headers=found.staff,
        json={
            "cohort_id": found.cohort_id,
            "mentee_id": mentee_id,
            "mentor_id": mentor_id,
            "formed_by": "coordinator",
        },
    )
    assert made.status_code == 201, made.text
    assert made.json()["state"] == "proposed", made.json()
    return str(made.json()["id"])
