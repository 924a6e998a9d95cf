"""Every growing GraphQL list is a Relay connection: the audit log, an endpoint's webhook
deliveries, the worklist, a matching run's proposals, a cohort's applications and the lists
read whole (API tokens and the like) page forward (`first`/`after`) and backward
(`last`/`before`) with a full `PageInfo`, and a page costs the same statements whatever its
size or direction."""
# ruff: noqa: F811  (fixtures are imported, then requested by name)

from __future__ import annotations

from datetime import date

from app.domain.access import Role
from tests.api.graphql.test_efficiency import counter  # noqa: F401  (the fixture)
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort
from tests.services.test_big_matching_runs import stored_run

MAINE_START = date(2027, 7, 1)
PAST_CONFIRM_BY = date(2027, 9, 10)  # Maine's pairs confirm by September 1
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
AUDIT = f"""query($first: Int, $after: String, $last: Int, $before: String) {{
  auditEvents(first: $first, after: $after, last: $last, before: $before) {{
    edges {{ cursor node {{ id action }} }} {PAGE_INFO} }} }}"""
DELIVERIES = f"""query($id: UUID!, $first: Int, $after: String, $last: Int, $before: String) {{
  webhookDeliveries(endpointId: $id, first: $first, after: $after, last: $last,
    before: $before) {{ edges {{ cursor node {{ id }} }} {PAGE_INFO} }} }}"""
WORKLIST = f"""query($first: Int, $after: String, $last: Int, $before: String) {{
  worklist(withinDays: 366, first: $first, after: $after, last: $last, before: $before) {{
    totalCount edges {{ cursor node {{ mentorshipId kind dueOn }} }} {PAGE_INFO} }} }}"""
PROPOSALS = f"""query($id: UUID!, $first: Int, $after: String, $last: Int, $before: String) {{
  matchingRunProposals(id: $id, first: $first, after: $after, last: $last, before: $before) {{
    edges {{ cursor node {{ menteeId mentorId }} }} {PAGE_INFO} }} }}"""


async def _page(client, headers, query, name, **variables):
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"][name]


async def _walk(client, headers, query, name, size, **fixed):
    """Every node, read forward `size` at a time, then backward from the end; each page's
    `PageInfo` checked against where it sits. Answers the nodes in list order, both ways."""
    forward, after, pages = [], None, 0
    while True:
        page = await _page(client, headers, query, name, first=size, after=after, **fixed)
        _check_ends(page)
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        forward += [e["node"] for e in page["edges"]]
        after, pages = page["pageInfo"]["endCursor"], pages + 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        assert len(page["edges"]) == size
    backward, before = [], None
    while True:
        page = await _page(client, headers, query, name, last=size, before=before, **fixed)
        _check_ends(page)
        assert page["pageInfo"]["hasNextPage"] is (before is not None)
        backward = [e["node"] for e in page["edges"]] + backward
        before = page["pageInfo"]["startCursor"]
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        assert len(page["edges"]) == size
    assert pages > 1, "the list must take more than one page"
    return forward, backward


def _check_ends(page) -> None:
    cursors = [e["cursor"] for e in page["edges"]]
    assert page["pageInfo"]["startCursor"] == (cursors[0] if cursors else None)
    assert page["pageInfo"]["endCursor"] == (cursors[-1] if cursors else None)


async def _statements(client, headers, counter, query, name, **variables) -> int:
    """What one page costs, once the token's first use (which records it) is behind."""
    await _page(client, headers, query, name, **variables)
    before = counter.statements
    await _page(client, headers, query, name, **variables)
    return counter.statements - before


async def test_the_audit_log_pages_both_ways_newest_first_as_rest_lists_it(client, auth):
    headers = await auth()
    for _ in range(4):
        await auth(role=Role.COORDINATOR)  # each token minted is an audit event
    forward, backward = await _walk(client, headers, AUDIT, "auditEvents", 2)
    rest = (await client.get("/v1/audit-events", headers=headers)).json()["items"]
    assert [n["id"] for n in forward] == [e["id"] for e in rest]
    assert backward == forward
    assert len(forward) >= 5


async def test_an_audit_page_costs_the_same_statements_whatever_its_size_or_direction(
    client, auth, counter
):
    headers = await auth()
    for _ in range(6):
        await auth(role=Role.COORDINATOR)
    small = await _statements(client, headers, counter, AUDIT, "auditEvents", first=2)
    assert await _statements(client, headers, counter, AUDIT, "auditEvents", first=6) == small
    assert await _statements(client, headers, counter, AUDIT, "auditEvents", last=5) == small


async def test_a_cursor_not_given_out_names_the_argument_it_came_in(client, auth):
    response = await client.post(
        "/graphql",
        headers=await auth(),
        json={"query": '{ auditEvents(last: 2, before: "bm90LW91cnM") { edges { cursor } } }'},
    )
    [error] = response.json()["errors"]
    assert "not a cursor" in error["message"]


async def _endpoint_with_deliveries(client, headers, count: int) -> str:
    hook = {"url": "https://hooks.example.org/in", "event_types": ["*"]}
    endpoint = (await client.post("/v1/webhook-endpoints", headers=headers, json=hook)).json()
    for _ in range(count):
        pinged = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/ping", headers=headers)
        assert pinged.status_code == 202, pinged.text
    return endpoint["id"]


async def test_an_endpoints_deliveries_page_both_ways_newest_first(client, auth):
    headers = await auth()
    endpoint = await _endpoint_with_deliveries(client, headers, 5)
    forward, backward = await _walk(
        client, headers, DELIVERIES, "webhookDeliveries", 2, id=endpoint
    )
    url = f"/v1/webhook-endpoints/{endpoint}/deliveries"
    rest = (await client.get(url, headers=headers)).json()["items"]
    assert [n["id"] for n in forward] == [d["id"] for d in rest]
    assert len(forward) == 5
    assert backward == forward


async def test_a_deliveries_page_costs_the_same_statements_and_a_foreign_endpoint_is_null(
    client, auth, counter, other_org
):
    headers = await auth()
    endpoint = await _endpoint_with_deliveries(client, headers, 4)
    name = "webhookDeliveries"
    small = await _statements(client, headers, counter, DELIVERIES, name, id=endpoint, first=1)
    assert await _statements(client, headers, counter, DELIVERIES, name, id=endpoint, first=4) == (
        small
    )
    assert await _statements(client, headers, counter, DELIVERIES, name, id=endpoint, last=3) == (
        small
    )
    stranger = await auth(organization=other_org)
    assert await _page(client, stranger, DELIVERIES, name, id=endpoint) is None


async def test_the_worklist_pages_both_ways_in_the_order_rest_lists_it(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: "Sept 1, 2003 Participants confirm mentoring matches"
    for prefix in ("RW", "RX", "RY"):
        pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix=prefix)
    clock.set(PAST_CONFIRM_BY)
    staff = pairing.tokens["STAFF"]
    whole = await _page(client, staff, WORKLIST, "worklist", first=50)
    assert whole["totalCount"] == len(whole["edges"]) >= 3
    forward, backward = await _walk(client, staff, WORKLIST, "worklist", 2)
    assert forward == backward == [e["node"] for e in whole["edges"]]
    rest = (await client.get("/v1/worklist?within_days=366", headers=staff)).json()["items"]
    assert [(n["mentorshipId"], n["kind"]) for n in forward] == [
        (i["mentorship_id"], i["kind"]) for i in rest
    ]
    # From the middle: the page before an item ends just before it.
    third = whole["edges"][2]["cursor"]
    before = await _page(client, staff, WORKLIST, "worklist", last=1, before=third)
    assert [e["node"] for e in before["edges"]] == [whole["edges"][1]["node"]]
    assert (before["pageInfo"]["hasPreviousPage"], before["pageInfo"]["hasNextPage"]) == (
        True,
        True,
    )


async def test_a_worklist_page_costs_the_same_statements_whatever_its_size_or_direction(
    client, auth, clock, counter
):
    for prefix in ("RC", "RD"):
        pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix=prefix)
    clock.set(PAST_CONFIRM_BY)
    staff = pairing.tokens["STAFF"]
    assert len((await _page(client, staff, WORKLIST, "worklist", first=50))["edges"]) >= 2
    small = await _statements(client, staff, counter, WORKLIST, "worklist", first=1)
    assert await _statements(client, staff, counter, WORKLIST, "worklist", first=50) == small
    assert await _statements(client, staff, counter, WORKLIST, "worklist", last=2) == small


async def test_a_runs_proposals_page_both_ways_in_the_runs_order(client, auth, database, org):
    _, run = await stored_run(database, org, 5)
    headers = await auth(role=Role.COORDINATOR)
    forward, backward = await _walk(
        client, headers, PROPOSALS, "matchingRunProposals", 2, id=str(run.id)
    )
    expected = [
        {"menteeId": p["mentee_id"], "mentorId": p["mentor_id"]} for p in run.result["proposals"]
    ]
    assert forward == backward == expected


async def test_a_proposals_page_costs_the_same_statements_whatever_its_size_or_direction(
    client, auth, database, org, counter
):
    _, run = await stored_run(database, org, 6)
    headers = await auth(role=Role.COORDINATOR)
    name, run_id = "matchingRunProposals", str(run.id)
    small = await _statements(client, headers, counter, PROPOSALS, name, id=run_id, first=1)
    assert await _statements(client, headers, counter, PROPOSALS, name, id=run_id, first=6) == (
        small
    )
    assert await _statements(client, headers, counter, PROPOSALS, name, id=run_id, last=4) == (
        small
    )


TOKENS = f"""query($first: Int, $after: String, $last: Int, $before: String) {{
  apiTokens(first: $first, after: $after, last: $last, before: $before) {{
    edges {{ cursor node {{ id }} }} {PAGE_INFO} }} }}"""
APPLICATIONS = f"""query($id: UUID!, $first: Int, $after: String, $last: Int, $before: String) {{
  applications(cohortId: $id, first: $first, after: $after, last: $last, before: $before) {{
    edges {{ cursor node {{ id employeeId }} }} {PAGE_INFO} }} }}"""


async def test_a_list_read_whole_pages_both_ways_with_the_cursors_rest_gives(client, auth):
    headers = await auth()
    for _ in range(4):
        await auth(role=Role.COORDINATOR)
    forward, backward = await _walk(client, headers, TOKENS, "apiTokens", 2)
    rest = (await client.get("/v1/api-tokens", headers=headers)).json()["items"]
    assert [n["id"] for n in forward] == [t["id"] for t in rest]
    assert backward == forward
    # One cursor scheme: REST's next page starts where GraphQL's first page ends.
    page = (await client.get("/v1/api-tokens?limit=2", headers=headers)).json()
    first = await _page(client, headers, TOKENS, "apiTokens", first=2)
    assert page["next_cursor"] == first["pageInfo"]["endCursor"]


async def test_a_cohorts_applications_page_both_ways_in_the_order_they_came(client, auth, counter):
    coordinator = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, coordinator, ids)
    for mentee in ("E1", "E2"):
        await apply(client, coordinator, made["cohort"], ids[mentee], MENTEE)
    for mentor in ("M1", "M2", "M3"):
        await apply(client, coordinator, made["cohort"], ids[mentor], MENTOR)
    forward, backward = await _walk(
        client, coordinator, APPLICATIONS, "applications", 2, id=made["cohort"]
    )
    url = f"/v1/cohorts/{made['cohort']}/applications"
    rest = (await client.get(url, headers=coordinator)).json()["items"]
    assert [n["id"] for n in forward] == [a["id"] for a in rest]
    assert len(forward) == 5
    assert backward == forward
    name, cohort = "applications", made["cohort"]
    small = await _statements(client, coordinator, counter, APPLICATIONS, name, id=cohort, first=1)
    for size in ({"first": 5}, {"last": 3}):
        spent = await _statements(
            client, coordinator, counter, APPLICATIONS, name, id=cohort, **size
        )
        assert spent == small
