"""NC's mentee reports progress monthly (seed 003 "Expectations"): a month of the running term
that ended without the mentee's report is on the coordinator's worklist, in REST and GraphQL."""
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


async def _missing_rest(client, pairing):
    url = f"/v1/worklist?cohort_id={pairing.cohort_id}&within_days=0"
    listed = await client.get(url, headers=pairing.tokens["STAFF"])
    assert listed.status_code == 200, listed.text
    return [i for i in listed.json()["items"] if i["kind"] == "progress_report_missing"]


async def _missing_graphql(client, pairing):
    found = await graphql_data(
        client, pairing.tokens["STAFF"], WORKLIST, cohort=str(pairing.cohort_id)
    )
    nodes = [e["node"] for e in found["worklist"]["edges"]]
    return [n for n in nodes if n["kind"] == "progress_report_missing"]


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
