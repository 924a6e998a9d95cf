"""The program evaluation is answered in the rounds on the cohort's calendar: Maine's March
(004 "Schedule of Events"), Charlotte's "periodically" (000 "Program Evaluations"), once per
round by each respondent; the coordinator's report reads it round by round."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import activate, clock, propose  # noqa: F401  (the fixture)

MAINE_START = date(2027, 7, 1)
WORKING_WELL = {
    "mutual_learning": 4,
    "clearer_goals": 5,
    "look_forward": 4,
    "energized": 3,
    "new_responsibilities": 4,
    "suggestions": "more networking events",
}


async def _maine_pair(client, auth, clock):
    pairing = await propose(client, auth, "maine-mms", MAINE_START)
    clock.set(MAINE_START)
    for who in (pairing.mentee, pairing.mentor):
        confirmed = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
        assert confirmed.status_code == 200, confirmed.text
    return pairing


async def test_march_2004_evaluate_program_inviting_feedback_from_mentoring_partners(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "March 2004 Evaluate program inviting
    # feedback from mentoring partners": a protege cannot answer it in July, and answers once.
    pairing = await _maine_pair(client, auth, clock)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    body = {"kind": "program", "answers": WORKING_WELL}
    clock.set(date(2027, 7, 20))
    july = await client.post(url, headers=pairing.mentee, json=body)
    assert july.status_code == 409
    problem = july.json()
    assert (problem["type"], problem["rule"], problem["field"]) == (
        "/problems/transition-refused",
        "program_evaluation_round_closed",
        "kind",
    )
    assert "round 1 opens on 2028-03-01 and runs to 2028-03-31" in problem["detail"]
    clock.set(date(2028, 3, 10))
    assert (await client.post(url, headers=pairing.mentee, json=body)).status_code == 201
    twice = await client.post(url, headers=pairing.mentee, json=body)
    assert (twice.status_code, twice.json()["rule"]) == (409, "evaluation_already_submitted")
    assert "program 1" in twice.json()["detail"]
    assert (await client.post(url, headers=pairing.mentor, json=body)).status_code == 201
    clock.set(date(2028, 4, 2))
    late = await client.post(url, headers=pairing.mentee, json=body)
    assert late.json()["rule"] == "program_evaluation_round_closed"
    assert "the last round closed on 2028-03-31" in late.json()["detail"]
    # The evaluation invites feedback; it does not hold up the formal end.
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["evaluations_owed"] == []
    report = await client.get(f"/v1/reports/cohorts/{pairing.cohort_id}", headers=pairing.admin)
    items = [i for i in report.json()["form_items"] if i["kind"] == "program"]
    assert {(i["key"], i["evaluation_round"], i["aggregate"]["count"]) for i in items} == {
        (key, 1, 2) for key in WORKING_WELL if key != "suggestions"
    }
    assert "more networking events" not in report.text


async def test_you_will_be_asked_periodically_to_complete_an_online_evaluation(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Program Evaluations": "You will be asked periodically to
    # complete an online evaluation": a round after each group session, each answered once; the
    # coordinator sets the cadence by moving the cohort's events.
    start = date(2027, 1, 4)
    pairing = await propose(client, auth, "charlotte-sll", start)
    await activate(client, pairing, {"frequency": "monthly"})
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    rounds = [e for e in events.json()["items"] if e["kind"] == "program_evaluation"]
    assert [(e["starts_on"], e["ends_on"]) for e in rounds] == [
        ("2027-02-05", "2027-02-18"),
        ("2027-05-05", "2027-05-18"),
        ("2027-08-05", "2027-08-18"),
    ]
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    body = {"kind": "program", "scores": [4, 5], "free_text": "the KBE panel helped"}
    clock.set(date(2027, 2, 10))
    assert (await client.post(url, headers=pairing.mentee, json=body)).status_code == 201
    clock.set(date(2027, 3, 1))
    between = await client.post(url, headers=pairing.mentee, json=body)
    assert between.json()["rule"] == "program_evaluation_round_closed"
    assert "round 2 opens on 2027-05-05" in between.json()["detail"]
    moved = await client.put(
        f"/v1/cohort-events/{rounds[1]['id']}",
        headers=pairing.admin,
        json={"title": rounds[1]["title"], "starts_on": "2027-02-25", "ends_on": "2027-03-05"},
    )
    assert moved.status_code == 200, moved.text
    assert (await client.post(url, headers=pairing.mentee, json=body)).status_code == 201
    answers = (await client.get(url, headers=pairing.mentee)).json()["items"]
    assert [e["submitted_on"] for e in answers if e["kind"] == "program"] == [
        "2027-02-10",
        "2027-03-01",
    ]
