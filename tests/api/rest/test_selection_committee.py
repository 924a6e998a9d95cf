"""Charlotte's selection committee (seed 000): members review applications against mentor
profiles, recommend a pair per mentee, and a coordinator publishes the slate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTOR, apply
from tests.api.rest.test_people_and_pairing import SELF_ASSESSMENT, _charlotte

# Cohorts start a month from now: applications close when a cohort starts.
STARTS = (datetime.now(UTC).date() + timedelta(days=30)).isoformat()


async def test_the_selection_committee_matches_applications_to_mentor_profiles(client, auth):
    # seed 000_4e18aab21704e587.txt "Selection Committee": "Reviews participant application for
    # closest match with mentor profile".
    coordinator = await auth(role=Role.COORDINATOR)
    member = await auth(role=Role.COMMITTEE)
    ids, cohort = await _charlotte(client, await auth())
    for mentee in ("A-T", "A-W"):
        await apply(client, coordinator, cohort, ids[mentee], SELF_ASSESSMENT)
    for mentor in ("CM", "ACM"):
        await apply(client, coordinator, cohort, ids[mentor], MENTOR | {"capacity": 1})
    url = f"/v1/cohorts/{cohort}/committee-recommendations"
    first = await client.post(
        url,
        headers=member,
        json={"mentee_id": ids["A-T"], "mentor_id": ids["CM"], "note": "city-wide view"},
    )
    assert first.status_code == 200, first.text
    # One-to-one: the City Manager is taken by the slate already.
    taken = await client.post(
        url, headers=member, json={"mentee_id": ids["A-W"], "mentor_id": ids["CM"]}
    )
    assert (taken.status_code, taken.json()["rule"]) == (422, "mentor_has_capacity")
    query = (
        "mutation($c: UUID!, $e: UUID!, $r: UUID!) { recommendPair(cohortId: $c, menteeId: $e, "
        "mentorId: $r) { __typename ... on CommitteeRecommendation { mentorId } } }"
    )
    variables = {"c": cohort, "e": ids["A-W"], "r": ids["ACM"]}
    second = await client.post(
        "/graphql", headers=member, json={"query": query, "variables": variables}
    )
    assert second.json()["data"]["recommendPair"]["mentorId"] == ids["ACM"]
    slate = (await client.get(url, headers=coordinator)).json()["items"]
    assert {(p["mentee_id"], p["mentor_id"]) for p in slate} == {
        (ids["A-T"], ids["CM"]),
        (ids["A-W"], ids["ACM"]),
    }
    assert (await client.post(f"{url}/publish", headers=member)).status_code == 403
    published = await client.post(f"{url}/publish", headers=coordinator)
    assert published.status_code == 201, published.text
    assert {m["formed_by"] for m in published.json()} == {"committee"}
    notes = {m["mentee_id"]: m["explanation"]["note"] for m in published.json()}
    assert notes[ids["A-T"]] == "city-wide view"
    assert (await client.get(url, headers=coordinator)).json()["items"] == []


async def test_a_program_without_a_committee_has_no_slate(client, auth):
    coordinator = await auth(role=Role.COORDINATOR)
    program = await client.post(
        "/v1/programs", headers=coordinator, json={"name": "NC", "preset": "nc-model"}
    )
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=coordinator,
        json={"name": "2026", "starts_on": STARTS},
    )
    answer = await client.post(
        f"/v1/cohorts/{cohort.json()['id']}/committee-recommendations/publish",
        headers=coordinator,
    )
    assert answer.status_code == 422
    assert answer.json()["type"] == "/problems/invalid-policy"


async def test_a_committee_programs_matching_run_is_never_published_as_its_pairs(client, auth):
    # seed 000_4e18aab21704e587.txt "Selection Committee": the committee "Reviews participant
    # application for closest match with mentor profile": a run may inform it, never replace it.
    coordinator = await auth(role=Role.COORDINATOR)
    ids, cohort = await _charlotte(client, await auth())
    await apply(client, coordinator, cohort, ids["A-T"], SELF_ASSESSMENT)
    await apply(client, coordinator, cohort, ids["CM"], MENTOR | {"capacity": 1})
    run = await client.post(f"/v1/cohorts/{cohort}/matching-runs", headers=coordinator)
    assert run.status_code == 201, run.text
    refused = await client.post(
        f"/v1/matching-runs/{run.json()['id']}/publish", headers=coordinator
    )
    assert (refused.status_code, refused.json()["rule"]) == (422, "pair_formation")
    query = (
        "mutation($id: UUID!) { publishMatchingRun(id: $id) { __typename "
        "... on Problem { rule } } }"
    )
    answer = await client.post(
        "/graphql",
        headers=coordinator,
        json={"query": query, "variables": {"id": run.json()["id"]}},
    )
    assert answer.json()["data"]["publishMatchingRun"] == {
        "__typename": "Problem",
        "rule": "pair_formation",
    }
    mentorships = await client.get("/v1/mentorships", headers=coordinator)
    assert mentorships.json()["items"] == []
