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
