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
    clock.set(starts_on - timedelta(days=1))  # applications close at the cohort's start
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
