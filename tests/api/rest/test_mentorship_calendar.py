"""A person's calendar feed: RFC 5545 at a secret URL, stable UIDs, cancellations."""

from __future__ import annotations

import logging
from datetime import date

from icalendar import Calendar

from tests.api.mentorship_setup import clock, propose  # noqa: F401

# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)


async def test_the_feed_lists_meetings_and_key_dates_and_cancels_them_when_the_pair_ends(
    client, auth, clock
):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    clock.set(date(2027, 1, 20))
    await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": "2027-01-18", "hours": 1, "notes": "not in the feed"},
    )
    issued = await client.post("/v1/me/calendar-feed", headers=pairing.mentee)
    assert issued.status_code == 201, issued.text
    url = issued.json()["url"]
    first = await client.get(url)
    assert first.status_code == 200, first.text
    assert first.headers["content-type"].startswith("text/calendar")
    assert "not in the feed" not in first.text
    events = {str(e["uid"]): e for e in Calendar.from_ical(first.content).walk("VEVENT")}
    term_end = f"term-end-{pairing.id}@mentoring"
    assert str(events[term_end]["status"]) == "CONFIRMED"
    assert any(uid.startswith("meeting-") for uid in events)
    await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentor)
    after = {
        str(e["uid"]): e for e in Calendar.from_ical((await client.get(url)).content).walk("VEVENT")
    }
    assert set(after) == set(events)  # the same UIDs, so calendars update in place
    assert str(after[term_end]["status"]) == "CANCELLED"


async def test_a_new_secret_retires_the_old_url(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    old = (await client.post("/v1/me/calendar-feed", headers=pairing.mentee)).json()["url"]
    new = (await client.post("/v1/me/calendar-feed", headers=pairing.mentee)).json()["url"]
    assert (await client.get(old)).status_code == 404
    assert (await client.get(new)).status_code == 200


async def test_the_feed_url_is_absolute_and_its_secret_stays_out_of_the_access_log(
    client, auth, clock, caplog
):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    issued = (await client.post("/v1/me/calendar-feed", headers=pairing.mentee)).json()
    assert issued["url"].startswith("http://test/v1/calendar/")
    with caplog.at_level(logging.INFO, logger="mentoring.access"):
        assert (await client.get(issued["url"])).status_code == 200
    logged = [r.__dict__.get("path", "") for r in caplog.records if r.name == "mentoring.access"]
    assert logged
    assert all(issued["secret"] not in p for p in logged)
    assert logged[-1].endswith("/[redacted].ics")
