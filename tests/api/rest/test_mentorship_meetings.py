"""The meeting log, its confidentiality, and the cadence signal (the seeds' "avoider")."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _running(client, pairing, section="ground_rules"):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {section: "agreed"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)


def _meeting(day: str, hours: float, notes: str = "we talked about the budget fight"):
    return {
        "held_on": day,
        "hours": hours,
        "topics": ["budgeting"],
        "notes": notes,
        "competency": "communication",
        "follow_ups": "read the memo",
    }


async def test_meetings_are_logged_from_confirmation_on(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    url = f"/v1/mentorships/{pairing.id}/meetings"
    early = await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-03", 1))
    assert early.status_code == 409
    assert early.json()["rule"] == "not_confirmed"
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    logged = await client.post(url, headers=pairing.mentor, json=_meeting("2027-01-04", 1.5))
    assert logged.status_code == 201, logged.text
    assert logged.json()["notes"] == "we talked about the budget fight"


async def test_a_meeting_on_an_ended_mentorship_is_refused_and_nothing_is_written(
    client, auth, clock
):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentee)
    url = f"/v1/mentorships/{pairing.id}/meetings"
    refused = await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-04", 1))
    assert refused.status_code == 409
    assert refused.json()["rule"] == "terminal_state"
    log = await client.get(url, headers=pairing.mentee)
    assert log.json()["meetings"] == []


async def test_the_coordinator_sees_dates_and_hours_but_not_what_was_said(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/meetings"
    await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-04", 2))
    seen = await client.get(url, headers=pairing.tokens["STAFF"])
    assert seen.status_code == 200
    assert seen.json()["content_withheld"] is True
    [meeting] = seen.json()["meetings"]
    assert (meeting["held_on"], meeting["hours"], meeting["notes"]) == ("2027-01-04", 2.0, None)
    assert "budget fight" not in seen.text
    own = await client.get(url, headers=pairing.mentor)
    assert own.json()["meetings"][0]["notes"] == "we talked about the budget fight"


async def test_a_pair_that_falls_behind_caltrans_cadence_is_at_risk(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt FAQ: about twice a month, about three hours a month.
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/meetings"
    clock.set(date(2027, 1, 25))
    await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-10", 1.5))
    await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-24", 1.5))
    clock.set(date(2027, 2, 20))
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["at_risk"] is False, progress.json()["at_risk_reason"]
    clock.set(date(2027, 3, 10))  # February went by with no meeting at all
    behind = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert behind.json()["at_risk"] is True
    # seed 002_59333b271e9b4b69.txt: "about twice a month", "approximately 3 hours": judged on
    # average, and the month that fell short is named
    assert "short: month 2" in behind.json()["at_risk_reason"]


async def test_a_meeting_in_the_future_is_refused(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    response = await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json=_meeting("2027-02-01", 1),
    )
    assert response.status_code == 422
    assert response.json()["field"] == "held_on"


async def test_logging_a_meeting_takes_four_round_trips(client, auth, clock, database):
    # Opening (with the tenant and the pair's shared lock: `uow.holding_pair`), the pair with
    # its progress, the meeting with its audit record and event, the commit: what a busy
    # organisation's writers pay per meeting.
    from tests.api.graphql.test_efficiency import CountingConnection

    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/meetings"
    await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-04", 1))  # warm
    counting = CountingConnection(database._connection)
    database._connection = counting
    try:
        logged = await client.post(url, headers=pairing.mentee, json=_meeting("2027-01-04", 2))
    finally:
        database._connection = counting._connection
    assert logged.status_code == 201, logged.text
    assert counting.statements == 4
    log = (await client.get(url, headers=pairing.mentee)).json()["meetings"]
    assert sorted(m["hours"] for m in log) == [1.0, 2.0]


async def test_goal_that_discussion_activity_related_to_is_one_of_the_pairs_plan(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Appendix: Mentoring Meeting Log Worksheet": "Goal that
    # discussion/activity related to": a goal of the mentee's plan in this pair, not another's.
    pairing = await propose(client, auth, "caltrans", START)
    other = await propose(client, auth, "caltrans", START, prefix="Q")
    await _running(client, pairing)
    theirs = await client.post(
        f"/v1/mentorships/{other.id}/goals",
        headers=other.mentee,
        json={"kind": "goal", "text": "run a district"},
    )
    ours = await client.post(
        f"/v1/mentorships/{pairing.id}/goals",
        headers=pairing.mentee,
        json={"kind": "goal", "text": "lead a team"},
    )
    assert theirs.status_code == ours.status_code == 201, ours.text
    url = f"/v1/mentorships/{pairing.id}/meetings"
    refused = await client.post(
        url,
        headers=pairing.mentor,
        json=_meeting("2027-01-04", 1) | {"goal_id": theirs.json()["id"]},
    )
    assert refused.status_code == 422, refused.text
    assert (refused.json()["field"], refused.json()["rule"]) == ("goal_id", "goal_not_in_plan")
    assert "run a district" not in refused.text
    logged = await client.post(
        url, headers=pairing.mentor, json=_meeting("2027-01-04", 1) | {"goal_id": ours.json()["id"]}
    )
    assert logged.status_code == 201, logged.text
    assert logged.json()["goal_id"] == ours.json()["id"]
    log = await client.get(url, headers=pairing.mentee)
    assert [m["goal_id"] for m in log.json()["meetings"]] == [ours.json()["id"]]
