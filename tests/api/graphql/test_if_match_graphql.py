"""Every GraphQL change whose REST twin honours `If-Match` takes `ifMatch`: the `ETag` read
(from a type's `etag`, or REST's header, which are the same), a stale one refused as a Problem
`precondition-failed` naming `If-Match` with nothing changed, a fresh one accepted."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, directory, nc_cohort

STALE = {"__typename": "Problem", "code": "precondition-failed", "field": "If-Match"}
PROBLEM = "... on Problem { code field }"


async def _data(client, headers, query, **variables) -> dict:
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    body = response.json()
    assert "errors" not in body, body
    [answer] = body["data"].values()
    return answer


async def test_a_program_policy_changes_only_from_the_version_read(client, auth):
    headers = await auth()
    body = {"name": "P", "preset": "nc-model"}
    made = await client.post("/v1/programs", headers=headers, json=body)
    program = made.json()["id"]
    read = "query($id: UUID!) { program(id: $id) { etag policyVersion } }"
    seen = (await _data(client, headers, read, id=program))["etag"]
    rest = await client.get(f"/v1/programs/{program}", headers=headers)
    assert seen == rest.headers["etag"]
    update = (
        "mutation($id: UUID!, $ifMatch: String) { updateProgramPolicy(id: $id, "
        "policy: {duration_months: 18}, ifMatch: $ifMatch) { __typename "
        "... on Program { policyVersion etag } " + PROBLEM + " } }"
    )
    fresh = await _data(client, headers, update, id=program, ifMatch=seen)
    assert fresh["__typename"] == "Program"
    assert (
        fresh["etag"]
        == (await client.get(f"/v1/programs/{program}", headers=headers)).headers["etag"]
    )
    assert await _data(client, headers, update, id=program, ifMatch=seen) == STALE
    assert (await _data(client, headers, read, id=program))["policyVersion"] == 2
    malformed = await _data(client, headers, update, id=program, ifMatch="v2")
    assert (malformed["code"], malformed["field"]) == ("invalid-input", "If-Match")
    anything = await _data(client, headers, update, id=program, ifMatch="*")
    assert anything["policyVersion"] == 3  # `*`, like no ifMatch at all: no check


async def test_a_calendar_event_moves_and_takes_attendance_only_as_it_was_read(client, auth):
    headers = await auth()
    ids = await directory(client, headers)
    cohort = (await nc_cohort(client, headers, ids))["cohort"]
    added = await client.post(
        f"/v1/cohorts/{cohort}/events",
        headers=headers,
        json={"kind": "orientation", "starts_on": "2027-01-11"},
    )
    event = added.json()["id"]
    read = "query($id: UUID!) { cohort(id: $id) { events { id etag } } }"
    events = (await _data(client, headers, read, id=cohort))["events"]
    [seen] = [e["etag"] for e in events if e["id"] == event]
    assert seen == added.headers["etag"]
    move = (
        "mutation($id: UUID!, $ifMatch: String) { moveCohortEvent(eventId: $id, "
        'startsOn: "2027-01-12", ifMatch: $ifMatch) { __typename ... on CohortEvent '
        "{ startsOn etag } " + PROBLEM + " } }"
    )
    moved = await _data(client, headers, move, id=event, ifMatch=seen)
    assert moved["startsOn"] == "2027-01-12"
    attend = (
        "mutation($id: UUID!, $who: [UUID!]!, $ifMatch: String) { recordAttendance(eventId: $id, "
        "employeeIds: $who, ifMatch: $ifMatch) { __typename ... on CohortEvent { attendees } "
        + PROBLEM
        + " } }"
    )
    who = [ids["E1"]]
    assert await _data(client, headers, attend, id=event, who=who, ifMatch=seen) == STALE
    taken = await _data(client, headers, attend, id=event, who=who, ifMatch=moved["etag"])
    assert taken["attendees"] == who


async def test_an_application_is_edited_or_decided_only_as_it_was_read(client, auth):
    headers = await auth()
    ids = await directory(client, headers)
    cohort = (await nc_cohort(client, headers, ids))["cohort"]
    applied = await client.post(
        f"/v1/cohorts/{cohort}/applications",
        headers=headers,
        json={"employee_id": ids["E1"], **MENTEE},
    )
    application = applied.json()["id"]
    read = "query($id: UUID!) { application(id: $id) { etag } }"
    seen = (await _data(client, headers, read, id=application))["etag"]
    rest = await client.get(f"/v1/applications/{application}", headers=headers)
    assert seen == rest.headers["etag"]
    edit = (
        "mutation($id: UUID!, $ifMatch: String) { editApplication(id: $id, "
        'profile: {goals: ["lead the depot"]}, ifMatch: $ifMatch) { __typename '
        "... on Application { profile etag } " + PROBLEM + " } }"
    )
    edited = await _data(client, headers, edit, id=application, ifMatch=seen)
    assert edited["profile"]["goals"] == ["lead the depot"]
    override = (
        "mutation($id: UUID!, $ifMatch: String) { overrideEligibility(id: $id, "
        'rule: "information_session", reason: "x", ifMatch: $ifMatch) { __typename '
        + PROBLEM
        + " } }"
    )
    assert await _data(client, headers, override, id=application, ifMatch=seen) == STALE
    again = await client.get(f"/v1/applications/{application}", headers=headers)
    assert again.json()["overrides"] == []
    assert again.headers["etag"] == edited["etag"]


async def test_an_agreement_and_a_goal_change_only_as_they_were_read(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", date(2027, 1, 4))
    confirm = "mutation($id: UUID!) { confirmMentorship(id: $id) { __typename } }"
    for who in (pairing.mentee, pairing.mentor):
        await _data(client, who, confirm, id=pairing.id)
    write = (
        "mutation($id: UUID!, $ifMatch: String) { writeAgreement(mentorshipId: $id, "
        'terms: {ground_rules: "on time"}, ifMatch: $ifMatch) { __typename '
        "... on Agreement { version etag } " + PROBLEM + " } }"
    )
    first = await _data(client, pairing.mentee, write, id=pairing.id)
    rest = await client.get(f"/v1/mentorships/{pairing.id}/agreement", headers=pairing.mentee)
    assert first["etag"] == rest.headers["etag"]
    second = await _data(client, pairing.mentee, write, id=pairing.id, ifMatch=first["etag"])
    assert second["version"] == first["version"] + 1
    sign = (
        "mutation($id: UUID!, $ifMatch: String) { signAgreement(mentorshipId: $id, "
        "ifMatch: $ifMatch) { __typename ... on Agreement { signatures { party } } "
        + PROBLEM
        + " } }"
    )
    assert await _data(client, pairing.mentor, sign, id=pairing.id, ifMatch=first["etag"]) == STALE
    signed = await _data(client, pairing.mentor, sign, id=pairing.id, ifMatch=second["etag"])
    assert [s["party"] for s in signed["signatures"]] == ["mentor"]

    add = (
        "mutation($id: UUID!) { addGoal(mentorshipId: $id, kind: OBJECTIVE, text: "
        '"present the budget", smart: {measure: "m", achievable: "a", relevant: "r", '
        'due_on: "2027-11-30"}) { ... on Goal { id etag } } }'
    )
    goal = await _data(client, pairing.mentee, add, id=pairing.id)
    update = (
        "mutation($id: UUID!, $ifMatch: String) { updateGoal(id: $id, progress: 40, "
        "ifMatch: $ifMatch) { __typename ... on Goal { progress etag } " + PROBLEM + " } }"
    )
    updated = await _data(client, pairing.mentee, update, id=goal["id"], ifMatch=goal["etag"])
    assert updated["progress"] == 40
    comment = (
        'mutation($id: UUID!, $ifMatch: String) { commentOnGoal(id: $id, text: "good", '
        "ifMatch: $ifMatch) { __typename ... on Goal { comments } " + PROBLEM + " } }"
    )
    stale = await _data(client, pairing.mentor, comment, id=goal["id"], ifMatch=goal["etag"])
    assert stale == STALE
    fresh = await _data(client, pairing.mentor, comment, id=goal["id"], ifMatch=updated["etag"])
    assert [c["text"] for c in fresh["comments"]] == ["good"]


async def test_organisation_settings_and_a_webhook_take_if_match_as_well_as_if_version(
    client, auth
):
    headers = await auth()
    seen = (await _data(client, headers, "{ organization { etag version } }"))["etag"]
    update = (
        "mutation($ifMatch: String, $ifVersion: Int) { updateOrganization("
        "maxOpenPairsPerMentor: 2, ifMatch: $ifMatch, ifVersion: $ifVersion) { __typename "
        "... on Organization { maxOpenPairsPerMentor etag version } " + PROBLEM + " } }"
    )
    both = await _data(client, headers, update, ifMatch=seen, ifVersion=1)
    assert (both["code"], both["field"]) == ("invalid-input", "ifMatch")
    done = await _data(client, headers, update, ifMatch=seen)
    assert done["maxOpenPairsPerMentor"] == 2
    assert await _data(client, headers, update, ifMatch=seen) == STALE
    assert (await _data(client, headers, update, ifVersion=done["version"]))["__typename"] == (
        "Organization"
    )

    create = (
        'mutation { createWebhookEndpoint(url: "https://h.example.org/x", eventTypes: ["*"]) '
        "{ ... on IssuedWebhookEndpoint { endpoint { id etag } } } }"
    )
    endpoint = (await _data(client, headers, create))["endpoint"]
    rest = await client.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=headers)
    assert endpoint["etag"] == rest.headers["etag"]
    change = (
        "mutation($id: UUID!, $ifMatch: String) { updateWebhookEndpoint(id: $id, "
        'description: "billing", ifMatch: $ifMatch) { __typename ... on WebhookEndpoint '
        "{ description } " + PROBLEM + " } }"
    )
    changed = await _data(client, headers, change, id=endpoint["id"], ifMatch=endpoint["etag"])
    assert changed["description"] == "billing"
    assert await _data(client, headers, change, id=endpoint["id"], ifMatch=endpoint["etag"]) == (
        STALE
    )
