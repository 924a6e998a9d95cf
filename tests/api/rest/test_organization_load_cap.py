"""One load cap across programs (issue 22 item 5), through REST and GraphQL: the organisation
administrator reads and sets it (with `If-Match`), and matching refuses a mentor whose open
pairs in all programs reach it, naming that cap. A service feature: no handbook states it."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTOR, apply, directory
from tests.api.rest.test_people_and_pairing import _approved_mentee, _caltrans_cohort

UPDATE = """mutation($cap: Int, $version: Int) {
  updateOrganization(maxOpenPairsPerMentor: $cap, ifVersion: $version) {
    __typename
    ... on Organization { maxOpenPairsPerMentor version }
    ... on Problem { code field }
  } }"""


async def _organization(client, headers) -> str:
    return (await client.get("/v1/organizations", headers=headers)).json()["items"][0]["id"]


async def test_the_administrator_sets_the_cap_only_from_a_fresh_read(client, auth):
    admin = await auth()
    url = f"/v1/organizations/{await _organization(client, admin)}"
    read = await client.get(url, headers=admin)
    assert read.status_code == 200, read.text
    assert read.json()["max_open_pairs_per_mentor"] is None
    tag = read.headers["ETag"]
    changed = await client.patch(
        url, headers=admin | {"If-Match": tag}, json={"max_open_pairs_per_mentor": 2}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["max_open_pairs_per_mentor"] == 2
    assert changed.headers["ETag"] != tag
    stale = await client.patch(
        url, headers=admin | {"If-Match": tag}, json={"max_open_pairs_per_mentor": 5}
    )
    assert stale.status_code == 412, stale.text
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["field"] == "If-Match"
    assert (await client.get(url, headers=admin)).json()["max_open_pairs_per_mentor"] == 2
    events = (await client.get("/v1/audit-events", headers=admin)).json()["items"]
    [event] = [e for e in events if e["action"] == "organization.settings_changed"]
    assert event["details"]["max_open_pairs_per_mentor"] == 2
    assert event["details"]["was"] is None


async def test_a_cap_below_one_or_an_unknown_setting_is_refused_by_name(client, auth):
    admin = await auth()
    url = f"/v1/organizations/{await _organization(client, admin)}"
    zero = await client.patch(url, headers=admin, json={"max_open_pairs_per_mentor": 0})
    assert zero.status_code == 422, zero.text
    assert zero.headers["content-type"] == "application/problem+json"
    assert zero.json()["field"] == "max_open_pairs_per_mentor"
    unknown = await client.patch(url, headers=admin, json={"max_open_pairs_across_programs": 1})
    assert unknown.status_code == 422, unknown.text
    cleared = await client.patch(url, headers=admin, json={"max_open_pairs_per_mentor": None})
    assert cleared.json()["max_open_pairs_per_mentor"] is None


async def test_coordinators_read_the_cap_and_only_the_administrator_sets_it(client, auth):
    admin = await auth()
    url = f"/v1/organizations/{await _organization(client, admin)}"
    coordinator = await auth(role=Role.COORDINATOR)
    assert (await client.get(url, headers=coordinator)).status_code == 200
    refused = await client.patch(url, headers=coordinator, json={"max_open_pairs_per_mentor": 1})
    assert refused.status_code == 403, refused.text
    ids = await directory(client, admin)
    participant = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    assert (await client.get(url, headers=participant)).status_code == 403


async def test_the_cap_is_no_longer_a_program_policy_setting(client, auth):
    admin = await auth()
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "Leaders", "preset": "caltrans"}
    )
    assert "max_open_pairs_across_programs" not in program.json()["policy"]["matching"]
    edited = await client.post(
        f"/v1/programs/{program.json()['id']}/policy-versions",
        headers=admin,
        json={"policy": {"matching": {"max_open_pairs_across_programs": 1}}},
    )
    assert edited.status_code == 422, edited.text


async def _choose(client, headers, cohort, mentee, mentor):
    return await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": cohort,
            "mentee_id": mentee,
            "mentor_id": mentor,
            "formed_by": "mentee_choice",
        },
    )


async def test_a_mentor_at_the_organisation_cap_is_refused_by_that_cap_by_name(client, auth):
    # seed 002_59333b271e9b4b69.txt: "an employee may request a mentor ... that is not on the
    # list"; the mentor's pair in another program counts only against the organisation's cap.
    admin = await auth()
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, admin)
    first = await _caltrans_cohort(client, headers)
    second = await _caltrans_cohort(client, headers, "Caltrans HQ")
    await _approved_mentee(client, headers, first, ids["E2"])
    await _approved_mentee(client, headers, second, ids["E1"])
    assert (await _choose(client, headers, first, ids["E2"], ids["D1"])).status_code == 201
    set_cap = await client.post(
        "/graphql", headers=admin, json={"query": UPDATE, "variables": {"cap": 1}}
    )
    assert set_cap.json()["data"]["updateOrganization"]["maxOpenPairsPerMentor"] == 1
    refused = await _choose(client, headers, second, ids["E1"], ids["D1"])
    assert refused.status_code == 422, refused.text
    assert refused.json()["rule"] == "within_organization_cap"
    assert refused.json()["field"] == "mentor_id"
    lifted = await client.post(
        "/graphql", headers=admin, json={"query": UPDATE, "variables": {"cap": 2}}
    )
    assert lifted.json()["data"]["updateOrganization"]["maxOpenPairsPerMentor"] == 2
    assert (await _choose(client, headers, second, ids["E1"], ids["D1"])).status_code == 201


async def test_a_matching_run_leaves_a_mentor_at_the_cap_idle_and_says_why(client, auth):
    admin = await auth()
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, admin)
    first = await _caltrans_cohort(client, headers)
    second = await _caltrans_cohort(client, headers, "Caltrans HQ")
    await _approved_mentee(client, headers, first, ids["E2"])
    assert (await _choose(client, headers, first, ids["E2"], ids["M3"])).status_code == 201
    await client.post("/graphql", headers=admin, json={"query": UPDATE, "variables": {"cap": 1}})
    await _approved_mentee(client, headers, second, ids["E1"])
    await apply(client, headers, second, ids["M3"], MENTOR)
    run = await client.post(f"/v1/cohorts/{second}/matching-runs", headers=headers)
    assert run.status_code == 201, run.text
    assert run.json()["proposals"] == []
    [unmatched] = run.json()["unmatched"]
    assert unmatched["refused_by"] == {"within_organization_cap": 1}
    [idle] = run.json()["mentors_without_mentee"]
    assert (idle["mentor_id"], idle["refused_by"]) == (ids["M3"], {"within_organization_cap": 1})


async def test_graphql_reads_the_cap_and_refuses_a_stale_or_invalid_change(client, auth):
    admin = await auth()
    read = await client.post(
        "/graphql",
        headers=admin,
        json={"query": "{ organization { maxOpenPairsPerMentor version } }"},
    )
    assert read.json()["data"]["organization"] == {"maxOpenPairsPerMentor": None, "version": 1}
    changed = await client.post(
        "/graphql", headers=admin, json={"query": UPDATE, "variables": {"cap": 3, "version": 1}}
    )
    assert changed.json()["data"]["updateOrganization"] == {
        "__typename": "Organization",
        "maxOpenPairsPerMentor": 3,
        "version": 2,
    }
    stale = await client.post(
        "/graphql", headers=admin, json={"query": UPDATE, "variables": {"cap": 4, "version": 1}}
    )
    assert stale.json()["data"]["updateOrganization"] == {
        "__typename": "Problem",
        "code": "precondition-failed",
        "field": "If-Match",
    }
    untouched = await client.post(
        "/graphql",
        headers=admin,
        json={
            "query": "mutation { updateOrganization(ifVersion: 2) "
            "{ ... on Organization { maxOpenPairsPerMentor } } }"
        },
    )
    assert untouched.json()["data"]["updateOrganization"] == {"maxOpenPairsPerMentor": 3}
    invalid = await client.post(
        "/graphql", headers=admin, json={"query": UPDATE, "variables": {"cap": 0}}
    )
    assert invalid.json()["data"]["updateOrganization"]["field"] == "max_open_pairs_per_mentor"
    coordinator = await auth(role=Role.COORDINATOR)
    refused = await client.post(
        "/graphql", headers=coordinator, json={"query": UPDATE, "variables": {"cap": 1}}
    )
    assert refused.json()["data"]["updateOrganization"]["code"] == "not-permitted"
