"""The other ways pairs form (Caltrans: the mentee chooses, or asks for an off-list mentor)."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort


async def _caltrans(client, auth):
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids, preset="caltrans")
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    application = await apply(client, mentee, made["cohort"], ids["E2"], MENTEE)
    decided = await client.post(
        f"/v1/applications/{application['id']}/supervisor-decision",
        headers=headers,
        json={"approved": True},
    )
    assert decided.json()["eligibility"]["eligible"], decided.text
    await apply(client, headers, made["cohort"], ids["M3"], MENTOR | {"conflicts": []})
    return headers, ids, made, mentee


async def _form(client, headers, made, mentee_id, mentor_id, formed_by):
    """`POST /v1/mentorships` for a pair of the cohort `made`, formed as `formed_by` says."""
    return await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": made["cohort"],
            "mentee_id": mentee_id,
            "mentor_id": mentor_id,
            "formed_by": formed_by,
        },
    )


async def test_a_mentee_chooses_from_the_volunteer_list(client, auth):
    _, ids, made, mentee = await _caltrans(client, auth)
    listed = await client.get(f"/v1/cohorts/{made['cohort']}/volunteers", headers=mentee)
    assert [v["employee_id"] for v in listed.json()["items"]] == [ids["M3"]]
    assert listed.json()["items"][0]["open_places"] == 2
    assert "conflicts" not in listed.json()["items"][0]["profile"]
    chosen = await _form(client, mentee, made, ids["E2"], ids["M3"], "mentee_choice")
    assert chosen.status_code == 201, chosen.text
    assert chosen.json()["state"] == "proposed"
    assert chosen.json()["explanation"]["off_list"] is False


async def test_a_mentee_may_ask_for_an_off_list_mentor(client, auth):
    _, ids, made, mentee = await _caltrans(client, auth)
    chosen = await _form(client, mentee, made, ids["E2"], ids["D1"], "mentee_choice")
    assert chosen.status_code == 201, chosen.text
    assert chosen.json()["explanation"]["off_list"] is True


async def test_a_participant_cannot_choose_for_someone_else(client, auth):
    _, ids, made, mentee = await _caltrans(client, auth)
    other = await _form(client, mentee, made, ids["E1"], ids["M3"], "mentee_choice")
    assert other.status_code == 404


async def test_a_way_of_forming_pairs_the_policy_does_not_list_is_refused(client, auth):
    headers, ids, made, _ = await _caltrans(client, auth)
    refused = await _form(client, headers, made, ids["E2"], ids["M3"], "committee")
    assert refused.status_code == 422
    assert refused.json()["type"] == "/problems/invalid-policy"


async def test_someone_who_has_not_applied_cannot_see_the_volunteer_list(client, auth):
    _, ids, made, _ = await _caltrans(client, auth)
    outsider = await auth(role=Role.PARTICIPANT, employee_id=ids["E1"])
    listed = await client.get(f"/v1/cohorts/{made['cohort']}/volunteers", headers=outsider)
    assert listed.status_code == 404


async def test_a_mentee_chooses_a_mentor_of_their_own_grade(client, auth):
    # seed 002_59333b271e9b4b69.txt "Minimum Requirements for Mentor": time, interest and the
    # leadership competencies, no grade; "the mentee is in charge of the relationship,
    # including: choosing a mentor". E2 and E1 are both at level 3.
    _, ids, made, mentee = await _caltrans(client, auth)
    chosen = await _form(client, mentee, made, ids["E2"], ids["E1"], "mentee_choice")
    assert chosen.status_code == 201, chosen.text
    explanation = chosen.json()["explanation"]
    assert explanation["off_list"] is True
    assert "mentor_level_above_mentee" not in str(explanation)
