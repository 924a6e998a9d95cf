"""GraphQL efficiency: lists cost the same number of SQL statements whatever their length
(DataLoaders batch every relation), and a query cost limit refuses asking for everything."""

from __future__ import annotations

import asyncpg
import pytest

from tests.api.graphql.mentorship_fixtures import seed_pairs
from tests.factories import employee_row

TREE = """{ employees(first: 200) { edges { node {
  employeeNumber manager { employeeNumber } reports { employeeNumber } } } } }"""


class CountingConnection:
    """Counts the statements sent through an asyncpg connection, passing everything on."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection
        self.statements = 0

    def __getattr__(self, name: str):
        attribute = getattr(self._connection, name)
        if name in ("execute", "fetch", "fetchrow", "fetchval", "executemany"):

            async def counted(*args, **kwargs):
                self.statements += 1
                return await attribute(*args, **kwargs)

            return counted
        return attribute


@pytest.fixture
def counter(database):
    counting = CountingConnection(database._connection)
    database._connection = counting
    return counting


async def _statements_for(client, auth, counter, size: int) -> int:
    rows = [employee_row(f"B{size}")] + [
        employee_row(f"E{size}-{n:03}", manager_employee_number=f"B{size}") for n in range(size)
    ]
    await client.post("/v1/employees/import", headers=await auth(), json={"employees": rows})
    headers = await auth()
    before = counter.statements
    response = await client.post("/graphql", headers=headers, json={"query": TREE})
    assert response.status_code == 200
    assert "errors" not in response.json(), response.json()
    assert len(response.json()["data"]["employees"]["edges"]) == size + 1
    return counter.statements - before


async def test_a_tree_of_10_and_of_150_employees_cost_the_same_statements(
    client, auth, counter, org, other_org
):
    small = await _statements_for(client, auth, counter, 10)
    large = await _statements_for(
        client, lambda **kw: auth(organization=other_org, **kw), counter, 150
    )
    assert small == large
    assert small <= 12  # page + manager batch + reports batch, each in its own transaction


async def test_asking_for_everything_is_refused_before_it_runs(client, auth):
    greedy = """{ employees(first: 200) { edges { node {
      reports { reports { reports { employeeNumber } } } } } } }"""
    response = await client.post("/graphql", headers=await auth(), json={"query": greedy})
    body = response.json()
    assert body["data"] is None
    assert "query cost" in body["errors"][0]["message"]


async def test_an_ordinary_dashboard_query_is_within_the_limit(client, auth):
    response = await client.post("/graphql", headers=await auth(), json={"query": TREE})
    assert "errors" not in response.json()


DASHBOARD = """{ mentorships(first: 200) { edges { node {
  id state mentee { employeeNumber } mentor { employeeNumber }
  goals { edges { node { text } } pageInfo { hasNextPage } }
  lastMeeting { heldOn hours notes }
  progress { confirmedBy agreementSignedBy } } } pageInfo { hasNextPage } } }"""


async def _dashboard_statements(client, auth, counter, database, organization, size: int) -> int:
    seeded = await seed_pairs(database, organization, size)
    headers = await auth(organization=organization)
    before = counter.statements
    response = await client.post("/graphql", headers=headers, json={"query": DASHBOARD})
    spent = counter.statements - before
    body = response.json()
    assert "errors" not in body, body
    edges = body["data"]["mentorships"]["edges"]
    assert len(edges) == size
    for edge in edges:
        node = edge["node"]
        assert node["mentee"]["employeeNumber"].startswith("P")
        assert node["mentor"]["employeeNumber"] == "MENTOR"
        assert {g["node"]["text"] for g in node["goals"]["edges"]} == {
            "Lead a project",
            "Present to the council",
        }
        # The cancelled meeting of April is skipped; an administrator sees facts, not notes.
        assert node["lastMeeting"] == {"heldOn": "2026-03-02", "hours": 1.5, "notes": None}
    assert {e["node"]["id"] for e in edges} == {str(i) for i in seeded.mentorships}
    return spent


async def test_a_dashboard_of_10_and_of_200_mentorships_costs_the_same_statements(
    client, auth, counter, database, org, other_org
):
    small = await _dashboard_statements(client, auth, counter, database, org, 10)
    large = await _dashboard_statements(client, auth, counter, database, other_org, 200)
    assert small == large
    # The page, then one batch each for people, goals, last meetings and progress, each in its
    # own short transaction. Who is in each pair is read once for the whole request (the page
    # already knows), and an administrator's token, being no one in the directory, looks up
    # no disclosures: 17 statements, 20 before either.
    assert small <= 17


async def test_a_dashboard_of_200_mentorships_is_within_the_cost_limit_but_not_every_goal(
    client, auth
):
    fine = await client.post("/graphql", headers=await auth(), json={"query": DASHBOARD})
    assert "errors" not in fine.json()
    greedy = DASHBOARD.replace("goals {", "goals(first: 100) {")
    refused = await client.post("/graphql", headers=await auth(), json={"query": greedy})
    assert "query cost" in refused.json()["errors"][0]["message"]


DOCUMENTS = """{ mentorships(first: 5) { edges { node { id ...Docs } } } }
fragment Docs on Mentorship { policy explanation }"""


async def test_a_page_that_asks_for_the_documents_gets_them_even_through_a_fragment(
    client, auth, database, org
):
    # A page that asks nothing of them does not read them; one that does must not lose them.
    await seed_pairs(database, org, 3)
    body = (await client.post("/graphql", headers=await auth(), json={"query": DOCUMENTS})).json()
    assert "errors" not in body, body
    nodes = [e["node"] for e in body["data"]["mentorships"]["edges"]]
    assert len(nodes) == 3
    assert all(n["policy"]["duration_months"] > 0 for n in nodes)
    assert all(isinstance(n["explanation"], dict) for n in nodes)


PLAN_TAILS = """{ mentorships(first: 200) { edges { node {
  id goals(last: 1) { edges { node { text } } pageInfo { hasPreviousPage } } } } } }"""


async def _plan_tail_statements(client, auth, counter, database, organization, size: int) -> int:
    await seed_pairs(database, organization, size)
    headers = await auth(organization=organization)
    before = counter.statements
    response = await client.post("/graphql", headers=headers, json={"query": PLAN_TAILS})
    spent = counter.statements - before
    edges = response.json()["data"]["mentorships"]["edges"]
    assert len(edges) == size
    assert all(e["node"]["goals"]["pageInfo"]["hasPreviousPage"] for e in edges)
    return spent


async def test_the_last_goal_of_10_or_of_60_plans_costs_the_same_statements(
    client, auth, counter, database, org, other_org
):
    small = await _plan_tail_statements(client, auth, counter, database, org, 10)
    large = await _plan_tail_statements(client, auth, counter, database, other_org, 60)
    assert small == large
