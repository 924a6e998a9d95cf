"""A pair formed after its cohort has started begins on the day it is formed, over GraphQL:
the same service function as REST."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.late_pair_setup import applicants
from tests.api.mentorship_setup import clock  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
MONTH_FOUR = date(2027, 5, 10)

CREATE = (
    "mutation($cohort: UUID!, $mentee: UUID!, $mentor: UUID!) { createMentorship("
    "cohortId: $cohort, menteeId: $mentee, mentorId: $mentor, formedBy: COORDINATOR) "
    "{ __typename ... on Mentorship { id startsOn endsOn } ... on Problem { code detail } } }"
)
CONFIRM = "mutation($id: UUID!) { confirmMentorship(id: $id) { __typename } }"
DATES = (
    "query($id: UUID!) { mentorship(id: $id) { progress { initialMeetingDueOn } } "
    "meetingLog(mentorshipId: $id) { cadence { initialMeetingMissed months "
    "{ month startsOn endsOn } } } }"
)
WORKLIST = (
    "query($cohort: UUID) { worklist(cohortId: $cohort, withinDays: 30) "
    "{ edges { node { kind dueOn overdue } } } }"
)


async def test_a_pair_matched_in_month_four_over_graphql_starts_that_day_with_nothing_overdue(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": "The meeting should occur soon after the
    # first contact when participants receive their mentor/mentee assignment"
    found = await applicants(client, auth, clock, "nc-model", START)
    clock.set(MONTH_FOUR)
    made = await graphql_data(
        client,
        found.staff,
        CREATE,
        cohort=found.cohort_id,
        mentee=found.mentee_id,
        mentor=found.mentor_id,
    )
    pair = made["createMentorship"]
    assert pair["__typename"] == "Mentorship", pair
    assert (pair["startsOn"], pair["endsOn"]) == ("2027-05-10", "2028-05-10")
    for who in (found.mentee, found.mentor):
        confirmed = await graphql_data(client, who, CONFIRM, id=pair["id"])
        assert confirmed["confirmMentorship"]["__typename"] != "Problem", confirmed
    dates = await graphql_data(client, found.staff, DATES, id=pair["id"])
    assert dates["mentorship"]["progress"]["initialMeetingDueOn"] == "2027-05-24"
    cadence = dates["meetingLog"]["cadence"]
    assert cadence["months"][0] == {"month": 1, "startsOn": "2027-05-10", "endsOn": "2027-06-09"}
    assert cadence["initialMeetingMissed"] is False
    listed = await graphql_data(client, found.staff, WORKLIST, cohort=found.cohort_id)
    items = [e["node"] for e in listed["worklist"]["edges"]]
    assert {"kind": "initial_meeting_not_held", "dueOn": "2027-05-24", "overdue": False} in items
    assert [i for i in items if i["overdue"]] == []
