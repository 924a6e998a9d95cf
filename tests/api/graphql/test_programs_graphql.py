"""Programs over GraphQL: the same journey as REST, from the same service functions."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.graphql.calls import graphql_data
from tests.api.rest.program_helpers import COHORT_STARTS, directory, nc_cohort

PROGRAM = """mutation($policy: JSON) {
  createProgram(name: "Leaders", preset: "nc-model", policy: $policy) {
    __typename ... on Program { id policy } ... on Problem { code detail field }
  }
}"""
# Applications close at the cohort's start: the cohort starts after today, whenever this runs.
COHORT = (
    'mutation($id: UUID!) { createCohort(programId: $id, name: "2026", '
    f'startsOn: "{COHORT_STARTS.isoformat()}") '
    "{ ... on Cohort { id } ... on Problem { code detail } } }"
)
APPLY = """mutation($cohort: UUID!, $who: UUID!, $role: ApplicantRole!, $profile: JSON) {
  submitApplication(cohortId: $cohort, employeeId: $who, role: $role, profile: $profile) {
    __typename
    ... on Application { id eligibility { eligible rules { rule passed reason } } }
    ... on Problem { code detail }
  }
}"""
RUN = """mutation($id: UUID!) {
  startMatchingRun(cohortId: $id) {
    ... on MatchingRun {
      id proposals { menteeId mentorId score explanation runnersUp { mentorId score } }
      unmatched { menteeId reason }
    }
    ... on Problem { code detail }
  }
}"""
PUBLISH = """mutation($id: UUID!) {
  publishMatchingRun(id: $id) {
    __typename
    ... on PublishedRun { mentorships { id state endsOn mentee { employeeNumber } } }
    ... on Problem { code detail }
  }
}"""


async def test_a_coordinator_goes_from_applications_to_proposed_mentorships(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    open_rules = {"eligibility": {"mentee_rules": [], "mentor_rules": []}}
    program = (await graphql_data(client, headers, PROGRAM, policy=open_rules))["createProgram"]
    assert program["policy"]["duration_months"] == 12
    cohort = (await graphql_data(client, headers, COHORT, id=program["id"]))["createCohort"]
    for who, role in (("E1", "MENTEE"), ("E2", "MENTEE"), ("M1", "MENTOR"), ("M3", "MENTOR")):
        answer = await graphql_data(
            client,
            headers,
            APPLY,
            cohort=cohort["id"],
            who=ids[who],
            role=role,
            profile={"goals": ["grow"]},
        )
        assert answer["submitApplication"]["eligibility"]["eligible"]
    run = (await graphql_data(client, headers, RUN, id=cohort["id"]))["startMatchingRun"]
    assert len(run["proposals"]) == 2
    assert all(p["explanation"]["passed"] for p in run["proposals"])
    published = (await graphql_data(client, headers, PUBLISH, id=run["id"]))["publishMatchingRun"]
    assert {m["state"] for m in published["mentorships"]} == {"proposed"}
    again = (await graphql_data(client, headers, PUBLISH, id=run["id"]))["publishMatchingRun"]
    assert again == {"__typename": "Problem", "code": "conflict", "detail": again["detail"]}
    listed = await graphql_data(client, headers, "{ mentorships { edges { node { id state } } } }")
    assert len(listed["mentorships"]["edges"]) == 2


async def test_an_unknown_preset_is_a_problem_not_an_error(client, auth):
    response = await client.post(
        "/graphql",
        headers=await auth(),
        json={"query": PROGRAM.replace("nc-model", "nope"), "variables": {}},
    )
    answer = response.json()["data"]["createProgram"]
    assert answer["__typename"] == "Problem"
    assert answer["code"] == "not-found"
    assert "charlotte-sll" in answer["detail"]


ADDED_KINDS = ("social_event", "networking_event")


async def test_a_cohort_lists_its_calendar(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    program = (await graphql_data(client, headers, PROGRAM, policy=None))["createProgram"]
    cohort = (await graphql_data(client, headers, COHORT, id=program["id"]))["createCohort"]
    for kind, day in (("networking_event", "2026-10-01"), ("social_event", "2026-07-01")):
        await graphql_data(
            client,
            headers,
            "mutation($id: UUID!, $kind: String!, $day: Date!) "
            "{ addCohortEvent(cohortId: $id, kind: $kind, startsOn: $day) { __typename } }",
            id=cohort["id"],
            kind=kind,
            day=day,
        )
    found = await graphql_data(
        client,
        headers,
        "query($id: UUID!) { cohort(id: $id) { events { kind } } }",
        id=cohort["id"],
    )
    added = [e["kind"] for e in found["cohort"]["events"] if e["kind"] in ADDED_KINDS]
    assert added == ["social_event", "networking_event"]


EDIT = """mutation($id: UUID!, $profile: JSON!) {
  editApplication(id: $id, profile: $profile) {
    ... on Application { eligibility { eligible rules { rule passed reason } } }
    ... on Problem { code detail }
  }
}"""


def _idp(answer: dict) -> dict:
    rules = answer["eligibility"]["rules"]
    return next(r for r in rules if r["rule"] == "participation_in_idp")


async def test_a_caltrans_mentee_states_over_graphql_that_participation_is_in_their_idp(
    client, auth
):
    # 002_59333b271e9b4b69.txt "Minimum Requirements": "Participation is part of their
    # professional development plan and included in their IDP"; only a yes attests.
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="caltrans")
    applied = await graphql_data(
        client, headers, APPLY, cohort=made["cohort"], who=ids["E1"], role="MENTEE", profile={}
    )
    application = applied["submitApplication"]
    assert _idp(application) == {
        "rule": "participation_in_idp",
        "passed": False,
        "reason": "the application does not state that participation is included in the IDP",
    }
    profile = {"participation_in_idp": True}
    edited = await graphql_data(client, headers, EDIT, id=application["id"], profile=profile)
    assert _idp(edited["editApplication"])["passed"] is True


async def test_a_profile_field_of_the_wrong_kind_is_named_as_rest_would(client, auth):
    # GraphQL's profile is free JSON; it is checked against the same model as REST's body.
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="caltrans")
    applied = await graphql_data(
        client, headers, APPLY, cohort=made["cohort"], who=ids["E1"], role="MENTEE", profile={}
    )
    application = applied["submitApplication"]
    for profile, field in (
        ({"participation_in_idp": "perhaps"}, "profile.participation_in_idp"),
        ({"strengths": "budgeting"}, "profile.strengths"),
        ({"preferences": {"mentor_ids": ["not-an-id"]}}, "profile.preferences.mentor_ids.0"),
        ({"hobbies": ["chess"]}, "profile.hobbies"),
    ):
        edited = await graphql_data(client, headers, EDIT, id=application["id"], profile=profile)
        problem = edited["editApplication"]
        assert problem["code"] == "invalid-input"
        assert problem["detail"].startswith(field + ": ")


async def test_a_charlotte_mentee_commits_over_graphql_to_take_part_in_the_evaluation(client, auth):
    # seed 000_4e18aab21704e587.txt "Mentee Criteria": "Mentee is willing to participate
    # actively in the evaluation of this experience through their constructive feedback."
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="charlotte-sll")
    assessment = {
        "strengths": ["listening"],
        "weaknesses": ["delegation"],
        "goals": ["lead a team"],
        "leadership_history": "led a project team",
    }
    applied = await graphql_data(
        client,
        headers,
        APPLY,
        cohort=made["cohort"],
        who=ids["E1"],
        role="MENTEE",
        profile=assessment,
    )
    application = applied["submitApplication"]
    assert not application["eligibility"]["eligible"]
    assert [r["rule"] for r in application["eligibility"]["rules"] if not r["passed"]] == [
        "commits_to_evaluation"
    ]
    profile = {**assessment, "commits_to_evaluation": True}
    edited = await graphql_data(client, headers, EDIT, id=application["id"], profile=profile)
    assert edited["editApplication"]["eligibility"]["eligible"] is True
