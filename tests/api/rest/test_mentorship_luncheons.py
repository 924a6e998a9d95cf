"""Charlotte's luncheon groups for a cohort: computed, editable, each sees their own."""

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401

# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

SMALL_GROUPS = {"group_activities": {"luncheon_group_min": 1}}


async def test_a_cohorts_mentees_are_seated_and_their_mentor_hosts(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4), policy=SMALL_GROUPS)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups"
    made = await client.post(url, headers=pairing.tokens["STAFF"])
    assert made.status_code == 200, made.text
    assert made.json() == [
        {"number": 1, "mentees": [str(pairing.mentee_id)], "hosts": [str(pairing.mentor_id)] * 2}
    ]
    mine = await client.get(url, headers=pairing.mentee)
    assert [g["number"] for g in mine.json()] == [1]


async def test_an_edit_that_seats_a_mentee_twice_is_refused(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4), policy=SMALL_GROUPS)
    mentee, host = str(pairing.mentee_id), str(pairing.mentor_id)
    groups = [
        {"number": 1, "mentees": [mentee], "hosts": [host, host]},
        {"number": 2, "mentees": [mentee], "hosts": [host, host]},
    ]
    response = await client.put(
        f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups",
        headers=pairing.admin,
        json={"groups": groups},
    )
    assert response.status_code == 422
    assert response.json()["rule"] == "one_group_each"


async def test_a_program_without_luncheons_has_no_groups(client, auth, clock):
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    response = await client.post(
        f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups", headers=pairing.admin
    )
    assert response.json()["rule"] == "no_luncheons"
