"""Programs over REST: from applications to proposed mentorships, as a coordinator would."""

from __future__ import annotations

from app.domain.access import Role
from app.domain.calendar_months import add_months
from tests.api.rest.program_helpers import (
    COHORT_STARTS,
    MENTEE,
    MENTOR,
    apply,
    directory,
    nc_cohort,
)


async def test_presets_list_the_four_seed_programs(client, auth):
    presets = (await client.get("/v1/presets", headers=await auth())).json()["items"]
    assert {p["key"] for p in presets} == {"charlotte-sll", "caltrans", "nc-model", "maine-mms"}


async def test_a_program_shows_its_effective_policy_with_overrides(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    created = await client.post(
        "/v1/programs",
        headers=headers,
        json={"name": "SLL", "preset": "charlotte-sll", "policy": {"checkpoint_month": 2}},
    )
    program = (await client.get(f"/v1/programs/{created.json()['id']}", headers=headers)).json()
    assert program["policy"]["duration_months"] == 9
    assert program["policy"]["checkpoint_month"] == 2


async def test_an_incoherent_policy_override_is_a_problem_naming_the_field(client, auth):
    answer = await client.post(
        "/v1/programs",
        headers=await auth(),
        json={"name": "SLL", "preset": "charlotte-sll", "policy": {"checkpoint_month": 12}},
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_a_coordinator_goes_from_applications_to_proposed_mentorships(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    for mentee in ("E1", "E2"):
        answer = await apply(client, headers, made["cohort"], ids[mentee], MENTEE)
        assert answer["eligibility"]["eligible"], answer["eligibility"]
    for mentor in ("M1", "M3"):
        await apply(client, headers, made["cohort"], ids[mentor], MENTOR)
    run = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)
    assert run.status_code == 201, run.text
    proposals = run.json()["proposals"]
    assert {p["mentee_id"] for p in proposals} == {ids["E1"], ids["E2"]}
    assert all(p["mentor_id"] != ids["M1"] for p in proposals if p["mentee_id"] == ids["E1"])
    assert all(p["explanation"]["score"]["terms"] for p in proposals)
    published = await client.post(f"/v1/matching-runs/{run.json()['id']}/publish", headers=headers)
    assert published.status_code == 200, published.text
    listed = (await client.get("/v1/mentorships", headers=headers)).json()["items"]
    assert {m["state"] for m in listed} == {"proposed"}
    # seed 003_e5d42bff8b56600f.txt "Selecting a Mentor": the coordinator matches; the run is their
    # tool.
    assert {m["formed_by"] for m in listed} == {"coordinator"}
    assert listed[0]["ends_on"] == add_months(COHORT_STARTS, 12).isoformat()
    again = await client.post(f"/v1/matching-runs/{run.json()['id']}/publish", headers=headers)
    assert again.status_code == 409


async def test_applying_twice_or_to_a_closed_cohort_is_a_conflict(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    twice = await client.post(
        f"/v1/cohorts/{made['cohort']}/applications",
        headers=headers,
        json={"employee_id": ids["E2"], **MENTEE},
    )
    assert twice.status_code == 409
    closed = await client.post(
        f"/v1/programs/{made['program']}/cohorts",
        headers=headers,
        json={"name": "old", "starts_on": "2020-01-01", "applications_close_on": "2020-01-01"},
    )
    late = await client.post(
        f"/v1/cohorts/{closed.json()['id']}/applications",
        headers=headers,
        json={"employee_id": ids["E1"], **MENTEE},
    )
    assert late.status_code == 409
    assert "closed" in late.json()["detail"]


async def test_a_run_on_a_cohort_with_no_eligible_mentors_is_a_problem(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    run = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)
    assert run.status_code == 409
    assert "no eligible mentors" in run.json()["detail"]


async def test_the_supervisor_approves_a_caltrans_application(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="caltrans")
    application = await apply(client, headers, made["cohort"], ids["E1"], MENTEE)
    assert application["supervisor_approval"] == "requested"
    assert not application["eligibility"]["eligible"]
    url = f"/v1/applications/{application['id']}/supervisor-decision"
    stranger = await auth(role=Role.SUPERVISOR, employee_id=ids["M2"])
    assert (await client.post(url, headers=stranger, json={"approved": True})).status_code == 404
    boss = await auth(role=Role.SUPERVISOR, employee_id=ids["M1"])
    approved = await client.post(url, headers=boss, json={"approved": True})
    assert approved.status_code == 200, approved.text
    assert approved.json()["eligibility"]["eligible"]


async def test_an_approved_caltrans_mentee_is_eligible_once_participation_is_in_their_idp(
    client, auth
):
    # 002_59333b271e9b4b69.txt "Minimum Requirements": "Participation is part of their
    # professional development plan and included in their IDP", besides supervisor approval.
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="caltrans")
    without = {k: v for k, v in MENTEE.items() if k != "participation_in_idp"}
    application = await apply(client, headers, made["cohort"], ids["E1"], without)
    boss = await auth(role=Role.SUPERVISOR, employee_id=ids["M1"])
    url = f"/v1/applications/{application['id']}"
    approved = await client.post(
        f"{url}/supervisor-decision", headers=boss, json={"approved": True}
    )
    decision = approved.json()["eligibility"]
    assert not decision["eligible"]
    assert [r["reason"] for r in decision["rules"] if not r["passed"]] == [
        "the application does not state that participation is included in the IDP"
    ]
    profile = {k: v for k, v in without.items() if k != "role"} | {"participation_in_idp": True}
    edited = await client.put(f"{url}/profile", headers=headers, json=profile)
    assert edited.status_code == 200, edited.text
    assert edited.json()["eligibility"]["eligible"]
    assert edited.json()["profile"]["participation_in_idp"] is True


async def test_a_charlotte_mentee_is_eligible_once_willing_to_take_part_in_the_evaluation(
    client, auth
):
    # seed 000_4e18aab21704e587.txt "Mentee Criteria": "Mentee is willing to participate
    # actively in the evaluation of this experience through their constructive feedback."
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="charlotte-sll")
    without = {k: v for k, v in MENTEE.items() if k != "commits_to_evaluation"}
    application = await apply(client, headers, made["cohort"], ids["E1"], without)
    decision = application["eligibility"]
    assert not decision["eligible"]
    assert [(r["rule"], r["reason"]) for r in decision["rules"] if not r["passed"]] == [
        (
            "commits_to_evaluation",
            "the application does not commit to take part in evaluating the experience",
        )
    ]
    url = f"/v1/applications/{application['id']}/profile"
    profile = {k: v for k, v in without.items() if k != "role"} | {"commits_to_evaluation": True}
    edited = await client.put(url, headers=headers, json=profile)
    assert edited.status_code == 200, edited.text
    assert edited.json()["eligibility"]["eligible"]
    assert edited.json()["profile"]["commits_to_evaluation"] is True
    wrong = await client.put(url, headers=headers, json={"commits_to_evaluation": "maybe"})
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("application/problem+json")


async def test_a_participant_sees_only_their_own_mentorships(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    await apply(client, headers, made["cohort"], ids["M3"], MENTOR)
    created = await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": made["cohort"],
            "mentee_id": ids["E2"],
            "mentor_id": ids["M3"],
            "formed_by": "coordinator",
        },
    )
    assert created.status_code == 201, created.text
    url = f"/v1/mentorships/{created.json()['id']}"
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    other = await auth(role=Role.PARTICIPANT, employee_id=ids["E1"])
    assert (await client.get(url, headers=mentee)).status_code == 200
    assert (await client.get(url, headers=other)).status_code == 404
    assert (await client.get("/v1/mentorships", headers=other)).json()["items"] == []


async def test_a_pair_in_one_supervisory_chain_is_refused_whoever_forms_it(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    await apply(client, headers, made["cohort"], ids["E1"], MENTEE)
    await apply(client, headers, made["cohort"], ids["M1"], MENTOR)
    refused = await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": made["cohort"],
            "mentee_id": ids["E1"],
            "mentor_id": ids["M1"],
            "formed_by": "coordinator",
        },
    )
    assert refused.status_code == 422
    assert "not_in_supervisory_chain" in refused.text


async def test_a_policy_edit_never_changes_a_mentorship_already_made(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    await apply(client, headers, made["cohort"], ids["M3"], MENTOR)
    run = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)
    await client.post(f"/v1/matching-runs/{run.json()['id']}/publish", headers=headers)
    edited = await client.post(
        f"/v1/programs/{made['program']}/policy-versions",
        headers=headers,
        json={"policy": {"duration_months": 18}, "expected_version": 1},
    )
    assert edited.json()["policy_version"] == 2
    [mentorship] = (await client.get("/v1/mentorships", headers=headers)).json()["items"]
    assert mentorship["policy"]["duration_months"] == 12
    assert mentorship["policy_version"] == 1


async def test_an_interview_shortlist_ranks_allowed_mentors_with_explanations(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    mentee = await apply(client, headers, made["cohort"], ids["E1"], MENTEE)
    for mentor in ("M1", "M2", "M3"):
        await apply(client, headers, made["cohort"], ids[mentor], MENTOR)
    shortlist = await client.get(
        f"/v1/applications/{mentee['id']}/suggested-mentors", headers=headers
    )
    assert shortlist.status_code == 200, shortlist.text
    mentors = [s["mentor_id"] for s in shortlist.json()]
    assert ids["M1"] not in mentors  # E1's own manager is never suggested
    assert set(mentors) == {ids["M2"], ids["M3"]}
    assert all(s["explanation"]["allowed"] for s in shortlist.json())


async def test_a_runs_proposals_are_read_a_page_at_a_time_over_rest_and_graphql(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    for mentee in ("E1", "E2"):
        await apply(client, headers, made["cohort"], ids[mentee], MENTEE)
    for mentor in ("M1", "M3"):
        await apply(client, headers, made["cohort"], ids[mentor], MENTOR)
    run = (await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)).json()
    url = f"/v1/matching-runs/{run['id']}/proposals"
    answered = await client.get(url, headers=headers, params={"limit": 1})
    first = answered.json()
    assert first["items"] == run["proposals"][:1]
    assert answered.headers["link"].endswith('; rel="next"')
    assert f"cursor={first['next_cursor']}" in answered.headers["link"]
    second = (
        await client.get(url, headers=headers, params={"limit": 1, "cursor": first["next_cursor"]})
    ).json()
    assert second == {"items": run["proposals"][1:], "next_cursor": None}
    query = """query($id: UUID!, $cursor: String) { matchingRunProposals(id: $id, first: 1,
      after: $cursor) { edges { node { menteeId } } pageInfo { hasNextPage } } }"""
    page = await client.post(
        "/graphql",
        headers=headers,
        json={"query": query, "variables": {"id": run["id"], "cursor": first["next_cursor"]}},
    )
    found = page.json()["data"]["matchingRunProposals"]
    assert found == {
        "edges": [{"node": {"menteeId": run["proposals"][1]["mentee_id"]}}],
        "pageInfo": {"hasNextPage": False},
    }
    bad = await client.get(url, headers=headers, params={"cursor": "not-ours"})
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
