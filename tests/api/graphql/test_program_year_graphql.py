"""The program year over GraphQL: the same rules as REST, from the same service functions."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date, timedelta

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _gql(client, headers, query, **variables):
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _active(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)


LOG = (
    "mutation($id: UUID!, $day: Date!) { logMeeting(mentorshipId: $id, heldOn: $day, "
    "hours: 1.0) { __typename ... on Problem { code field rule detail } } }"
)
ANSWER = (
    "mutation($id: UUID!) { answerCheckpoint(mentorshipId: $id, decision: CONTINUE) "
    "{ __typename ... on Problem { code rule detail } } }"
)
WORKLIST = (
    "query($cohort: UUID) { worklist(cohortId: $cohort, withinDays: 7) "
    "{ totalCount pageInfo { hasNextPage } "
    "edges { node { mentorshipId kind rule seed dueOn overdue } } } }"
)


async def test_a_meeting_before_the_start_and_a_late_checkpoint_answer_are_problems(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt: "Toward the end of the first three months"
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active(client, pairing)
    clock.set(START + timedelta(days=5))
    early = await _gql(client, pairing.mentee, LOG, id=pairing.id, day="2027-01-03")
    problem = early["data"]["logMeeting"]
    assert (problem["code"], problem["field"], problem["rule"]) == (
        "invalid-input",
        "held_on",
        "outside_term",
    )
    assert "2027-01-04" in problem["detail"]
    clock.set(date(2027, 9, 3))
    late = (await _gql(client, pairing.mentee, ANSWER, id=pairing.id))["data"]["answerCheckpoint"]
    assert (late["code"], late["rule"]) == ("transition-refused", "checkpoint_closed")


async def test_the_worklist_over_graphql_lists_the_unanswered_checkpoint(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "mentoring pairs will be asked to evaluate the process"
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GW")
    await _active(client, pairing)
    clock.set(date(2027, 4, 10))
    found = await _gql(client, pairing.tokens["STAFF"], WORKLIST, cohort=str(pairing.cohort_id))
    items = [e["node"] for e in found["data"]["worklist"]["edges"]]
    [checkpoint] = [i for i in items if i["kind"] == "checkpoint_unanswered"]
    assert checkpoint["mentorshipId"] == pairing.id
    assert (checkpoint["dueOn"], checkpoint["overdue"]) == ("2027-04-03", True)
    assert checkpoint["seed"] == "000_4e18aab21704e587.txt"
    refused = await _gql(client, pairing.mentee, WORKLIST, cohort=str(pairing.cohort_id))
    assert refused["data"] is None
    assert "may not read worklist" in refused["errors"][0]["message"]


async def test_a_coordinator_moves_an_event_over_graphql(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: "March 2004 Evaluate program inviting feedback"
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1), prefix="GM")
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    [evaluation] = [e for e in events.json()["items"] if e["kind"] == "program_evaluation"]
    moved = await _gql(
        client,
        pairing.tokens["STAFF"],
        'mutation($id: UUID!) { moveCohortEvent(eventId: $id, startsOn: "2028-03-06", '
        'endsOn: "2028-03-24") { __typename ... on CohortEvent { kind startsOn endsOn } } }',
        id=evaluation["id"],
    )
    assert moved["data"]["moveCohortEvent"] == {
        "__typename": "CohortEvent",
        "kind": "program_evaluation",
        "startsOn": "2028-03-06",
        "endsOn": "2028-03-24",
    }


async def test_attendance_recorded_over_graphql_counts_for_the_next_cohort(client, auth):
    # seed 003_e5d42bff8b56600f.txt: "follow up annually with similar meetings"
    from app.domain.calendar_months import add_months
    from tests.api.rest.program_helpers import COHORT_STARTS, MENTEE, SESSION_ON, apply, directory

    admin = await auth()
    ids = await directory(client, admin)
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "NC", "preset": "nc-model"}
    )
    cohorts = []
    # this year's cohort, one within the year after the session, one past it
    for starts_on in (COHORT_STARTS, add_months(COHORT_STARTS, 6), add_months(COHORT_STARTS, 12)):
        made = await client.post(
            f"/v1/programs/{program.json()['id']}/cohorts",
            headers=admin,
            json={"name": "c", "starts_on": starts_on.isoformat()},
        )
        cohorts.append(made.json()["id"])
    session = await client.post(
        f"/v1/cohorts/{cohorts[0]}/events",
        headers=admin,
        json={"kind": "information_session", "starts_on": SESSION_ON.isoformat()},
    )
    applied = await apply(client, admin, cohorts[1], ids["E2"], MENTEE)
    too_late = await apply(client, admin, cohorts[2], ids["E2"], MENTEE)
    recorded = await _gql(
        client,
        admin,
        "mutation($id: UUID!, $who: [UUID!]!) { recordAttendance(eventId: $id, "
        "employeeIds: $who) { __typename } }",
        id=session.json()["id"],
        who=[ids["E2"]],
    )
    assert recorded["data"]["recordAttendance"]["__typename"] == "CohortEvent"
    attended = {}
    for application in (applied, too_late):
        found = await _gql(
            client,
            admin,
            "query($id: UUID!) { application(id: $id) { eligibility { rules { rule passed } } } }",
            id=application["id"],
        )
        rules = found["data"]["application"]["eligibility"]["rules"]
        attended[application["id"]] = {r["rule"]: r["passed"] for r in rules}
    assert attended[applied["id"]]["attended_information_session"] is True
    assert attended[too_late["id"]]["attended_information_session"] is False


RECORD = (
    "mutation($id: UUID!, $who: [UUID!]!) { recordAttendance(eventId: $id, employeeIds: $who) "
    "{ __typename } }"
)
MY_CALENDAR = "{ myCalendar { uid attended } }"


async def test_a_missed_mandatory_group_session_over_graphql(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional."
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GG")
    await _active(client, pairing)
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    february = next(e for e in events.json()["items"] if e["kind"] == "group_session")
    clock.set(date(2027, 2, 10))
    staff = pairing.tokens["STAFF"]
    recorded = await _gql(client, staff, RECORD, id=february["id"], who=[str(pairing.mentor_id)])
    assert recorded["data"]["recordAttendance"]["__typename"] == "CohortEvent"
    found = await _gql(client, staff, WORKLIST, cohort=str(pairing.cohort_id))
    items = [e["node"] for e in found["data"]["worklist"]["edges"]]
    [missed] = [i for i in items if i["kind"] == "group_session_missed"]
    assert missed["mentorshipId"] == pairing.id
    assert (missed["dueOn"], missed["overdue"]) == ("2027-02-04", True)
    assert missed["seed"] == "000_4e18aab21704e587.txt"
    assert missed["rule"].endswith("missed by the mentee")
    uid = f"cohort-event-{february['id']}@mentoring"
    mine = (await _gql(client, pairing.mentee, MY_CALENDAR))["data"]["myCalendar"]
    assert [e["attended"] for e in mine if e["uid"] == uid] == [False]
    theirs = (await _gql(client, pairing.mentor, MY_CALENDAR))["data"]["myCalendar"]
    assert [e["attended"] for e in theirs if e["uid"] == uid] == [True]


RECORD_BOTH = (
    "mutation($id: UUID!, $who: [UUID!], $excused: [UUID!]) { recordAttendance(eventId: $id, "
    "employeeIds: $who, excused: $excused) { __typename ... on CohortEvent { attendees excused } "
    "... on Problem { code field rule } } }"
)
MY_EXCUSALS = "{ myCalendar { uid attended excused } }"


async def test_mentee_participation_is_mandatory_an_excused_absence_is_not_a_missed_session(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional." Excused, not recorded present.
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GY")
    await _active(client, pairing)
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    february = next(e for e in events.json()["items"] if e["kind"] == "group_session")
    clock.set(date(2027, 2, 10))
    staff, mentee, mentor = pairing.tokens["STAFF"], str(pairing.mentee_id), str(pairing.mentor_id)
    await _gql(client, staff, RECORD_BOTH, id=february["id"], who=[mentor])
    found = await _gql(client, staff, WORKLIST, cohort=str(pairing.cohort_id))
    kinds = [e["node"]["kind"] for e in found["data"]["worklist"]["edges"]]
    assert "group_session_missed" in kinds
    both = await _gql(client, staff, RECORD_BOTH, id=february["id"], who=[mentee], excused=[mentee])
    assert both["data"]["recordAttendance"] == {
        "__typename": "Problem",
        "code": "invalid-input",
        "field": "excused",
        "rule": "present_or_excused",
    }
    excused = await _gql(client, staff, RECORD_BOTH, id=february["id"], excused=[mentee])
    assert excused["data"]["recordAttendance"]["excused"] == [mentee]
    assert excused["data"]["recordAttendance"]["attendees"] == [mentor]
    found = await _gql(client, staff, WORKLIST, cohort=str(pairing.cohort_id))
    kinds = [e["node"]["kind"] for e in found["data"]["worklist"]["edges"]]
    assert "group_session_missed" not in kinds
    uid = f"cohort-event-{february['id']}@mentoring"
    mine = (await _gql(client, pairing.mentee, MY_EXCUSALS))["data"]["myCalendar"]
    assert [(e["attended"], e["excused"]) for e in mine if e["uid"] == uid] == [(False, True)]
    theirs = (await _gql(client, pairing.mentor, MY_EXCUSALS))["data"]["myCalendar"]
    assert [(e["attended"], e["excused"]) for e in theirs if e["uid"] == uid] == [(True, False)]
