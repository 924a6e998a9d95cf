"""Evaluations come due on their dates and each respondent gives each one once: Caltrans'
checkup "every two months" (002 worksheet), Charlotte's "at least mid-point and ending"
evaluations (000 "Expectations")."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import activate, clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
# seed 002_59333b271e9b4b69.txt worksheet: items 1-2 time and hours, 3-6 on 1 = Strongly Agree ... 5
# = Strongly Disagree
CHECKUP = {"1": 2, "2": 6, "3": 1, "4": 2, "5": 1, "6": 2, "7": "a site visit"}
MIDPOINT = {"process": 4, "progress": 5, "comments": "growing"}
FINAL = {"process": 4, "progress": 4, "goals_met": 5}


async def test_a_caltrans_checkup_waits_for_its_date_and_is_answered_once_by_each(
    client, auth, clock
):
    pairing = await propose(client, auth, "caltrans", START)
    await activate(client, pairing, {"duration": "6 months", "ground_rules": "on time"})
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    checkup = {"kind": "checkup", "answers": CHECKUP}
    clock.set(date(2027, 2, 20))
    early = await client.post(url, headers=pairing.mentee, json=checkup)
    assert (early.status_code, early.json()["rule"]) == (409, "checkup_not_due")
    assert "2027-03-04" in early.json()["detail"]
    clock.set(date(2027, 3, 4))
    assert (await client.post(url, headers=pairing.mentee, json=checkup)).status_code == 201
    clock.set(date(2027, 3, 18))
    twice = await client.post(url, headers=pairing.mentee, json=checkup)
    assert (twice.status_code, twice.json()["rule"]) == (409, "evaluation_already_submitted")
    assert "checkup 1" in twice.json()["detail"]
    # The mentor's answer is their own; it is not a duplicate of the mentee's.
    assert (await client.post(url, headers=pairing.mentor, json=checkup)).status_code == 201
    clock.set(date(2027, 5, 4))
    assert (await client.post(url, headers=pairing.mentee, json=checkup)).status_code == 201
    # Nothing half-written: the refused answers left no record.
    answers = (await client.get(url, headers=pairing.mentee)).json()["items"]
    assert [(e["party"], e["submitted_on"]) for e in answers] == [
        ("mentee", "2027-03-04"),
        ("mentor", "2027-03-18"),
        ("mentee", "2027-05-04"),
    ]
    # Two checkup periods are done, however many answered each.
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["evaluations_done"] == ["checkup", "checkup"]


async def test_charlottes_mid_point_and_final_evaluations_are_given_once_each(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await activate(client, pairing, {"frequency": "bi-weekly"})
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    midpoint = {"kind": "midpoint", "answers": MIDPOINT}
    clock.set(date(2027, 5, 1))
    early = await client.post(url, headers=pairing.mentee, json=midpoint)
    assert (early.status_code, early.json()["rule"]) == (409, "midpoint_not_reached")
    clock.set(date(2027, 5, 20))
    assert (await client.post(url, headers=pairing.mentee, json=midpoint)).status_code == 201
    twice = await client.post(url, headers=pairing.mentee, json=midpoint)
    assert (twice.status_code, twice.json()["rule"]) == (409, "evaluation_already_submitted")
    clock.set(date(2027, 10, 4))
    final = {"kind": "final", "answers": FINAL}
    assert (await client.post(url, headers=pairing.mentor, json=final)).status_code == 201
    again = await client.post(url, headers=pairing.mentor, json=final)
    assert again.json()["rule"] == "evaluation_already_submitted"
    complete = f"/v1/mentorships/{pairing.id}/complete"
    # seed 000_4e18aab21704e587.txt/001_5dd4108eec679fcc.txt: both "evaluate the relationship at ...
    # mid-point and ending".
    refused = await client.post(complete, headers=pairing.admin, json={})
    assert (refused.status_code, refused.json()["rule"]) == (409, "evaluations_missing")
    assert "1 final from the mentee" in refused.json()["detail"]
    assert "1 midpoint from the mentor" in refused.json()["detail"]
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["evaluations_owed"] == [
        "1 final from the mentee",
        "1 midpoint from the mentor",
    ]
    assert (await client.post(url, headers=pairing.mentee, json=final)).status_code == 201
    assert (await client.post(url, headers=pairing.mentor, json=midpoint)).status_code == 201
    done = await client.post(complete, headers=pairing.admin, json={})
    assert done.status_code == 200, done.text
    assert done.json()["evaluations_missing"] == {}


async def test_caltrans_evaluation_of_the_overall_process_waits_for_the_conclusion(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Policies & Protocols": "participate in an evaluation of
    # the overall process at the conclusion of the mentoring program period".
    pairing = await propose(client, auth, "caltrans", START)
    await activate(client, pairing, {"duration": "6 months", "ground_rules": "on time"})
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    body = {"kind": "program", "scores": [2, 1], "free_text": "worth it"}
    clock.set(date(2027, 6, 3))
    early = await client.post(url, headers=pairing.mentee, json=body)
    assert (early.status_code, early.json()["rule"]) == (409, "program_evaluation_not_due")
    assert "2027-06-04" in early.json()["detail"]
    clock.set(date(2027, 6, 4))
    assert (await client.post(url, headers=pairing.mentee, json=body)).status_code == 201


async def test_charlottes_compatibility_check_closes_with_the_checkpoint(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": "Toward the end of the first
    # three months, mentoring pairs will be asked to evaluate the process and progress to this
    # point, including a question assessing mentor/mentee compatibility."
    pairing = await propose(client, auth, "charlotte-sll", START)
    await activate(client, pairing, {"frequency": "monthly"})
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    check = {
        "kind": "compatibility_check",
        "answers": {"process": 4, "progress": 4, "compatibility": 5},
    }
    clock.set(date(2027, 4, 17))
    assert (await client.post(url, headers=pairing.mentee, json=check)).status_code == 201
    clock.set(date(2027, 4, 18))
    late = await client.post(url, headers=pairing.mentor, json=check)
    assert late.status_code == 409
    assert late.headers["content-type"].startswith("application/problem+json")
    problem = late.json()
    assert (problem["type"], problem["rule"], problem["field"]) == (
        "/problems/transition-refused",
        "checkpoint_closed",
        "kind",
    )
    assert "2027-03-04 to 2027-04-17" in problem["detail"]
    answers = (await client.get(url, headers=pairing.mentor)).json()["items"]
    assert [e["party"] for e in answers] == ["mentee"]
