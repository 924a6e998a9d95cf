"""Correcting an attendance record over GraphQL: the same service function as REST."""

from __future__ import annotations

from tests.api.graphql.test_program_year_graphql import _gql
from tests.api.rest.program_helpers import MENTEE, apply, directory
from tests.api.rest.test_attendance_corrections import _nc_session

CORRECT = (
    "mutation($id: UUID!, $who: [UUID!], $excused: [UUID!]) { correctAttendance(eventId: $id, "
    "employeeIds: $who, excused: $excused) { __typename ... on CohortEvent { attendees excused } "
    "... on Problem { code field rule } } }"
)
ATTENDED = (
    "query($id: UUID!) { application(id: $id) { eligibility { eligible rules { rule passed } } } }"
)


async def _nc_session_attended_by(client, admin, *people: str) -> tuple[str, str]:
    """An NC cohort and its information session (as the REST tests make it), `people`
    recorded present."""
    cohort, session = await _nc_session(client, admin)
    recorded = await client.post(
        f"/v1/cohort-events/{session}/attendance",
        headers=admin,
        json={"employee_ids": list(people)},
    )
    assert recorded.status_code == 200, recorded.text
    return cohort, session


async def _attended(client, admin, application_id: str) -> tuple[bool, bool]:
    found = await _gql(client, admin, ATTENDED, id=application_id)
    eligibility = found["data"]["application"]["eligibility"]
    rules = {r["rule"]: r["passed"] for r in eligibility["rules"]}
    return eligibility["eligible"], rules["attended_information_session"]


async def test_a_mentee_whose_only_information_session_is_withdrawn_over_graphql_is_not_eligible(
    client, auth
):
    # seed 003_e5d42bff8b56600f.txt "Requirements": mentees must "Attend the Mentoring
    # Program Information Session"; recorded present by mistake, they never attended.
    admin = await auth()
    ids = await directory(client, admin)
    cohort, session = await _nc_session_attended_by(client, admin, ids["E2"])
    applied = await apply(client, admin, cohort, ids["E2"], MENTEE)
    assert await _attended(client, admin, applied["id"]) == (True, True)
    corrected = await _gql(client, admin, CORRECT, id=session, who=[ids["E2"]])
    assert corrected["data"]["correctAttendance"] == {
        "__typename": "CohortEvent",
        "attendees": [],
        "excused": [],
    }
    assert await _attended(client, admin, applied["id"]) == (False, False)


async def test_withdrawing_someone_not_recorded_over_graphql_is_a_problem_on_that_field(
    client, auth
):
    # seed 003_e5d42bff8b56600f.txt "Requirements": only a recorded attendance can be withdrawn.
    admin = await auth()
    ids = await directory(client, admin)
    _, session = await _nc_session_attended_by(client, admin, ids["E1"])
    refused = await _gql(client, admin, CORRECT, id=session, excused=[ids["E1"]])
    assert refused["data"]["correctAttendance"] == {
        "__typename": "Problem",
        "code": "invalid-input",
        "field": "excused",
        "rule": "not_recorded",
    }
