"""GraphQL connections page as the Relay spec has it: `first`/`after` forward, `last`/`before`
backward, and a `PageInfo` with both directions and both ends."""

from __future__ import annotations

from tests.api.graphql.mentorship_fixtures import seed_pairs
from tests.factories import employee_row

EMPLOYEES = """query($first: Int, $after: String, $last: Int, $before: String) {
  employees(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { employeeNumber } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
MENTORSHIPS = """query($first: Int, $after: String, $last: Int, $before: String) {
  mentorships(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def _page(client, headers, query, name, **variables):
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"][name]


def _numbers(page) -> list[str]:
    return [e["node"]["employeeNumber"] for e in page["edges"]]


async def test_the_directory_pages_forward_and_back_with_a_full_page_info(client, auth):
    headers = await auth()
    rows = [employee_row(f"E{n}") for n in range(5)]
    await client.post("/v1/employees/import", headers=headers, json={"employees": rows})
    first = await _page(client, headers, EMPLOYEES, "employees", first=2)
    assert _numbers(first) == ["E0", "E1"]
    assert first["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": first["edges"][0]["cursor"],
        "endCursor": first["edges"][-1]["cursor"],
    }
    middle = await _page(
        client, headers, EMPLOYEES, "employees", first=2, after=first["pageInfo"]["endCursor"]
    )
    assert _numbers(middle) == ["E2", "E3"]
    assert (middle["pageInfo"]["hasNextPage"], middle["pageInfo"]["hasPreviousPage"]) == (
        True,
        True,
    )
    # Backward from the middle page's start: the page before it, still in directory order.
    back = await _page(
        client, headers, EMPLOYEES, "employees", last=1, before=middle["pageInfo"]["startCursor"]
    )
    assert _numbers(back) == ["E1"]
    assert (back["pageInfo"]["hasPreviousPage"], back["pageInfo"]["hasNextPage"]) == (True, True)
    tail = await _page(client, headers, EMPLOYEES, "employees", last=2)
    assert _numbers(tail) == ["E3", "E4"]
    assert (tail["pageInfo"]["hasPreviousPage"], tail["pageInfo"]["hasNextPage"]) == (
        True,
        False,
    )


async def test_mentorships_page_backward_from_a_cursor(client, auth, database, org):
    await seed_pairs(database, org, 4)
    headers = await auth()
    everything = await _page(client, headers, MENTORSHIPS, "mentorships", first=10)
    ids = [e["node"]["id"] for e in everything["edges"]]
    assert len(ids) == 4
    before_last = await _page(
        client,
        headers,
        MENTORSHIPS,
        "mentorships",
        last=2,
        before=everything["edges"][-1]["cursor"],
    )
    assert [e["node"]["id"] for e in before_last["edges"]] == ids[1:3]
    assert before_last["pageInfo"]["hasPreviousPage"] is True
    assert before_last["pageInfo"]["startCursor"] == before_last["edges"][0]["cursor"]


async def test_paging_both_ways_at_once_is_refused(client, auth):
    response = await client.post(
        "/graphql",
        headers=await auth(),
        json={"query": "{ employees(first: 1, last: 1) { edges { cursor } } }"},
    )
    assert response.json()["errors"], response.json()


PLANS = """query($first: Int, $after: String, $last: Int, $before: String) {
  mentorships(first: 50) { edges { node { id
    goals(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { text } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } } }"""
BACKWARD_PLANS = """query($before: String) {
  mentorships(first: 50) { edges { node { id
    goals(last: 1, before: $before) {
      edges { cursor node { text } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } } }"""


def _plans(page) -> dict[str, dict]:
    return {e["node"]["id"]: e["node"]["goals"] for e in page["edges"]}


async def test_every_plan_of_a_page_pages_backward_from_its_end_and_from_a_cursor(
    client, auth, database, org
):
    await seed_pairs(database, org, 3)
    headers = await auth()
    whole = _plans(await _page(client, headers, PLANS, "mentorships", first=5))
    tails = _plans(await _page(client, headers, PLANS, "mentorships", last=1))
    for mentorship, plan in whole.items():
        texts = [e["node"]["text"] for e in plan["edges"]]
        assert sorted(texts) == ["Lead a project", "Present to the council"]
        tail = tails[mentorship]
        assert [e["node"]["text"] for e in tail["edges"]] == texts[1:]
        assert tail["pageInfo"] == {
            "hasNextPage": False,
            "hasPreviousPage": True,
            "startCursor": plan["edges"][1]["cursor"],
            "endCursor": plan["edges"][1]["cursor"],
        }
    # Backward from the last goal of one plan: the goal before it, and nothing before that.
    mentorship, plan = next(iter(whole.items()))
    back = _plans(
        await _page(
            client, headers, BACKWARD_PLANS, "mentorships", before=plan["edges"][1]["cursor"]
        )
    )[mentorship]
    assert [e["node"]["text"] for e in back["edges"]] == [plan["edges"][0]["node"]["text"]]
    assert (back["pageInfo"]["hasPreviousPage"], back["pageInfo"]["hasNextPage"]) == (False, True)


async def test_a_plan_asked_both_ways_at_once_fails_that_field_only(client, auth, database, org):
    await seed_pairs(database, org, 2)
    query = (
        "{ mentorships { edges { node { id goals(first: 1, last: 1) { edges { cursor } } } } } }"
    )
    body = (await client.post("/graphql", headers=await auth(), json={"query": query})).json()
    assert [e["node"]["goals"] for e in body["data"]["mentorships"]["edges"]] == [None, None]
    assert all("not both" in e["message"] for e in body["errors"])
