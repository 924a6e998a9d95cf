"""Charlotte's luncheon groups for a cohort: computed, editable, each sees their own."""

from __future__ import annotations

from datetime import date

from app.domain.access import Role
from app.services.relationships.mentorships import proposed_mentorships
from tests.api.mentorship_setup import clock, principal_of, propose, uow_of  # noqa: F401

# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

SMALL_GROUPS = {"group_activities": {"luncheon_group_min": 1}}


async def _two_running_pairs(client, auth):
    """A Charlotte cohort with two confirmed pairs: mentors MENTOR and ALT0."""
    pairing = await propose(
        client, auth, "charlotte-sll", date(2027, 1, 4), policy=SMALL_GROUPS, extra_mentors=1
    )
    principal = await principal_of(client, pairing.admin)
    async with uow_of(client, principal) as uow:
        [second] = await proposed_mentorships(
            uow,
            pairing.cohort_id,
            [(pairing.people["STAFF"], pairing.people["ALT0"], {})],
            formed_by="committee",
            today=date(2027, 1, 4),
        )
        await uow.commit()
    staff_mentee = await auth(role=Role.PARTICIPANT, employee_id=pairing.people["STAFF"])
    for mentorship, who in (
        (pairing.id, pairing.mentee),
        (pairing.id, pairing.mentor),
        (second.id, staff_mentee),
        (second.id, pairing.tokens["ALT0"]),
    ):
        confirmed = await client.post(f"/v1/mentorships/{mentorship}/confirm", headers=who)
        assert confirmed.status_code == 200, confirmed.text
    return pairing


async def test_mentors_volunteer_and_each_volunteer_hosts_once(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": "four mentors will each volunteer to
    # host ... Then, in April, another four mentors will each volunteer".
    pairing = await _two_running_pairs(client, auth)
    hosts_url = f"/v1/cohorts/{pairing.cohort_id}/luncheon-hosts"
    url = f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups"
    nobody = await client.post(url, headers=pairing.tokens["STAFF"])
    assert (nobody.status_code, nobody.json()["rule"]) == (422, "not_enough_hosts")
    not_a_mentor = await client.post(hosts_url, headers=pairing.mentee)
    assert not_a_mentor.status_code == 404
    for mentor in (pairing.mentor, pairing.tokens["ALT0"]):
        offered = await client.post(hosts_url, headers=mentor)
        assert offered.status_code == 200, offered.text
    listed = await client.get(hosts_url, headers=pairing.tokens["STAFF"])
    assert listed.json()["volunteers"] == [str(pairing.mentor_id), str(pairing.people["ALT0"])]
    made = await client.post(url, headers=pairing.tokens["STAFF"])
    assert made.status_code == 200, made.text
    [group] = made.json()
    assert sorted(group["mentees"]) == sorted(
        [str(pairing.mentee_id), str(pairing.people["STAFF"])]
    )
    assert group["hosts"] == [str(pairing.mentor_id), str(pairing.people["ALT0"])]
    mine = await client.get(url, headers=pairing.mentee)
    assert [g["number"] for g in mine.json()["items"]] == [1]


async def test_an_edit_is_refused_naming_every_violation(client, auth, clock):
    pairing = await _two_running_pairs(client, auth)
    mentee, host = str(pairing.mentee_id), str(pairing.mentor_id)
    await client.post(f"/v1/cohorts/{pairing.cohort_id}/luncheon-hosts", headers=pairing.mentor)
    stranger = str(pairing.people["BOSS"])
    groups = [
        {"number": 1, "mentees": [mentee], "hosts": [host, host]},
        {"number": 2, "mentees": [mentee, stranger], "hosts": [stranger, host]},
    ]
    response = await client.put(
        f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups",
        headers=pairing.admin,
        json={"groups": groups},
    )
    assert response.status_code == 422
    body = response.json()
    assert (body["rule"], body["field"]) == ("luncheon_plan", "groups")
    for named in (
        f"mentee {mentee} is seated 2 times",
        f"{stranger} is not a mentee of this cohort",
        f"mentee {pairing.people['STAFF']} has no group",
        f"host {host} is named 3 times; each hosts once",
        f"{stranger} has not volunteered to host",
    ):
        assert named in body["detail"]


async def test_a_program_without_luncheons_has_no_groups(client, auth, clock):
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    response = await client.post(
        f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups", headers=pairing.admin
    )
    assert response.json()["rule"] == "no_luncheons"


async def test_the_luncheons_sit_on_the_cohort_calendar_after_january_1(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "Luncheons will be held twice during the nine months -
    # beginning after January 1."
    pairing = await propose(client, auth, "charlotte-sll", date(2026, 9, 7))
    url = f"/v1/cohorts/{pairing.cohort_id}/events"
    early = await client.post(
        url,
        headers=pairing.admin,
        json={"kind": "luncheon", "title": "x", "starts_on": "2026-12-10"},
    )
    assert (early.status_code, early.json()["rule"]) == (422, "luncheon_too_early")
    # "during the nine months": the cohort's term ends before September 2027.
    late = await client.post(
        url,
        headers=pairing.admin,
        json={"kind": "luncheon", "title": "x", "starts_on": "2027-09-10"},
    )
    assert (late.status_code, late.json()["rule"]) == (422, "luncheon_outside_term")
    # The cohort's calendar, laid out from the preset, already holds the two luncheons, in
    # January and April; a third is refused.
    listed = await client.get(url, headers=pairing.admin)
    luncheons = [e["starts_on"] for e in listed.json()["items"] if e["kind"] == "luncheon"]
    assert len(luncheons) == 2
    assert all(day >= "2027-01-01" for day in luncheons)
    assert [day[5:7] for day in sorted(luncheons)] == ["01", "04"]
    third = await client.post(
        url,
        headers=pairing.admin,
        json={"kind": "luncheon", "title": "x", "starts_on": "2027-05-20"},
    )
    assert third.json()["rule"] == "luncheons_scheduled"
