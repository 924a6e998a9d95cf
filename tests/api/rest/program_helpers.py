"""Driving the programs API the way a coordinator would, for the REST and GraphQL tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.factories import employee_row

# D1 manages M1 (a mentor) who manages E1 (a mentee); M2, M3 and E2 sit elsewhere.
PEOPLE = [
    employee_row("D1", level=10, department="Ops", unit="Top"),
    employee_row("M1", level=8, department="Ops", unit="Roads", manager_employee_number="D1"),
    employee_row("M2", level=8, department="Finance", unit="Audit"),
    employee_row("M3", level=9, department="IT", unit="Apps"),
    employee_row("E1", level=3, department="Ops", unit="Roads", manager_employee_number="M1"),
    employee_row("E2", level=3, department="Finance", unit="Payroll"),
]
MENTEE = {
    "role": "mentee",
    "strengths": ["listening"],
    "weaknesses": ["delegation"],
    "leadership_history": "led a project team",
    "participation_in_idp": True,
    "commits_to_evaluation": True,
    "goals": ["lead a team"],
    "competencies_wanted": ["budgeting"],
    "needs_assessment": "wants to grow into a supervisory role",
}
MENTOR = {"role": "mentor", "expertise": ["budgeting"], "bio": "twenty years", "capacity": 2}


async def directory(client, headers) -> dict[str, str]:
    """Import PEOPLE; their ids by employee number."""
    imported = await client.post(
        "/v1/employees/import", headers=headers, json={"employees": PEOPLE}
    )
    assert imported.status_code == 200, imported.text
    listed = (await client.get("/v1/employees", headers=headers)).json()["items"]
    return {e["employee_number"]: e["id"] for e in listed}


# Applications close at the cohort's start: the cohort starts after today, whenever the tests
# run, and the information session was held shortly before today.
COHORT_STARTS = datetime.now(UTC).date() + timedelta(days=60)
SESSION_ON = datetime.now(UTC).date() - timedelta(days=10)


async def nc_cohort(client, headers, ids, preset="nc-model", policy=None) -> dict[str, str]:
    """A program and cohort with an information session everyone in `ids` attended."""
    program = await client.post(
        "/v1/programs",
        headers=headers,
        json={"name": "Leaders", "preset": preset, "policy": policy},
    )
    assert program.status_code == 201, program.text
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=headers,
        json={"name": "2026", "starts_on": COHORT_STARTS.isoformat()},
    )
    assert cohort.status_code == 201, cohort.text
    event = await client.post(
        f"/v1/cohorts/{cohort.json()['id']}/events",
        headers=headers,
        json={"kind": "information_session", "title": "Info", "starts_on": SESSION_ON.isoformat()},
    )
    attended = await client.post(
        f"/v1/cohort-events/{event.json()['id']}/attendance",
        headers=headers,
        json={"employee_ids": list(ids.values())},
    )
    assert attended.status_code == 200, attended.text
    return {"program": program.json()["id"], "cohort": cohort.json()["id"]}


async def apply(client, headers, cohort_id, employee_id, body) -> dict:
    answer = await client.post(
        f"/v1/cohorts/{cohort_id}/applications",
        headers=headers,
        json={"employee_id": employee_id, **body},
    )
    assert answer.status_code == 201, answer.text
    return answer.json()
