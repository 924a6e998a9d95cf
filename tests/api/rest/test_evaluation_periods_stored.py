"""An evaluation keeps the period it was given for (checkup 1, round 1), shown as
`period_number`: a coordinator moving the cohort's program-evaluation round, or a pair agreeing
another term, neither lets a person answer that period again nor moves the answer elsewhere
in the cohort report."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import activate, clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.test_program_evaluation_rounds import _maine_pair

WORKING_WELL = {
    "mutual_learning": 4,
    "clearer_goals": 5,
    "look_forward": 4,
    "energized": 3,
    "new_responsibilities": 4,
}
CALTRANS_START = date(2027, 1, 4)
CHECKUP = {"1": 2, "2": 6, "3": 1, "4": 2, "5": 1, "6": 2}
CONTRACT = {"ground_rules": "on time"}
PERIOD_QUERY = "query($id: UUID!) { evaluations(mentorshipId: $id) { kind periodNumber } }"


async def _move_round(client, pairing, starts_on: str, ends_on: str) -> None:
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    [march] = [e for e in events.json()["items"] if e["kind"] == "program_evaluation"]
    moved = await client.put(
        f"/v1/cohort-events/{march['id']}",
        headers=pairing.admin,
        json={"title": march["title"], "starts_on": starts_on, "ends_on": ends_on},
    )
    assert moved.status_code == 200, moved.text


async def test_march_2004_evaluate_program_an_answer_stays_in_the_round_the_coordinator_moved(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "March 2004 Evaluate program inviting
    # feedback from mentoring partners": the protégé answers on 10 March, then the administrator
    # moves the round to 15-31 March. The protégé does not answer round 1 again, and the
    # report keeps the answer in round 1 beside the mentor's given in the moved round.
    pairing = await _maine_pair(client, auth, clock)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    body = {"kind": "program", "answers": WORKING_WELL}
    clock.set(date(2028, 3, 10))
    given = await client.post(url, headers=pairing.mentee, json=body)
    assert (given.status_code, given.json()["period_number"]) == (201, 1)
    await _move_round(client, pairing, "2028-03-15", "2028-03-31")
    clock.set(date(2028, 3, 20))
    twice = await client.post(url, headers=pairing.mentee, json=body)
    assert (twice.status_code, twice.json()["rule"]) == (409, "evaluation_already_submitted")
    assert "program 1" in twice.json()["detail"]
    mentor = await client.post(url, headers=pairing.mentor, json=body)
    assert (mentor.status_code, mentor.json()["period_number"]) == (201, 1)
    listed = (await client.get(url, headers=pairing.admin)).json()["items"]
    assert [(e["party"], e["period_number"]) for e in listed] == [("mentee", 1), ("mentor", 1)]
    report = await client.get(f"/v1/reports/cohorts/{pairing.cohort_id}", headers=pairing.admin)
    items = [i for i in report.json()["form_items"] if i["kind"] == "program"]
    assert {(i["key"], i["evaluation_round"], i["aggregate"]["count"]) for i in items} == {
        (key, 1, 2) for key in WORKING_WELL
    }
    graphql = await client.post(
        "/graphql",
        headers=pairing.mentee,
        json={"query": PERIOD_QUERY, "variables": {"id": pairing.id}},
    )
    assert graphql.json()["data"]["evaluations"] == [
        {"kind": "program", "periodNumber": 1},
        {"kind": "program", "periodNumber": 1},
    ]


async def test_a_caltrans_checkup_answered_before_the_agreed_term_changed_keeps_its_number(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Relationship Checkup Worksheet": "evaluate the relationship
    # every two months"; FAQ: the length "should be agreed upon and documented in the mentoring
    # contract". Checkup 1, answered under six months, stays checkup 1 once nine are agreed.
    pairing = await propose(client, auth, "caltrans", CALTRANS_START)
    await activate(client, pairing, {**CONTRACT, "duration": "6 months"})
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    checkup = {"kind": "checkup", "answers": CHECKUP}
    clock.set(date(2027, 4, 20))
    given = await client.post(url, headers=pairing.mentee, json=checkup)
    assert (given.status_code, given.json()["period_number"]) == (201, 1)
    await activate(client, pairing, {**CONTRACT, "duration": "nine months"})
    shown = await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.mentee)
    assert shown.json()["ends_on"] == "2027-10-04"
    clock.set(date(2027, 4, 28))
    twice = await client.post(url, headers=pairing.mentee, json=checkup)
    assert (twice.status_code, twice.json()["rule"]) == (409, "evaluation_already_submitted")
    assert "checkup 1" in twice.json()["detail"]
    clock.set(date(2027, 5, 4))
    second = await client.post(url, headers=pairing.mentee, json=checkup)
    assert (second.status_code, second.json()["period_number"]) == (201, 2)
    listed = (await client.get(url, headers=pairing.mentee)).json()["items"]
    assert [(e["submitted_on"], e["period_number"]) for e in listed] == [
        ("2027-04-20", 1),
        ("2027-05-04", 2),
    ]
