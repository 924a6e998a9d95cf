"""Programs, policy versions and matching runs name who made them: the employee behind the
token, or an integration token's label, never a bare token id (issue 22, item 9)."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort

RUN = """mutation($id: UUID!) { startMatchingRun(cohortId: $id) {
  __typename ... on MatchingRun { createdBy } } }"""


async def _made_by(connection, org, table: str) -> set[str]:
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
    rows = await connection.fetch(f"SELECT created_by FROM {table}")  # noqa: S608  (a constant)
    return {row["created_by"] for row in rows}


async def test_a_program_its_policy_versions_and_runs_name_the_coordinator(
    client, auth, connection, org
):
    # seed 003_e5d42bff8b56600f.txt "Program Coordinator": the coordinator matches and keeps
    # the program's records; a record names the person, not the token they used.
    ids = await directory(client, await auth())
    headers = await auth(role=Role.COORDINATOR, employee_id=ids["D1"])
    made = await nc_cohort(client, headers, ids)
    edited = await client.post(
        f"/v1/programs/{made['program']}/policy-versions",
        headers=headers,
        json={"policy": {"duration_months": 18}, "expected_version": 1},
    )
    assert edited.status_code == 201, edited.text
    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    await apply(client, headers, made["cohort"], ids["M3"], MENTOR)
    run = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)
    assert run.json()["created_by"] == "GivenD1 Family (D1)"
    assert await _made_by(connection, org, "program_policies") == {"GivenD1 Family (D1)"}
    assert await _made_by(connection, org, "matching_runs") == {"GivenD1 Family (D1)"}


async def test_a_run_by_a_token_without_a_person_names_the_tokens_label_in_graphql(client, auth):
    ids = await directory(client, await auth())
    headers = await auth(role=Role.COORDINATOR)
    made = await nc_cohort(client, headers, ids)
    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    await apply(client, headers, made["cohort"], ids["M3"], MENTOR)
    answer = await client.post(
        "/graphql", headers=headers, json={"query": RUN, "variables": {"id": made["cohort"]}}
    )
    run = answer.json()["data"]["startMatchingRun"]
    assert run == {"__typename": "MatchingRun", "createdBy": "test (coordinator token)"}
    assert "token:" not in run["createdBy"]


async def test_a_token_made_by_another_token_names_the_person_behind_it(client, auth):
    # Issue 22 item 9: a record names the employee behind the token, never the token's id.
    ids = await directory(client, await auth())
    headers = await auth(role=Role.ORG_ADMIN, employee_id=ids["D1"])
    made = await client.post(
        "/v1/api-tokens", headers=headers, json={"name": "sync", "role": "integration"}
    )
    assert made.status_code == 201, made.text
    assert made.json()["created_by"] == "GivenD1 Family (D1)"
    listed = (await client.get("/v1/api-tokens", headers=headers)).json()["items"]
    assert {t["created_by"] for t in listed if t["name"] == "sync"} == {"GivenD1 Family (D1)"}


async def test_a_token_made_by_a_token_without_a_person_names_its_label_in_graphql(client, auth):
    mutation = """mutation { createApiToken(name: "sync", role: INTEGRATION) {
      __typename ... on IssuedApiToken { record { createdBy } } } }"""
    answer = await client.post("/graphql", headers=await auth(), json={"query": mutation})
    made = answer.json()["data"]["createApiToken"]
    assert made["record"]["createdBy"] == "test (org_admin token)"
