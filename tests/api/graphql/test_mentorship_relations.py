"""A mentorship's relations in GraphQL (goals, last meeting, progress) and the batch reads
behind them: the same rules as the single reads, whatever ids a batch is asked for."""

from __future__ import annotations

from uuid import UUID

from strawberry.types.nodes import SelectedField

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.api.graphql.page_relations import wanted_goal_page
from app.domain.access import Principal, Role
from app.services.relationships import goals, meetings, mentorships
from tests.api.graphql.mentorship_fixtures import SECRET_NOTES, seed_pairs

MINE = """{ mentorships { edges { node { id
  goals { edges { node { text } } }
  lastMeeting { heldOn notes topics }
  progress { state confirmedBy } } } } }"""


async def _query(client, headers, query, **variables):
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def test_a_mentee_sees_their_own_pair_with_its_notes_and_the_read_is_audited(
    client, auth, database, org
):
    seeded = await seed_pairs(database, org, 3)
    headers = await auth(role=Role.PARTICIPANT, employee_id=seeded.mentees[0])
    data = await _query(client, headers, MINE)
    [edge] = data["mentorships"]["edges"]
    node = edge["node"]
    assert node["id"] == str(seeded.mentorships[0])
    assert node["lastMeeting"] == {
        "heldOn": "2026-03-02",
        "notes": f"{SECRET_NOTES}0",
        "topics": ["budget"],
    }
    assert len(node["goals"]["edges"]) == 2
    assert node["progress"] == {"state": "proposed", "confirmedBy": []}
    async with SqlUnitOfWork(database, org.id) as uow:
        events = await uow.access.audit_page(before=None, limit=50)
    reads = [e for e in events if e.action == "confidential.read"]
    assert [e.resource_id for e in reads] == [str(seeded.mentorships[0])]


async def test_the_mentor_of_many_pairs_reads_every_one_of_their_logs(client, auth, database, org):
    seeded = await seed_pairs(database, org, 3)
    headers = await auth(role=Role.PARTICIPANT, employee_id=seeded.mentor)
    data = await _query(client, headers, MINE)
    notes = sorted(e["node"]["lastMeeting"]["notes"] for e in data["mentorships"]["edges"])
    assert notes == [f"{SECRET_NOTES}{n}" for n in range(3)]


async def test_staff_see_the_facts_of_the_last_meeting_and_the_plan(client, auth, database, org):
    await seed_pairs(database, org, 2)
    data = await _query(client, await auth(role=Role.COORDINATOR), MINE)
    for edge in data["mentorships"]["edges"]:
        assert edge["node"]["lastMeeting"] == {"heldOn": "2026-03-02", "notes": None, "topics": []}
        assert len(edge["node"]["goals"]["edges"]) == 2


async def test_batches_asked_for_other_pairs_ids_answer_nothing(database, org, other_org):
    seeded = await seed_pairs(database, org, 3)
    mine = seeded.mentorships[0]
    mentee = Principal(org.id, Role.PARTICIPANT, "p", seeded.mentees[0])
    asked = {"mentorship_ids": seeded.mentorships}
    plans = await goals.goal_pages(uow=SqlUnitOfWork(database, org.id), principal=mentee, **asked)
    last = await meetings.last_meetings(
        uow=SqlUnitOfWork(database, org.id), principal=mentee, **asked
    )
    facts = await mentorships.progress_of_mentorships(
        uow=SqlUnitOfWork(database, org.id), principal=mentee, **asked
    )
    for answers in (plans, last, facts):
        assert answers[0] is not None
        assert answers[1:] == [None, None]
    assert {g.mentorship_id for g in plans[0].goals} == {mine}
    # Another organisation's administrator: row-level security and the tenant filter agree.
    stranger = Principal(other_org.id, Role.ORG_ADMIN, "a")
    uow = SqlUnitOfWork(database, other_org.id)
    assert await meetings.last_meetings(uow=uow, principal=stranger, **asked) == [None] * 3


async def test_a_supervisor_sees_no_plan_and_no_meeting_content_of_their_report(
    client, auth, database, org
):
    seeded = await seed_pairs(database, org, 2, manager="BOSS")
    headers = await auth(role=Role.SUPERVISOR, employee_id=seeded.manager)
    data = await _query(client, headers, MINE)
    assert len(data["mentorships"]["edges"]) == 2
    for edge in data["mentorships"]["edges"]:
        assert edge["node"]["goals"] is None
        assert edge["node"]["lastMeeting"] is None
        assert edge["node"]["progress"]["state"] == "proposed"


async def test_goals_and_mentorships_page_by_keyset_cursor(client, auth, database, org):
    seeded = await seed_pairs(database, org, 3)
    headers = await auth()
    page = """query($after: String) { mentorships(first: 2, after: $after) {
      edges { cursor node { id goals(first: 1) { edges { cursor node { text } }
        pageInfo { hasNextPage endCursor } } } } pageInfo { hasNextPage endCursor } } }"""
    first = (await _query(client, headers, page))["mentorships"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = (await _query(client, headers, page, after=first["pageInfo"]["endCursor"]))[
        "mentorships"
    ]
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": rest["edges"][-1]["cursor"]}
    ids = [e["node"]["id"] for e in first["edges"] + rest["edges"]]
    assert ids == sorted(str(i) for i in seeded.mentorships)
    plan = first["edges"][0]["node"]["goals"]
    assert plan["pageInfo"]["hasNextPage"] is True
    one_id = first["edges"][0]["node"]["id"]
    more = """query($id: UUID!, $after: String) { mentorship(id: $id) {
      goals(first: 5, after: $after) { edges { node { text } } pageInfo { hasNextPage } } } }"""
    tail = await _query(client, headers, more, id=one_id, after=plan["pageInfo"]["endCursor"])
    second = tail["mentorship"]["goals"]
    assert second["pageInfo"]["hasNextPage"] is False
    texts = {plan["edges"][0]["node"]["text"], second["edges"][0]["node"]["text"]}
    assert texts == {"Lead a project", "Present to the council"}


async def test_a_cursor_that_was_never_given_out_is_a_client_error(client, auth):
    response = await client.post(
        "/graphql",
        headers=await auth(),
        json={"query": '{ mentorships(after: "nonsense") { edges { cursor } } }'},
    )
    assert "not a cursor" in response.json()["errors"][0]["message"]


FRAGMENTED = """query($first: Int!) { mentorships { edges { node { id ...Pair
  plan: goals(first: $first) { edges { node { text } } }
  ... on Mentorship { whole: goals(first: 5) { edges { node { text } } } } } } } }
fragment Pair on Mentorship { mentee { id } mentor { id }
  lastMeeting { heldOn } }"""


async def test_relations_asked_through_fragments_aliases_and_variables_are_each_answered(
    client, auth, database, org
):
    # A list runs its relations' batches up front from the query's shape; whatever shape it
    # takes, each node must get its own answer, and each alias its own page.
    seeded = await seed_pairs(database, org, 2)
    data = await _query(client, await auth(role=Role.COORDINATOR), FRAGMENTED, first=1)
    for edge in data["mentorships"]["edges"]:
        node = edge["node"]
        n = seeded.mentorships.index(UUID(node["id"]))
        assert node["mentee"]["id"] == str(seeded.mentees[n])
        assert node["mentor"]["id"] == str(seeded.mentor)
        assert node["lastMeeting"] == {"heldOn": "2026-03-02"}
        assert len(node["plan"]["edges"]) == 1
        assert len(node["whole"]["edges"]) == 2


async def test_a_wrong_page_size_fails_that_field_on_each_node_not_the_list(
    client, auth, database, org
):
    await seed_pairs(database, org, 2)
    query = "{ mentorships { edges { node { id goals(first: 0) { edges { cursor } } } } } }"
    response = await client.post(
        "/graphql", headers=await auth(role=Role.COORDINATOR), json={"query": query}
    )
    body = response.json()
    assert [e["node"]["goals"] for e in body["data"]["mentorships"]["edges"]] == [None, None]
    assert {e["path"][-1] for e in body["errors"]} == {"goals"}
    assert all("first" in e["message"] for e in body["errors"])


def test_a_page_size_written_in_the_query_is_loaded_with_the_page_like_a_variable():
    # Strawberry hands a literal over as the document spells it ("5"): the page must still
    # be recognised, or every node of a dashboard loads its goals on its own.
    def goals(**arguments):
        return SelectedField(name="goals", directives={}, arguments=arguments, selections=[])

    assert (
        wanted_goal_page(goals(first="5")) == wanted_goal_page(goals(first=5)) == (5, None, False)
    )
    assert wanted_goal_page(goals(last="2")) == (2, None, True)
    assert wanted_goal_page(goals()) == (20, None, False)


async def test_one_mentorship_read_alone_loads_the_relations_it_selects(
    client, auth, database, org
):
    # Outside a page nothing is loaded ahead: each relation selected is loaded for this pair.
    seeded = await seed_pairs(database, org, 2)
    query = """query($id: UUID!) { mentorship(id: $id) { mentee { id } mentor { id }
      again: mentee { id } lastMeeting { heldOn } progress { state } } }"""
    data = await _query(
        client, await auth(role=Role.COORDINATOR), query, id=str(seeded.mentorships[1])
    )
    pair = data["mentorship"]
    assert pair["mentee"] == pair["again"] == {"id": str(seeded.mentees[1])}
    assert pair["mentor"] == {"id": str(seeded.mentor)}
    assert pair["lastMeeting"] == {"heldOn": "2026-03-02"}
    assert pair["progress"]["state"]
