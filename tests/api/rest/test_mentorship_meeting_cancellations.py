"""Caltrans' meeting log: a meeting that did not happen is cancelled, not erased. It stays in
the pair's log and on subscribed calendars (STATUS:CANCELLED, same UID), and stops counting
towards the "twice a month, about three hours" cadence (002 FAQ) and the reports."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

import pytest
from icalendar import Calendar

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.errors import Conflict
from app.services.relationships import meetings
from tests.api.mentorship_setup import clock, principal_of, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _running(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"ground_rules": "on time"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)


async def _log(client, pairing, day, hours=1.5, who=None):
    logged = await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=who or pairing.mentee,
        json={"held_on": day, "hours": hours, "notes": "the reorganisation"},
    )
    assert logged.status_code == 201, logged.text
    return logged.json()


async def test_a_cancelled_meeting_stays_on_record_but_no_longer_keeps_the_cadence(
    client, auth, clock
):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    clock.set(date(2027, 1, 25))
    await _log(client, pairing, "2027-01-11")
    second = await _log(client, pairing, "2027-01-25")
    # The mentee logged it; the mentor says it never happened, and cancels it.
    cancelled = await client.post(f"/v1/meetings/{second['id']}/cancel", headers=pairing.mentor)
    assert cancelled.status_code == 200, cancelled.text
    body = cancelled.json()
    assert (body["cancelled"], body["cancelled_by"]) == (True, str(pairing.mentor_id))
    assert body["cancelled_at"].startswith("2027-01-25")
    clock.set(date(2027, 2, 10))
    log = (
        await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=pairing.mentee)
    ).json()
    assert [m["cancelled"] for m in log["meetings"]] == [False, True]
    january = log["cadence"]["months"][0]
    assert (january["meetings"], january["hours"]) == (1, 1.5)
    assert log["cadence"]["at_risk"] is True
    # The coordinator sees that it was cancelled, not who cancelled it.
    staff = await client.get(
        f"/v1/mentorships/{pairing.id}/meetings", headers=pairing.tokens["STAFF"]
    )
    assert [(m["cancelled"], m["cancelled_by"]) for m in staff.json()["meetings"]] == [
        (False, None),
        (True, None),
    ]
    report = await client.get(
        f"/v1/reports/cohorts/{pairing.cohort_id}", headers=pairing.tokens["STAFF"]
    )
    assert (report.json()["meetings"], report.json()["hours"]) == (1, 1.5)


async def test_cancelling_twice_is_refused_by_name(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    meeting = await _log(client, pairing, "2027-01-04")
    url = f"/v1/meetings/{meeting['id']}/cancel"
    assert (await client.post(url, headers=pairing.mentee)).status_code == 200
    again = await client.post(url, headers=pairing.mentor)
    assert again.status_code == 409
    assert again.json()["rule"] == "already_cancelled"
    assert again.headers["content-type"].startswith("application/problem+json")


async def test_another_pairs_meeting_is_not_found_and_stays_as_it_was(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    meeting = await _log(client, pairing, "2027-01-04")
    other = await propose(client, auth, "caltrans", START, prefix="Q")
    url = f"/v1/meetings/{meeting['id']}/cancel"
    for stranger in (other.mentee, other.mentor, pairing.tokens["BOSS"]):
        refused = await client.post(url, headers=stranger)
        assert refused.status_code in (403, 404), refused.text
    staff = await client.post(url, headers=pairing.tokens["STAFF"])
    assert staff.status_code in (403, 404)
    unknown = await client.post(
        "/v1/meetings/00000000-0000-0000-0000-000000000000/cancel", headers=pairing.mentee
    )
    assert unknown.status_code == 404
    log = await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=pairing.mentee)
    assert [m["cancelled"] for m in log.json()["meetings"]] == [False]


async def test_an_ended_pairs_meetings_cannot_be_cancelled(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    meeting = await _log(client, pairing, "2027-01-04")
    await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentee)
    refused = await client.post(f"/v1/meetings/{meeting['id']}/cancel", headers=pairing.mentor)
    assert (refused.status_code, refused.json()["rule"]) == (409, "terminal_state")


async def test_the_calendar_keeps_the_same_uid_and_marks_the_meeting_cancelled(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    meeting = await _log(client, pairing, "2027-01-04")
    feed = (await client.post("/v1/me/calendar-feed", headers=pairing.mentor)).json()["url"]
    uid = f"meeting-{meeting['id']}@mentoring"

    async def event():
        calendar = Calendar.from_ical((await client.get(feed)).content)
        return next(e for e in calendar.walk("VEVENT") if str(e["uid"]) == uid)

    assert str((await event())["status"]) == "CONFIRMED"
    await client.post(f"/v1/meetings/{meeting['id']}/cancel", headers=pairing.mentee)
    after = await event()
    assert str(after["status"]) == "CANCELLED"
    assert int(after["sequence"]) == 1


async def test_graphql_cancels_through_the_same_rules(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    meeting = await _log(client, pairing, "2027-01-04")
    query = (
        "mutation($id: UUID!) { cancelMeeting(id: $id) { __typename "
        "... on Meeting { cancelled cancelledBy } ... on Problem { code rule } } }"
    )

    async def cancel():
        answered = await client.post(
            "/graphql",
            headers=pairing.mentor,
            json={"query": query, "variables": {"id": meeting["id"]}},
        )
        return answered.json()["data"]["cancelMeeting"]

    assert await cancel() == {
        "__typename": "Meeting",
        "cancelled": True,
        "cancelledBy": str(pairing.mentor_id),
    }
    assert await cancel() == {
        "__typename": "Problem",
        "code": "conflict",
        "rule": "already_cancelled",
    }


async def test_cancelling_a_meeting_takes_five_round_trips(client, auth, clock, database):
    # Opening (with the tenant and the lock of the meeting's pair, found by the meeting's id:
    # `uow.holding_pair_of_meeting`), the meeting, the pair with its progress (read once the
    # lock is held: see `open_pair`), the cancellation with its audit record and event, the
    # commit. The audit and the event ride on the cancellation, as on a logged meeting.
    from tests.api.graphql.test_efficiency import CountingConnection

    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    first, second = [await _log(client, pairing, "2027-01-04") for _ in range(2)]
    await client.post(f"/v1/meetings/{first['id']}/cancel", headers=pairing.mentee)  # warm
    counting = CountingConnection(database._connection)
    database._connection = counting
    try:
        cancelled = await client.post(f"/v1/meetings/{second['id']}/cancel", headers=pairing.mentor)
    finally:
        database._connection = counting._connection
    assert cancelled.status_code == 200, cancelled.text
    assert counting.statements == 5


class _ReadBeforeAnotherCancelled(SqlUnitOfWork):
    """A unit of work that read the meeting before another participant's cancellation landed."""

    async def __aenter__(self):
        entered = await super().__aenter__()
        read = self.relationships.meeting

        async def meeting(meeting_id: UUID):
            found = await read(meeting_id)
            return replace(found, cancelled=False, cancelled_at=None, cancelled_by=None)

        self.relationships.meeting = meeting  # type: ignore[method-assign]
        return entered


async def test_a_cancellation_another_beat_leaves_neither_its_record_nor_its_event(
    client, auth, clock, database, connection
):
    # Its audit record and event are written with its update, which finds the meeting
    # cancelled already: they roll back with it, and only the first cancellation is told.
    pairing = await propose(client, auth, "caltrans", START)
    await _running(client, pairing)
    meeting = await _log(client, pairing, "2027-01-04")
    await client.post(f"/v1/meetings/{meeting['id']}/cancel", headers=pairing.mentor)
    principal = await principal_of(client, pairing.mentee)
    late = _ReadBeforeAnotherCancelled(database, principal.organization_id)
    with pytest.raises(Conflict) as refused:
        await meetings.cancel_meeting(
            uow=late, principal=principal, clock=clock, meeting_id=UUID(meeting["id"])
        )
    assert refused.value.rule == "already_cancelled"
    await connection.execute(
        "SELECT set_config('app.organization_id', $1, false)", str(principal.organization_id)
    )
    told = await connection.fetchval(
        "SELECT count(*) FROM outbox_events WHERE event_type = 'meeting.cancelled'"
        " AND payload->>'meeting_id' = $1",
        meeting["id"],
    )
    audited = await connection.fetchval(
        "SELECT count(*) FROM audit_events WHERE action = 'meeting.cancelled'"
        " AND details->>'meeting_id' = $1",
        meeting["id"],
    )
    assert (told, audited) == (1, 1)
