"""`If-Match` on the actions that change a resource, not only on its edits (issue 25, item
3): signing an agreement, commenting on a goal, recording attendance, ranking a shortlist,
the supervisor's decision and an eligibility override. A stale `ETag` answers 412 and
changes nothing; the `ETag` the action answers is the next `If-Match`."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from app.domain.access import Role
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, MENTOR, SESSION_ON, apply, directory, nc_cohort
from tests.api.rest.test_shortlist_ranking import _maine

START = date(2027, 1, 4)


def _stale(response) -> None:
    assert response.status_code == 412, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == "If-Match"


def _if(headers: dict, etag: str) -> dict:
    return {**headers, "If-Match": etag}


async def test_signing_an_agreement_amended_since_it_was_read_is_refused(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    read = await client.get(url, headers=pairing.mentor)
    # The mentee amends the terms; the mentor, still looking at version 1, may not sign them.
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "monthly"}})
    _stale(await client.post(f"{url}/sign", headers=_if(pairing.mentor, read.headers["etag"])))
    assert (await client.get(url, headers=pairing.mentor)).json()["signatures"] == []
    fresh = (await client.get(url, headers=pairing.mentor)).headers["etag"]
    signed = await client.post(f"{url}/sign", headers=_if(pairing.mentor, fresh))
    assert signed.status_code == 200, signed.text
    assert signed.headers["etag"] == fresh == '"v2"'
    assert [s["party"] for s in signed.json()["signatures"]] == ["mentor"]


async def test_a_comment_on_a_goal_changed_since_it_was_read_is_refused(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    added = await client.post(
        f"/v1/mentorships/{pairing.id}/goals",
        headers=pairing.mentee,
        json={"kind": "strength", "text": "listening"},
    )
    assert added.status_code == 201, added.text
    url, seen = f"/v1/goals/{added.json()['id']}/comments", added.headers["etag"]
    first = await client.post(url, headers=_if(pairing.mentor, seen), json={"text": "agreed"})
    assert first.status_code == 201, first.text
    _stale(await client.post(url, headers=_if(pairing.mentee, seen), json={"text": "late"}))
    plan = await client.get(f"/v1/mentorships/{pairing.id}/goals", headers=pairing.mentee)
    assert [c["text"] for c in plan.json()["items"][0]["comments"]] == ["agreed"]
    again = await client.post(
        url, headers=_if(pairing.mentee, first.headers["etag"]), json={"text": "thanks"}
    )
    assert again.status_code == 201, again.text
    assert len(again.json()["comments"]) == 2


async def test_attendance_at_an_event_changed_since_it_was_read_is_refused(client, auth):
    headers = await auth()
    ids = await directory(client, headers)
    made = await nc_cohort(client, headers, ids)
    event = await client.post(
        f"/v1/cohorts/{made['cohort']}/events",
        headers=headers,
        json={"kind": "information_session", "starts_on": SESSION_ON.isoformat()},
    )
    url, seen = f"/v1/cohort-events/{event.json()['id']}/attendance", event.headers["etag"]
    first = await client.post(url, headers=_if(headers, seen), json={"employee_ids": [ids["E1"]]})
    assert first.status_code == 200, first.text
    assert first.headers["etag"] != seen
    _stale(await client.post(url, headers=_if(headers, seen), json={"employee_ids": [ids["E2"]]}))
    events = await client.get(f"/v1/cohorts/{made['cohort']}/events", headers=headers)
    [kept] = [e for e in events.json()["items"] if e["id"] == event.json()["id"]]
    assert kept["attendees"] == [ids["E1"]]
    fresh = _if(headers, first.headers["etag"])
    again = await client.post(url, headers=fresh, json={"employee_ids": [ids["E2"]]})
    assert again.status_code == 200, again.text
    assert sorted(again.json()["attendees"]) == sorted([ids["E1"], ids["E2"]])


async def test_a_shortlist_ranked_meanwhile_is_not_overwritten(client, auth):
    admin = await auth()
    ids, cohort = await _maine(client, admin)
    protege = await auth(role=Role.PARTICIPANT, employee_id=ids["P1"])
    mine = await apply(client, protege, cohort, ids["P1"], MENTEE)
    for mentor in ("R1", "R2"):
        await apply(client, admin, cohort, ids[mentor], MENTOR | {"capacity": 1})
    read = await client.get(f"/v1/applications/{mine['id']}", headers=protege)
    url, seen = f"/v1/applications/{mine['id']}/shortlist-ranking", read.headers["etag"]
    first = await client.put(
        url, headers=_if(protege, seen), json={"mentor_ids": [ids["R1"], ids["R2"]]}
    )
    assert first.status_code == 200, first.text
    _stale(
        await client.put(
            url, headers=_if(protege, seen), json={"mentor_ids": [ids["R2"], ids["R1"]]}
        )
    )
    reread = await client.get(f"/v1/applications/{mine['id']}", headers=protege)
    assert reread.headers["etag"] == first.headers["etag"]
    assert reread.json()["profile"]["preferences"]["mentor_ids"] == [ids["R1"], ids["R2"]]
    fresh = _if(protege, first.headers["etag"])
    again = await client.put(url, headers=fresh, json={"mentor_ids": [ids["R2"]]})
    assert again.status_code == 200, again.text


async def test_a_supervisor_decision_on_an_application_changed_meanwhile_is_refused(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="caltrans")
    application = await apply(client, headers, made["cohort"], ids["E1"], MENTEE)
    boss = await auth(role=Role.SUPERVISOR, employee_id=ids["M1"])
    read = await client.get(f"/v1/applications/{application['id']}", headers=headers)
    url, seen = f"/v1/applications/{application['id']}/supervisor-decision", read.headers["etag"]
    approved = await client.post(url, headers=_if(boss, seen), json={"approved": True})
    assert approved.status_code == 200, approved.text
    _stale(await client.post(url, headers=_if(boss, seen), json={"approved": False}))
    reread = await client.get(f"/v1/applications/{application['id']}", headers=headers)
    assert reread.json()["supervisor_approval"] == "approved"
    assert reread.headers["etag"] == approved.headers["etag"]
    fresh = _if(boss, approved.headers["etag"])
    declined = await client.post(url, headers=fresh, json={"approved": False})
    assert declined.json()["supervisor_approval"] == "declined"


async def test_an_override_of_an_application_changed_meanwhile_is_refused(client, auth):
    ids = await directory(client, await auth())
    headers = await auth(role=Role.COORDINATOR, employee_id=ids["D1"])
    # E2 missed the information session.
    made = await nc_cohort(client, headers, {k: v for k, v in ids.items() if k != "E2"})
    application = await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    read = await client.get(f"/v1/applications/{application['id']}", headers=headers)
    url = f"/v1/applications/{application['id']}/eligibility-overrides"
    body = {"rule": "attended_information_session", "reason": "attended last year's"}
    first = await client.post(url, headers=_if(headers, read.headers["etag"]), json=body)
    assert first.status_code == 200, first.text
    later = {**body, "reason": "a second look"}
    _stale(await client.post(url, headers=_if(headers, read.headers["etag"]), json=later))
    reread = await client.get(f"/v1/applications/{application['id']}", headers=headers)
    assert [o["reason"] for o in reread.json()["overrides"]] == ["attended last year's"]
    fresh = _if(headers, first.headers["etag"])
    assert (await client.post(url, headers=fresh, json=later)).status_code == 200
