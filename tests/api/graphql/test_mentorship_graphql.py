"""Running a mentorship over GraphQL: the same rules as REST."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _gql(client, headers, query, **variables):
    response = await client.post(
        "/graphql", headers=headers, json={"query": query, "variables": variables}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


CONFIRM = (
    "mutation($id: UUID!) { confirmMentorship(id: $id) { __typename "
    "... on MentorshipProgress { state confirmedBy } ... on Problem { code rule } } }"
)


async def test_a_pair_confirms_agrees_and_logs_a_meeting_over_graphql(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    await _gql(client, pairing.mentee, CONFIRM, id=pairing.id)
    confirmed = await _gql(client, pairing.mentor, CONFIRM, id=pairing.id)
    assert confirmed["confirmMentorship"]["state"] == "confirmed"
    again = await _gql(client, pairing.mentor, CONFIRM, id=pairing.id)
    assert again["confirmMentorship"] == {
        "__typename": "Problem",
        "code": "transition-refused",
        "rule": "wrong_state",
    }
    write = (
        "mutation($id: UUID!, $terms: JSON!) { writeAgreement(mentorshipId: $id, "
        "terms: $terms) { ... on Agreement { version } } }"
    )
    await _gql(
        client,
        pairing.mentee,
        write,
        id=pairing.id,
        terms={"confidentiality": "what is said here stays here"},
    )
    sign = (
        "mutation($id: UUID!) { signAgreement(mentorshipId: $id) "
        "{ ... on Agreement { signedByBoth } } }"
    )
    await _gql(client, pairing.mentee, sign, id=pairing.id)
    signed = await _gql(client, pairing.mentor, sign, id=pairing.id)
    assert signed["signAgreement"]["signedByBoth"] is True
    log = (
        'mutation($id: UUID!) { logMeeting(mentorshipId: $id, heldOn: "2027-01-04", '
        'hours: 1.5, notes: "a confidence") { ... on Meeting { notes } } }'
    )
    assert (await _gql(client, pairing.mentor, log, id=pairing.id))["logMeeting"]["notes"] == (
        "a confidence"
    )
    read = (
        "query($id: UUID!) { meetingLog(mentorshipId: $id) { contentWithheld "
        "meetings { hours notes } cadence { atRisk } } }"
    )
    seen = await _gql(client, pairing.tokens["STAFF"], read, id=pairing.id)
    assert seen["meetingLog"]["meetings"] == [{"hours": 1.5, "notes": None}]
    assert seen["meetingLog"]["contentWithheld"] is True


async def test_a_checkpoint_answer_in_a_program_without_one_is_a_problem(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    answer = (
        "mutation($id: UUID!) { answerCheckpoint(mentorshipId: $id, decision: CHANGE) "
        "{ ... on Problem { code rule } } }"
    )
    found = await _gql(client, pairing.mentee, answer, id=pairing.id)
    assert found["answerCheckpoint"]["code"] == "transition-refused"


async def test_the_journal_is_null_for_anyone_but_the_mentee(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    write = (
        "mutation($id: UUID!) { writeJournalEntry(mentorshipId: $id, entryOn: "
        '"2027-01-04", entry: {focus: "private"}) { __typename } }'
    )
    await _gql(client, pairing.mentee, write, id=pairing.id)
    read = "query($id: UUID!) { journal(mentorshipId: $id) { entry } }"
    mine = await _gql(client, pairing.mentee, read, id=pairing.id)
    assert mine["journal"] == [{"entry": {"focus": "private"}}]
    response = await client.post(
        "/graphql", headers=pairing.mentor, json={"query": read, "variables": {"id": pairing.id}}
    )
    assert response.json()["data"] is None or response.json()["data"]["journal"] is None
    assert "private" not in response.text
