"""Optimistic concurrency: every single-resource read carries an `ETag`, and an update sent
with `If-Match` is refused with 412 when the resource changed since it was read."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, apply, directory, nc_cohort

START = date(2027, 1, 4)
SMART = {
    "measure": "the board approves it",
    "achievable": "with the mentor's review",
    "relevant": "budget officers present to the board",
    "due_on": "2027-11-30",
}


def _stale(response) -> None:
    assert response.status_code == 412, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == "If-Match"


async def test_a_policy_edit_from_a_stale_read_is_refused(client, auth):
    headers = await auth()
    made = (
        await client.post("/v1/programs", headers=headers, json={"name": "P", "preset": "caltrans"})
    ).json()
    url = f"/v1/programs/{made['id']}"
    read = await client.get(url, headers=headers)
    assert read.headers["etag"] == '"v1"'
    edit = {"policy": {"duration_months": 12}}
    first = await client.post(
        f"{url}/policy-versions", headers={**headers, "If-Match": read.headers["etag"]}, json=edit
    )
    assert first.status_code == 201, first.text
    assert first.headers["etag"] == '"v2"'
    _stale(
        await client.post(
            f"{url}/policy-versions",
            headers={**headers, "If-Match": read.headers["etag"]},
            json={"policy": {"duration_months": 6}},
        )
    )
    assert (await client.get(url, headers=headers)).json()["policy"]["duration_months"] == 12


async def test_an_agreement_amended_meanwhile_is_not_overwritten(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    written = await client.put(url, headers=pairing.mentee, json={"terms": {"ground_rules": "a"}})
    assert written.status_code == 200, written.text
    read = await client.get(url, headers=pairing.mentor)
    assert read.headers["etag"] == written.headers["etag"] == '"v1"'
    # The mentee amends it; the mentor, still looking at version 1, is told to read again.
    mine = {**pairing.mentee, "If-Match": read.headers["etag"]}
    assert (await client.put(url, headers=mine, json={"terms": {"ground_rules": "b"}})).is_success
    theirs = {**pairing.mentor, "If-Match": read.headers["etag"]}
    _stale(await client.put(url, headers=theirs, json={"terms": {"ground_rules": "c"}}))
    assert (await client.get(url, headers=pairing.mentor)).json()["terms"]["ground_rules"] == "b"


async def test_a_goal_updated_meanwhile_is_not_overwritten(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    added = await client.post(
        f"/v1/mentorships/{pairing.id}/goals",
        headers=pairing.mentee,
        json={"kind": "objective", "text": "present", "smart": SMART},
    )
    assert added.status_code == 201, added.text
    url, seen = f"/v1/goals/{added.json()['id']}", added.headers["etag"]
    first = await client.patch(
        url, headers={**pairing.mentee, "If-Match": seen}, json={"progress": 50}
    )
    assert first.status_code == 200, first.text
    assert first.headers["etag"] != seen
    _stale(
        await client.patch(url, headers={**pairing.mentee, "If-Match": seen}, json={"progress": 10})
    )
    again = await client.patch(
        url, headers={**pairing.mentee, "If-Match": first.headers["etag"]}, json={"progress": 60}
    )
    assert again.json()["progress"] == 60


async def test_a_cohort_event_and_an_application_honour_if_match(client, auth):
    headers = await auth()
    ids = await directory(client, headers)
    made = await nc_cohort(client, headers, ids)
    event = await client.post(
        f"/v1/cohorts/{made['cohort']}/events",
        headers=headers,
        json={"kind": "orientation", "title": "Welcome", "starts_on": "2027-01-10"},
    )
    url, seen = f"/v1/cohort-events/{event.json()['id']}", event.headers["etag"]
    moved = {"title": "Welcome", "starts_on": "2027-01-11"}
    assert (await client.put(url, headers={**headers, "If-Match": seen}, json=moved)).is_success
    _stale(await client.put(url, headers={**headers, "If-Match": seen}, json=moved))

    application = await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    read = await client.get(f"/v1/applications/{application['id']}", headers=headers)
    tag = read.headers["etag"]
    profile = f"/v1/applications/{application['id']}/profile"
    edited = await client.put(
        profile, headers={**headers, "If-Match": tag}, json={"goals": ["lead a team"]}
    )
    assert edited.status_code == 200, edited.text
    reread = await client.get(f"/v1/applications/{application['id']}", headers=headers)
    assert reread.headers["etag"] == edited.headers["etag"] != tag
    _stale(await client.put(profile, headers={**headers, "If-Match": tag}, json={"goals": []}))


async def test_single_resource_reads_carry_an_etag(client, auth, clock):
    pairing = await propose(client, auth, "nc-model", START)
    for path in ("", "/progress", "/checkpoint"):
        read = await client.get(f"/v1/mentorships/{pairing.id}{path}", headers=pairing.mentee)
        assert read.status_code == 200, (path, read.text)
        assert read.headers["etag"], path
        cached = await client.get(
            f"/v1/mentorships/{pairing.id}{path}",
            headers={**pairing.mentee, "If-None-Match": read.headers["etag"]},
        )
        assert cached.status_code == 304, path


async def test_an_if_match_this_service_did_not_issue_is_refused(client, auth):
    headers = await auth()
    made = (
        await client.post("/v1/programs", headers=headers, json={"name": "P", "preset": "caltrans"})
    ).json()
    response = await client.post(
        f"/v1/programs/{made['id']}/policy-versions",
        headers={**headers, "If-Match": "yesterday"},
        json={"policy": {}},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "If-Match"
