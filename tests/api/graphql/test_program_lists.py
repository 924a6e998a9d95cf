"""Programs, a program's cohorts and a cohort's matching runs are listed over GraphQL as they
are over REST: the same items in the same order, a page at a time either way, nothing of
another organisation, and a cohort's calendar loaded for the whole page at once."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.graphql.calls import graphql
from tests.api.graphql.test_efficiency import CountingConnection
from tests.factories import employee_row

PAGE = "edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor }"
PROGRAMS = (
    "query($first: Int, $after: String, $last: Int, $before: String) { programs(first: $first, "
    "after: $after, last: $last, before: $before) { " + PAGE + " } }"
)
COHORTS = (
    "query($id: UUID!, $first: Int, $after: String) { cohorts(programId: $id, first: $first, "
    "after: $after) { " + PAGE + " } }"
)
RUNS = (
    "query($id: UUID!, $first: Int, $after: String, $last: Int) { matchingRuns(cohortId: $id, "
    "first: $first, after: $after, last: $last) { edges { cursor node { id cohortId state } } "
    "pageInfo { hasNextPage hasPreviousPage endCursor } } }"
)


async def _data(client, headers, query, **variables) -> dict:
    body = await graphql(client, headers, query, **variables)
    assert "errors" not in body, body
    return body["data"]


async def _created(client, headers, url, body) -> str:
    answer = await client.post(url, headers=headers, json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


async def _programs(client, headers, count: int) -> list[str]:
    return [
        await _created(
            client, headers, "/v1/programs", {"name": f"Program {n}", "preset": "nc-model"}
        )
        for n in range(count)
    ]


async def _matchable_cohort(client, headers) -> tuple[str, str]:
    """A program with open rules, and a cohort with a mentee and a mentor applying."""
    rows = [
        employee_row("PL-E1", level=2, department="Roads"),
        employee_row("PL-M1", level=9, department="Parks"),
    ]
    await client.post("/v1/employees/import", headers=headers, json={"employees": rows})
    listed = (await client.get("/v1/employees", headers=headers)).json()["items"]
    ids = {e["employee_number"]: e["id"] for e in listed}
    open_rules = {"eligibility": {"mentee_rules": [], "mentor_rules": []}}
    program = await _created(
        client, headers, "/v1/programs", {"name": "P", "preset": "nc-model", "policy": open_rules}
    )
    cohort = await _created(
        client, headers, f"/v1/programs/{program}/cohorts", {"name": "C", "starts_on": "2027-01-04"}
    )
    for number, role in (("PL-E1", "mentee"), ("PL-M1", "mentor")):
        await _created(
            client,
            headers,
            f"/v1/cohorts/{cohort}/applications",
            {"employee_id": ids[number], "role": role},
        )
    return program, cohort


def _ids(connection: dict) -> list[str]:
    return [e["node"]["id"] for e in connection["edges"]]


async def test_programs_page_forward_and_backward_in_restss_order(client, auth):
    headers = await auth()
    await _programs(client, headers, 5)
    rest = (await client.get("/v1/programs", headers=headers)).json()["items"]
    everything = [p["id"] for p in rest]
    assert len(everything) == 5

    first = (await _data(client, headers, PROGRAMS, first=2))["programs"]
    assert _ids(first) == everything[:2]
    assert (first["pageInfo"]["hasNextPage"], first["pageInfo"]["hasPreviousPage"]) == (True, False)
    after = first["pageInfo"]["endCursor"]
    rest_of_it = (await _data(client, headers, PROGRAMS, first=10, after=after))["programs"]
    assert _ids(rest_of_it) == everything[2:]
    assert rest_of_it["pageInfo"]["hasNextPage"] is False
    assert rest_of_it["pageInfo"]["hasPreviousPage"] is True

    last = (await _data(client, headers, PROGRAMS, last=2))["programs"]
    assert _ids(last) == everything[3:]
    before = last["edges"][0]["cursor"]
    earlier = (await _data(client, headers, PROGRAMS, last=2, before=before))["programs"]
    assert _ids(earlier) == everything[1:3]
    assert earlier["pageInfo"]["hasPreviousPage"] is True
    # A GraphQL cursor is REST's for the same list: paging may go on in either API.
    on_rest = await client.get(f"/v1/programs?cursor={after}", headers=headers)
    assert [p["id"] for p in on_rest.json()["items"]] == everything[2:]


async def test_a_programs_cohorts_page_and_each_brings_its_calendar(client, auth):
    headers = await auth()
    [program] = await _programs(client, headers, 1)
    cohorts = [
        await _created(
            client,
            headers,
            f"/v1/programs/{program}/cohorts",
            {"name": f"C{n}", "starts_on": "2027-01-04"},
        )
        for n in range(3)
    ]
    await _created(
        client,
        headers,
        f"/v1/cohorts/{cohorts[1]}/events",
        {"kind": "orientation", "starts_on": "2027-01-11"},
    )
    page = (await _data(client, headers, COHORTS, id=program, first=2))["cohorts"]
    assert sorted(cohorts)[:2] == _ids(page)
    assert page["pageInfo"]["hasNextPage"] is True
    after = page["pageInfo"]["endCursor"]
    last = (await _data(client, headers, COHORTS, id=program, after=after))["cohorts"]
    assert _ids(last) == sorted(cohorts)[2:]
    assert last["pageInfo"]["hasNextPage"] is False
    calendars = """query($id: UUID!) { cohorts(programId: $id) { edges { node {
      id events { kind startsOn } } } } }"""
    found = (await _data(client, headers, calendars, id=program))["cohorts"]["edges"]
    events = {e["node"]["id"]: e["node"]["events"] for e in found}
    assert {"kind": "orientation", "startsOn": "2027-01-11"} in events[cohorts[1]]
    for cohort in cohorts:  # each its own calendar, as REST lists it
        rest = (await client.get(f"/v1/cohorts/{cohort}/events", headers=headers)).json()
        expected = [{"kind": e["kind"], "startsOn": e["starts_on"]} for e in rest["items"]]
        assert events[cohort] == expected


async def test_a_cohorts_matching_runs_page_and_a_foreign_cohort_lists_nothing(
    client, auth, other_org
):
    headers = await auth()
    program, cohort = await _matchable_cohort(client, headers)
    runs = [
        await _created(client, headers, f"/v1/cohorts/{cohort}/matching-runs", {}) for _ in range(3)
    ]
    rest = await client.get(f"/v1/cohorts/{cohort}/matching-runs", headers=headers)
    everything = [r["id"] for r in rest.json()["items"]]
    assert sorted(runs) == everything
    page = (await _data(client, headers, RUNS, id=cohort, first=2))["matchingRuns"]
    assert [e["node"]["id"] for e in page["edges"]] == everything[:2]
    assert {e["node"]["cohortId"] for e in page["edges"]} == {cohort}
    after = page["pageInfo"]["endCursor"]
    rest_page = (await _data(client, headers, RUNS, id=cohort, after=after))["matchingRuns"]
    assert [e["node"]["id"] for e in rest_page["edges"]] == everything[2:]
    latest = (await _data(client, headers, RUNS, id=cohort, last=1))["matchingRuns"]
    assert [e["node"]["id"] for e in latest["edges"]] == everything[2:]

    stranger = await auth(role=Role.ORG_ADMIN, organization=other_org)
    assert (await _data(client, stranger, RUNS, id=cohort))["matchingRuns"] is None
    assert (await _data(client, stranger, COHORTS, id=program))["cohorts"] is None
    assert (await _data(client, stranger, PROGRAMS))["programs"]["edges"] == []
    rest = await client.get(f"/v1/programs/{program}/cohorts", headers=stranger)
    assert rest.status_code == 404


async def test_who_may_list_programs_is_who_may_over_rest(client, auth):
    headers = await auth()
    await _programs(client, headers, 1)
    rows = [employee_row("PL-X1")]
    await client.post("/v1/employees/import", headers=headers, json={"employees": rows})
    [someone] = (await client.get("/v1/employees", headers=headers)).json()["items"]
    for role in Role:
        caller = await auth(role=role, employee_id=someone["id"])
        rest = await client.get("/v1/programs", headers=caller)
        body = await graphql(client, caller, PROGRAMS)
        if rest.status_code == 200:
            assert len(_ids(body["data"]["programs"])) == len(rest.json()["items"]), role
        else:
            assert rest.status_code == 403, (role, rest.text)
            assert body["data"] is None, role
            assert "may not read programs" in body["errors"][0]["message"], (role, body)


async def test_a_cursor_or_page_size_this_service_did_not_issue_is_refused(client, auth):
    headers = await auth()
    bad = await graphql(client, headers, PROGRAMS, after="not-a-cursor")
    assert bad["data"] is None
    assert "cursor" in bad["errors"][0]["message"]
    huge = await graphql(client, headers, PROGRAMS, first=100_000)
    assert huge["data"] is None
    both = await graphql(client, headers, PROGRAMS, first=1, last=1)
    assert "not both" in both["errors"][0]["message"]


async def test_a_page_of_3_and_of_12_cohorts_with_their_calendars_cost_the_same_statements(
    client, auth, database, other_org
):
    counter = CountingConnection(database._connection)
    database._connection = counter
    query = """query($id: UUID!) { cohorts(programId: $id, first: 50) { edges { node {
      id events { id kind } } } } }"""
    costs = []
    for size, headers in ((3, await auth()), (12, await auth(organization=other_org))):
        [program] = await _programs(client, headers, 1)
        for n in range(size):
            cohort = await _created(
                client,
                headers,
                f"/v1/programs/{program}/cohorts",
                {"name": f"C{n}", "starts_on": "2027-01-04"},
            )
            await _created(
                client,
                headers,
                f"/v1/cohorts/{cohort}/events",
                {"kind": "orientation", "starts_on": "2027-01-11"},
            )
        before = counter.statements
        found = (await _data(client, headers, query, id=program))["cohorts"]["edges"]
        assert len(found) == size
        assert all("orientation" in {ev["kind"] for ev in e["node"]["events"]} for e in found)
        costs.append(counter.statements - before)
    assert 0 < costs[0] == costs[1]
