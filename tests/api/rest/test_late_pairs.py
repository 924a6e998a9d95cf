"""A pair formed after its cohort has started begins on the day it is formed, over REST: its
dates, its initial meeting and its first month are its own, and the coordinator's worklist
has nothing overdue for it on that day."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date, timedelta

from app.domain.access import Role
from tests.api.late_pair_setup import applicants
from tests.api.mentorship_setup import clock  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
MONTH_FOUR = date(2027, 5, 10)
MAINE_START = date(2027, 7, 1)


async def _pair(client, found, formed_by="coordinator"):
    return await client.post(
        "/v1/mentorships",
        headers=found.staff,
        json={
            "cohort_id": found.cohort_id,
            "mentee_id": found.mentee_id,
            "mentor_id": found.mentor_id,
            "formed_by": formed_by,
        },
    )


async def test_a_coordinators_match_in_month_four_starts_that_day_with_nothing_overdue(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": "The meeting should occur soon after the
    # first contact when participants receive their mentor/mentee assignment"
    found = await applicants(client, auth, clock, "nc-model", START)
    clock.set(MONTH_FOUR)
    made = await _pair(client, found)
    assert made.status_code == 201, made.text
    # seed 003_e5d42bff8b56600f.txt "Duration": "at least a one-year partnership"
    assert (made.json()["starts_on"], made.json()["ends_on"]) == ("2027-05-10", "2028-05-10")
    url = f"/v1/mentorships/{made.json()['id']}"
    for who in (found.mentee, found.mentor):
        assert (await client.post(f"{url}/confirm", headers=who)).status_code == 200
    progress = (await client.get(f"{url}/progress", headers=found.staff)).json()
    assert progress["initial_meeting_due_on"] == "2027-05-24"
    assert progress["at_risk"] is False
    cadence = (await client.get(f"{url}/meetings", headers=found.staff)).json()["cadence"]
    first = cadence["months"][0]
    assert (first["month"], first["starts_on"], first["ends_on"]) == (1, "2027-05-10", "2027-06-09")
    assert cadence["initial_meeting_missed"] is False
    worklist = await client.get(
        f"/v1/worklist?cohort_id={found.cohort_id}&within_days=30", headers=found.staff
    )
    items = worklist.json()["items"]
    assert {i["kind"] for i in items} >= {"initial_meeting_not_held"}
    assert [i for i in items if i["overdue"]] == []


async def test_a_caltrans_mentee_who_seeks_out_a_volunteer_in_month_four_starts_that_day(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt: "The list should be readily available for all employees to
    # use when seeking out a mentor"; FAQ: "The recommended duration of the relationship is
    # six-months"; "Relationship Checkup Worksheet": every two months
    found = await applicants(client, auth, clock, "caltrans", START)
    clock.set(MONTH_FOUR)
    chosen = await client.post(
        "/v1/mentorships",
        headers=found.mentee,
        json={
            "cohort_id": found.cohort_id,
            "mentee_id": found.mentee_id,
            "mentor_id": found.mentor_id,
            "formed_by": "mentee_choice",
        },
    )
    assert chosen.status_code == 201, chosen.text
    assert (chosen.json()["starts_on"], chosen.json()["ends_on"]) == ("2027-05-10", "2027-11-10")
    progress = await client.get(
        f"/v1/mentorships/{chosen.json()['id']}/progress", headers=found.staff
    )
    assert progress.json()["checkups"][0] == "2027-07-10"


async def test_a_committee_slate_published_in_month_two_starts_its_pairs_that_day(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Description": "a formal one-to-one relationship for a period
    # of 9 months"; "Relationship Compatibility": "Toward the end of the first three months"
    found = await applicants(client, auth, clock, "charlotte-sll", START)
    day = START + timedelta(days=40)
    clock.set(day)
    url = f"/v1/cohorts/{found.cohort_id}/committee-recommendations"
    member = await auth(role=Role.COMMITTEE)
    recommended = await client.post(
        url, headers=member, json={"mentee_id": found.mentee_id, "mentor_id": found.mentor_id}
    )
    assert recommended.status_code == 200, recommended.text
    published = await client.post(f"{url}/publish", headers=found.staff)
    assert published.status_code == 201, published.text
    [pair] = published.json()
    assert (pair["starts_on"], pair["ends_on"]) == ("2027-02-13", "2027-11-13")
    assert pair["checkpoint_due_on"] == "2027-05-12"


async def test_a_run_published_after_the_cohort_starts_forms_its_pairs_on_the_publish_day(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Selecting a Mentor": the coordinator matches; pairs begin
    # when they receive their assignment, not on a day already past
    found = await applicants(client, auth, clock, "nc-model", START)
    run = await client.post(f"/v1/cohorts/{found.cohort_id}/matching-runs", headers=found.staff)
    assert run.status_code == 201, run.text
    clock.set(START + timedelta(days=45))
    published = await client.post(
        f"/v1/matching-runs/{run.json()['id']}/publish", headers=found.staff
    )
    assert published.status_code == 200, published.text
    [pair] = published.json()["mentorships"]
    assert (pair["starts_on"], pair["ends_on"]) == ("2027-02-18", "2028-02-18")


async def test_a_run_published_before_the_cohort_starts_forms_its_pairs_on_the_cohort_start(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Description": the session's nine months from its start
    found = await applicants(client, auth, clock, "nc-model", START)
    run = await client.post(f"/v1/cohorts/{found.cohort_id}/matching-runs", headers=found.staff)
    published = await client.post(
        f"/v1/matching-runs/{run.json()['id']}/publish", headers=found.staff
    )
    assert published.status_code == 200, published.text
    [pair] = published.json()["mentorships"]
    assert pair["starts_on"] == START.isoformat()


async def test_a_late_maine_pair_still_ends_at_the_final_celebratory_event(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "Final Celebratory Event for mentors and
    # protégés/Formal relationships end"
    found = await applicants(client, auth, clock, "maine-mms", MAINE_START)
    events = await client.get(f"/v1/cohorts/{found.cohort_id}/events", headers=found.staff)
    [final] = [e["starts_on"] for e in events.json()["items"] if e["kind"] == "final_celebration"]
    clock.set(date(2027, 11, 2))
    made = await _pair(client, found)
    assert made.status_code == 201, made.text
    assert (made.json()["starts_on"], made.json()["ends_on"]) == ("2027-11-02", final)


async def test_no_maine_pair_forms_once_formal_relationships_have_ended(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "Formal relationships end" at the
    # final celebratory event; the year has no term left for a new pair
    found = await applicants(client, auth, clock, "maine-mms", MAINE_START)
    events = await client.get(f"/v1/cohorts/{found.cohort_id}/events", headers=found.staff)
    [final] = [e["starts_on"] for e in events.json()["items"] if e["kind"] == "final_celebration"]
    clock.set(date.fromisoformat(final))
    refused = await _pair(client, found)
    assert refused.status_code == 409, refused.text
    assert refused.json()["rule"] == "cohort_formal_end_passed"
    assert refused.json()["field"] == "cohort_id"
