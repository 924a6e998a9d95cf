"""Over GraphQL, the same service function as REST: the goal a logged meeting served is one of
the pair's own plan (seed 002 meeting log), never another pair's."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)

ADD = (
    "mutation($id: UUID!, $text: String!) { addGoal(mentorshipId: $id, kind: GOAL, "
    "text: $text) { ... on Goal { id } } }"
)
LOG = (
    "mutation($id: UUID!, $goal: UUID) { logMeeting(mentorshipId: $id, "
    'heldOn: "2027-01-04", hours: 1.5, goalId: $goal) '
    "{ __typename ... on Meeting { goalId } ... on Problem { field rule detail } } }"
)


async def test_goal_that_discussion_activity_related_to_over_graphql(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt "Appendix: Mentoring Meeting Log Worksheet": "Goal that
    # discussion/activity related to": a goal of the mentee's plan in this pair.
    pairing = await propose(client, auth, "caltrans", START)
    other = await propose(client, auth, "caltrans", START, prefix="Q")
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    theirs = await graphql_data(client, other.mentee, ADD, id=other.id, text="run a district")
    ours = await graphql_data(client, pairing.mentee, ADD, id=pairing.id, text="lead a team")
    refused = await graphql_data(
        client, pairing.mentor, LOG, id=pairing.id, goal=theirs["addGoal"]["id"]
    )
    assert refused["logMeeting"]["__typename"] == "Problem"
    assert (refused["logMeeting"]["field"], refused["logMeeting"]["rule"]) == (
        "goal_id",
        "goal_not_in_plan",
    )
    logged = await graphql_data(
        client, pairing.mentor, LOG, id=pairing.id, goal=ours["addGoal"]["id"]
    )
    assert logged["logMeeting"] == {"__typename": "Meeting", "goalId": ours["addGoal"]["id"]}
