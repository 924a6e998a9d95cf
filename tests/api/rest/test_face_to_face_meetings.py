"""A meeting states how the pair met; NC counts face-to-face meetings (in person or virtual)
towards its monthly meeting, and an email or phone check-in adds only its hours, over REST and
GraphQL alike (seed 003)."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
LOG = (
    "mutation($id: UUID!, $day: Date!, $mode: MeetingMode) "
    "{ logMeeting(mentorshipId: $id, heldOn: $day, hours: 1.0, mode: $mode) "
    "{ __typename ... on Meeting { mode } ... on Problem { code field rule } } }"
)


async def _running(client, pairing, **terms):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(
        url, headers=pairing.mentee, json={"terms": {"ground_rules": "agreed", **terms}}
    )
    for who in (pairing.mentee, pairing.mentor):
        signed = await client.post(f"{url}/sign", headers=who)
        assert signed.status_code == 200, signed.text


async def test_at_least_one_face_to_face_meeting_per_month_with_email_and_phone_check_ins_as_needed(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Creating a Meeting Schedule": "At least one face-to-face
    # [in-person or virtual] meeting is recommended per month with periodic email and/or phone
    # check-ins as needed."
    pairing = await propose(client, auth, "nc-model", START)
    await _running(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/meetings"
    clock.set(date(2027, 1, 6))
    first = {"held_on": "2027-01-05", "hours": 1.5, "mode": "virtual"}
    logged = await client.post(url, headers=pairing.mentee, json=first)
    assert logged.status_code == 201, logged.text
    assert logged.json()["mode"] == "virtual"
    clock.set(date(2027, 2, 11))
    call = await graphql_data(
        client, pairing.mentor, LOG, id=str(pairing.id), day="2027-02-10", mode="PHONE"
    )
    assert call["logMeeting"] == {"__typename": "Meeting", "mode": "PHONE"}

    clock.set(date(2027, 3, 10))
    log = (await client.get(url, headers=pairing.mentee)).json()
    month_two = log["cadence"]["months"][1]
    assert (month_two["meetings"], month_two["hours"], month_two["short"]) == (0, 1.0, True)
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["at_risk"] is True
    assert "short: month 2" in progress.json()["at_risk_reason"]
    # How the pair met is a fact, as its date and hours are: staff see it, not what was said.
    staff = (await client.get(url, headers=pairing.tokens["STAFF"])).json()
    assert [m["mode"] for m in staff["meetings"]] == ["virtual", "phone"]


async def test_caltrans_counts_a_phone_conversation_as_it_is_logged(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt "Tips for Successful Mentors": "e-mail and phone
    # conversations can supplement face-to-face meetings"
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing, duration="6 months")
    url = f"/v1/mentorships/{pairing.id}/meetings"
    clock.set(date(2027, 1, 25))
    for day in ("2027-01-10", "2027-01-24"):
        call = {"held_on": day, "hours": 1.5, "mode": "phone"}
        assert (await client.post(url, headers=pairing.mentee, json=call)).status_code == 201
    clock.set(date(2027, 2, 20))
    log = (await client.get(url, headers=pairing.mentee)).json()
    assert log["cadence"]["months"][0]["meetings"] == 2
    assert log["cadence"]["at_risk"] is False


async def test_a_mode_that_is_none_of_the_four_is_refused_naming_the_field(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    await _running(client, pairing)
    clock.set(date(2027, 1, 6))
    refused = await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": "2027-01-05", "hours": 1.0, "mode": "carrier pigeon"},
    )
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    [error] = refused.json()["errors"]
    assert error["field"] == "mode"
    assert all(m in error["reason"] for m in ("in_person", "virtual", "phone", "email"))
    # GraphQL's MeetingMode enum refuses the value before anything runs, naming the type.
    answer = await client.post(
        "/graphql",
        headers=pairing.mentee,
        json={
            "query": LOG,
            "variables": {"id": str(pairing.id), "day": "2027-01-05", "mode": "CARRIER_PIGEON"},
        },
    )
    assert answer.json()["data"] is None
    assert "MeetingMode" in answer.json()["errors"][0]["message"]
    log = await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=pairing.mentee)
    assert log.json()["meetings"] == []
