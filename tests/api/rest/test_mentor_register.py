"""The standing mentor register (seed 002): volunteers kept across cohorts, readable by every
employee (names, titles, expertise), drawn on by Caltrans's volunteer lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, directory
from tests.factories import employee_row

OFFER = {
    "expertise": ["Budgeting", "budgeting ", "Contracts"],
    "capacity": 2,
    "availability": "Tue",
}


# Cohorts start a month from now: applications close when a cohort starts.
STARTS = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()


async def _volunteered(client, auth):
    ids = await directory(client, await auth())
    volunteer = await auth(role=Role.PARTICIPANT, employee_id=ids["M3"])
    joined = await client.put(f"/v1/mentor-register/{ids['M3']}", headers=volunteer, json=OFFER)
    assert joined.status_code == 200, joined.text
    return ids, volunteer, joined.json()


async def test_the_list_should_be_readily_available_for_all_employees(client, auth):
    # seed 002_59333b271e9b4b69.txt: "The list should be readily available for all employees
    # to use when seeking out a mentor."
    ids, _, joined = await _volunteered(client, auth)
    assert joined["expertise"] == ["Budgeting", "Contracts"]
    assert (joined["capacity"], joined["availability"]) == (2, "Tue")
    seeker = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    [entry] = (await client.get("/v1/mentor-register", headers=seeker)).json()["items"]
    assert entry["employee_id"] == ids["M3"]
    assert entry["name"] == "GivenM3 Family"
    assert entry["expertise"] == ["Budgeting", "Contracts"]
    assert (entry["capacity"], entry["availability"]) == (None, None)  # nothing else
    staff = await auth(role=Role.COORDINATOR)
    [seen] = (await client.get("/v1/mentor-register", headers=staff)).json()["items"]
    assert seen["capacity"] == 2
    query = "{ mentorRegister { edges { node { name expertise capacity } } } }"
    answer = await client.post("/graphql", headers=seeker, json={"query": query})
    assert answer.json()["data"]["mentorRegister"]["edges"] == [
        {
            "node": {
                "name": "GivenM3 Family",
                "expertise": ["Budgeting", "Contracts"],
                "capacity": None,
            }
        }
    ]


async def test_a_participant_keeps_only_their_own_entry(client, auth):
    ids, _, _ = await _volunteered(client, auth)
    other = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    assert (
        await client.put(f"/v1/mentor-register/{ids['M3']}", headers=other, json=OFFER)
    ).status_code == 404
    assert (
        await client.delete(f"/v1/mentor-register/{ids['M3']}", headers=other)
    ).status_code == 404
    query = (
        'mutation($id: UUID!) { joinMentorRegister(employeeId: $id, expertise: ["x"]) '
        "{ __typename ... on Problem { code } } }"
    )
    answer = await client.post(
        "/graphql", headers=other, json={"query": query, "variables": {"id": ids["M3"]}}
    )
    assert answer.json()["data"]["joinMentorRegister"]["__typename"] == "Problem"


async def test_another_organisation_never_sees_the_register(client, auth, other_org):
    await _volunteered(client, auth)
    outsider = await auth(role=Role.ORG_ADMIN, organization=other_org)
    assert (await client.get("/v1/mentor-register", headers=outsider)).json()["items"] == []


async def test_someone_on_leave_is_not_listed_and_cannot_volunteer(client, auth):
    # DOMAIN "Eligibility": only the actively employed take part.
    ids, volunteer, _ = await _volunteered(client, auth)
    admin = await auth()
    away = employee_row("M3", level=9, department="IT", unit="Apps", employment_status="leave")
    await client.post("/v1/employees/import", headers=admin, json={"employees": [away]})
    assert (await client.get("/v1/mentor-register", headers=admin)).json()["items"] == []
    again = await client.put(f"/v1/mentor-register/{ids['M3']}", headers=volunteer, json=OFFER)
    assert again.status_code == 422
    assert again.json()["rule"] == "active_employment"


async def test_a_caltrans_mentee_chooses_a_volunteer_from_the_register(client, auth):
    # seed 002_59333b271e9b4b69.txt: "The prospective mentee either chooses his mentor from the
    # list of volunteers maintained in the district or division."
    ids, _, _ = await _volunteered(client, auth)
    coordinator = await auth(role=Role.COORDINATOR)
    program = await client.post(
        "/v1/programs", headers=coordinator, json={"name": "D4", "preset": "caltrans"}
    )
    cohort = (
        await client.post(
            f"/v1/programs/{program.json()['id']}/cohorts",
            headers=coordinator,
            json={"name": "2026", "starts_on": STARTS},
        )
    ).json()["id"]
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    applied = await client.post(
        f"/v1/cohorts/{cohort}/applications",
        headers=mentee,
        json={"employee_id": ids["E2"], **MENTEE},
    )
    await client.post(
        f"/v1/applications/{applied.json()['id']}/supervisor-decision",
        headers=coordinator,
        json={"approved": True},
    )
    listed = (await client.get(f"/v1/cohorts/{cohort}/volunteers", headers=mentee)).json()["items"]
    assert [(v["employee_id"], v["open_places"]) for v in listed] == [(ids["M3"], 2)]
    assert listed[0]["profile"]["expertise"] == ["Budgeting", "Contracts"]
    chosen = await client.post(
        "/v1/mentorships",
        headers=mentee,
        json={
            "cohort_id": cohort,
            "mentee_id": ids["E2"],
            "mentor_id": ids["M3"],
            "formed_by": "mentee_choice",
        },
    )
    assert chosen.status_code == 201, chosen.text
    assert chosen.json()["explanation"]["off_list"] is False
