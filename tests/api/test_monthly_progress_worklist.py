"""NC's mentee reports progress monthly and the coordinator debriefs each side upon conclusion
(seed 003 "Expectations", "Evaluation"): a month of the running term that ended without the
mentee's report, and a concluded pair's side not yet debriefed, are on the coordinator's
worklist, in REST and GraphQL."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
MONTH_ONE_ENDS = "2027-02-03"
MONTH_TWO_ENDS = "2027-03-03"
WORKLIST = (
    "query($cohort: UUID) { worklist(cohortId: $cohort, withinDays: 0) "
    "{ edges { node { mentorshipId kind rule seed dueOn overdue } } } }"
)


async def _active(client, pairing):
    url = f"/v1/mentorships/{pairing.id}"
    for who in (pairing.mentee, pairing.mentor):
        assert (await client.post(f"{url}/confirm", headers=who)).status_code == 200
    terms = {"ground_rules": "on time", "confidentiality": "stays between us"}
    written = await client.put(f"{url}/agreement", headers=pairing.mentee, json={"terms": terms})
    assert written.status_code in (200, 201), written.text
    for who in (pairing.mentee, pairing.mentor):
        assert (await client.post(f"{url}/agreement/sign", headers=who)).status_code == 200


async def _report(client, pairing, headers):
    made = await client.post(
        f"/v1/mentorships/{pairing.id}/progress-reports",
        headers=headers,
        json={"on_track": True, "assignments_done": 1},
    )
    assert made.status_code == 201, made.text
    return made.json()["month"]


async def _missing_rest(client, pairing, kind="progress_report_missing"):
    url = f"/v1/worklist?cohort_id={pairing.cohort_id}&within_days=0"
    listed = await client.get(url, headers=pairing.tokens["STAFF"])
    assert listed.status_code == 200, listed.text
    return [i for i in listed.json()["items"] if i["kind"] == kind]


async def _missing_graphql(client, pairing, kind="progress_report_missing"):
    found = await graphql_data(
        client, pairing.tokens["STAFF"], WORKLIST, cohort=str(pairing.cohort_id)
    )
    nodes = [e["node"] for e in found["worklist"]["edges"]]
    return [n for n in nodes if n["kind"] == kind]


async def test_a_mentee_who_did_not_track_and_report_monthly_progress_is_on_the_worklist(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Expectations" (mentee): "Track and report monthly
    # progress, assignments, and activities".
    pairing = await propose(client, auth, "nc-model", START, prefix="PR")
    await _active(client, pairing)
    clock.set(date(2027, 1, 20))
    assert await _missing_rest(client, pairing) == []  # month one has not ended
    clock.set(date(2027, 2, 10))
    [item] = await _missing_rest(client, pairing)
    assert item["mentorship_id"] == pairing.id
    assert (item["due_on"], item["overdue"]) == (MONTH_ONE_ENDS, True)
    assert item["seed"] == "003_e5d42bff8b56600f.txt"
    assert item["rule"] == "the mentee's progress report for month 1"
    [node] = await _missing_graphql(client, pairing)
    assert (node["mentorshipId"], node["dueOn"], node["overdue"]) == (
        pairing.id,
        MONTH_ONE_ENDS,
        True,
    )
    # the mentor's report is not the mentee's: month two ends without the mentee's either
    assert await _report(client, pairing, pairing.mentor) == 2
    clock.set(date(2027, 3, 10))
    assert [i["due_on"] for i in await _missing_rest(client, pairing)] == [
        MONTH_ONE_ENDS,
        MONTH_TWO_ENDS,
    ]
    assert await _report(client, pairing, pairing.mentee) == 3
    clock.set(date(2027, 4, 10))
    assert len(await _missing_graphql(client, pairing)) == 2  # months one and two, not three


async def test_a_program_that_asks_for_no_monthly_reports_lists_none(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt names no monthly progress report.
    pairing = await propose(client, auth, "caltrans", START, prefix="PC")
    url = f"/v1/mentorships/{pairing.id}"
    for who in (pairing.mentee, pairing.mentor):
        assert (await client.post(f"{url}/confirm", headers=who)).status_code == 200
    clock.set(date(2027, 4, 10))
    assert await _missing_rest(client, pairing) == []
    assert await _missing_graphql(client, pairing) == []


async def test_the_coordinator_will_discuss_with_the_mentor_and_mentee_upon_conclusion(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Evaluation": "The program coordinator will discuss
    # individually with the mentor and mentee, upon conclusion of the mentorship, their
    # experience".
    pairing = await propose(client, auth, "nc-model", START, prefix="DB")
    await _active(client, pairing)
    clock.set(date(2027, 1, 20))
    assert await _missing_rest(client, pairing, "debrief_missing") == []  # still running
    ended = await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentee)
    assert ended.status_code == 200, ended.text
    clock.set(date(2027, 1, 25))
    owed = await _missing_rest(client, pairing, "debrief_missing")
    assert sorted(i["rule"] for i in owed) == [
        "discuss their experience with the mentee",
        "discuss their experience with the mentor",
    ]
    assert all((i["due_on"], i["overdue"]) == ("2027-01-20", True) for i in owed)
    assert {i["seed"] for i in owed} == {"003_e5d42bff8b56600f.txt"}
    staff = pairing.tokens["STAFF"]
    held = await client.post(
        f"/v1/mentorships/{pairing.id}/debriefs",
        headers=staff,
        json={"party": "mentee", "held_on": "2027-01-25"},
    )
    assert held.status_code == 201, held.text
    [left] = await _missing_graphql(client, pairing, "debrief_missing")
    assert left["rule"] == "discuss their experience with the mentor"
    debrief = (
        "mutation($id: UUID!) { recordDebrief(mentorshipId: $id, party: MENTOR, "
        'heldOn: "2027-01-25") { __typename } }'
    )
    done = await graphql_data(client, staff, debrief, id=pairing.id)
    assert done["recordDebrief"]["__typename"] == "Debrief"
    assert await _missing_rest(client, pairing, "debrief_missing") == []
    assert await _missing_graphql(client, pairing, "debrief_missing") == []
