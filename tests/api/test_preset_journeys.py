"""One mentorship per preset, from proposal to its end, over the API, as the seeds tell it."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)


async def _ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


async def _confirm_and_sign(client, pairing, terms):
    url = f"/v1/mentorships/{pairing.id}"
    for who in (pairing.mentee, pairing.mentor):
        await _ok(await client.post(f"{url}/confirm", headers=who))
    await _ok(await client.put(f"{url}/agreement", headers=pairing.mentee, json={"terms": terms}))
    for who in (pairing.mentee, pairing.mentor):
        signed = await _ok(await client.post(f"{url}/agreement/sign", headers=who))
    return signed


async def _meet(client, pairing, clock, day, hours=1.5, who=None):
    clock.set(day)
    await _ok(
        await client.post(
            f"/v1/mentorships/{pairing.id}/meetings",
            headers=who or pairing.mentee,
            json={"held_on": day.isoformat(), "hours": hours, "topics": ["leadership"]},
        ),
        201,
    )


async def test_charlotte_a_nine_month_pair_passes_the_month_three_check_and_completes(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt: the committee matches; the MRA is signed at the first
    # one-on-one meeting.
    pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4))
    url = f"/v1/mentorships/{pairing.id}"
    signed = await _confirm_and_sign(
        client,
        pairing,
        {
            "frequency": "bi-weekly",
            "communication_methods": "in person, e-mail",
            "concerns": "keeping this from my unit",
        },
    )
    assert signed["title"] == "Mentoring Relationship Agreement"
    await _meet(client, pairing, clock, date(2027, 1, 11))
    # seed 001_5dd4108eec679fcc.txt "Monthly Journaling": the mentee's own.
    await _ok(
        await client.post(
            f"{url}/journal",
            headers=pairing.mentee,
            json={
                "entry_on": "2027-01-11",
                "overall_goal": "lead with confidence",
                "focus": "feedback",
                "learning_points": "ask before telling",
            },
        ),
        201,
    )
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": toward the end of the first three
    # months.
    clock.set(date(2027, 3, 25))
    for who in (pairing.mentee, pairing.mentor):
        answered = await _ok(
            await client.post(f"{url}/checkpoint", headers=who, json={"decision": "continue"})
        )
    assert answered["outcome"] == "continue"
    # seed 000_4e18aab21704e587.txt "Expectations": mentor and mentee evaluate at least at mid-point
    # and ending.
    clock.set(date(2027, 5, 20))
    midpoint = {"process": 4, "progress": 4, "comments": "growing"}
    for who in (pairing.mentee, pairing.mentor):
        await _ok(
            await client.post(
                f"{url}/evaluations", headers=who, json={"kind": "midpoint", "answers": midpoint}
            ),
            201,
        )
    clock.set(date(2027, 10, 4))
    final = {"kind": "final", "answers": {"process": 5, "progress": 4, "goals_met": 4}}
    await _ok(await client.post(f"{url}/evaluations", headers=pairing.mentor, json=final), 201)
    early = await client.post(f"{url}/complete", headers=pairing.admin, json={})
    assert early.json()["rule"] == "evaluations_missing"
    assert "1 final from the mentee" in early.json()["detail"]
    await _ok(await client.post(f"{url}/evaluations", headers=pairing.mentee, json=final), 201)
    done = await _ok(await client.post(f"{url}/complete", headers=pairing.admin, json={}))
    assert (done["state"], done["closed_on"]) == ("completed", "2027-10-04")


async def test_caltrans_a_six_month_contract_with_checkups_every_two_months(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt: the mentee chooses from the volunteer list; the contract is
    # initialled by both.
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    url = f"/v1/mentorships/{pairing.id}"
    await _confirm_and_sign(
        client,
        pairing,
        {
            "duration": "six months",
            "competencies_to_model": "negotiation",
            "ground_rules": "cancel a day ahead",
        },
    )
    for day in (date(2027, 1, 8), date(2027, 1, 22)):
        await _meet(client, pairing, clock, day)
    # seed 002_59333b271e9b4b69.txt "Relationship Checkup Worksheet": every two months, Likert 1-5.
    for checkup in (date(2027, 3, 4), date(2027, 5, 4), date(2027, 7, 4)):
        clock.set(checkup)
        await _ok(
            await client.post(
                f"{url}/evaluations",
                headers=pairing.mentee,
                json={
                    "kind": "checkup",
                    "answers": {"1": 2, "2": 6, "3": 1, "4": 2, "5": 1, "6": 1},
                },
            ),
            201,
        )
    done = await _ok(await client.post(f"{url}/complete", headers=pairing.mentee, json={}))
    assert done["state"] == "completed"
    assert done["ends_on"] == "2027-07-04"


async def test_nc_a_year_long_plan_of_three_objectives_is_reviewed_at_the_end(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt: the agreement is signed at the initial meeting; the plan has up
    # to 3 objectives.
    pairing = await propose(client, auth, "nc-model", date(2027, 1, 4))
    url = f"/v1/mentorships/{pairing.id}"
    await _confirm_and_sign(
        client, pairing, {"ground_rules": "monthly, an hour", "confidentiality": "stays between us"}
    )
    objective = await _ok(
        await client.post(
            f"{url}/goals",
            headers=pairing.mentee,
            json={
                "kind": "objective",
                "text": "present the budget to the board",
                "smart": {  # seed 003_e5d42bff8b56600f.txt "Expectations": "setting SMART goals"
                    "measure": "the board approves it",
                    "achievable": "with the mentor's review",
                    "relevant": "budget officers present to the board",
                    "due_on": "2027-11-30",
                },
            },
        ),
        201,
    )
    await _meet(client, pairing, clock, date(2027, 1, 12))
    # seed 003_e5d42bff8b56600f.txt "Expectations": the mentee will "Track and report monthly
    # progress, assignments, and activities"; the facts reach the coordinator, the reflections stay
    # the mentee's.
    reports = f"{url}/progress-reports"
    report = {"on_track": True, "assignments_done": 2, "reflections": "nervous about the board"}
    made = await _ok(await client.post(reports, headers=pairing.mentee, json=report), 201)
    assert (made["month"], made["reflections"]) == (1, "nervous about the board")
    twice = await client.post(reports, headers=pairing.mentee, json=report)
    assert twice.json()["rule"] == "progress_report_submitted"
    seen = (await _ok(await client.get(reports, headers=pairing.tokens["STAFF"])))["items"]
    assert [(r["month"], r["on_track"], r["reflections"]) for r in seen] == [(1, True, None)]
    early_debrief = await client.post(
        f"{url}/debriefs",
        headers=pairing.tokens["STAFF"],
        json={"party": "mentee", "held_on": "2027-01-12"},
    )
    assert early_debrief.json()["rule"] == "not_concluded"
    clock.set(date(2028, 1, 4))
    refused = await client.post(f"{url}/complete", headers=pairing.admin, json={})
    assert refused.json()["rule"] == "evaluations_missing"
    review = {
        "kind": "outcome_review",
        "answers": {"goals_achieved": 5, "reflections": "we both grew"},
    }
    # seed 003_e5d42bff8b56600f.txt: the final meeting reviews the plan's outcomes relative to the
    # goals set.
    early = await client.post(f"{url}/evaluations", headers=pairing.mentor, json=review)
    assert (early.status_code, early.json()["rule"]) == (422, "plan_outcomes_missing")
    assert "present the budget to the board" in early.json()["detail"]
    await _ok(
        await client.patch(
            f"/v1/goals/{objective['id']}",
            headers=pairing.mentee,
            json={"progress": 100, "outcome": "presented in November"},
        )
    )
    await _ok(await client.post(f"{url}/evaluations", headers=pairing.mentor, json=review), 201)
    # seed 003_e5d42bff8b56600f.txt: "Outcomes should also be shared with the program coordinator":
    # the answers, not the pair's free text.
    seen = (await _ok(await client.get(f"{url}/evaluations", headers=pairing.tokens["STAFF"])))[
        "items"
    ]
    assert seen[0]["answers"] == {"goals_achieved": 5}
    plan = (await _ok(await client.get(f"{url}/goals", headers=pairing.tokens["STAFF"])))["items"]
    assert (plan[0]["progress"], plan[0]["outcome"]) == (100, "presented in November")
    done = await _ok(
        await client.post(
            f"{url}/complete",
            headers=pairing.tokens["STAFF"],
            json={"outcomes": {"objectives_met": "1 of 1"}},
        )
    )
    assert (done["state"], done["outcomes"]) == ("completed", {"objectives_met": "1 of 1"})
    # seed 003_e5d42bff8b56600f.txt "Evaluation": the coordinator "will discuss individually with
    # the mentor and mentee, upon conclusion of the mentorship, their experience".
    for party in ("mentee", "mentor"):
        await _ok(
            await client.post(
                f"{url}/debriefs",
                headers=pairing.tokens["STAFF"],
                json={"party": party, "held_on": "2028-01-10", "notes": f"{party}: more ad hoc"},
            ),
            201,
        )
    again = await client.post(
        f"{url}/debriefs",
        headers=pairing.tokens["STAFF"],
        json={"party": "mentor", "held_on": "2028-01-11"},
    )
    assert again.json()["rule"] == "debrief_recorded"
    mine = (await _ok(await client.get(f"{url}/debriefs", headers=pairing.mentee)))["items"]
    assert [(d["party"], d["notes"]) for d in mine] == [("mentee", None)]


async def test_maine_the_administrator_is_told_it_is_not_working_and_recommends_ending(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt: no agreement is required; exception 3: either side tells the
    # Administrator.
    pairing = await propose(client, auth, "maine-mms", date(2027, 7, 1))
    url = f"/v1/mentorships/{pairing.id}"
    clock.set(date(2027, 7, 1))
    for who in (pairing.mentee, pairing.mentor):
        confirmed = await _ok(await client.post(f"{url}/confirm", headers=who))
    assert confirmed["state"] == "active"
    await _meet(client, pairing, clock, date(2027, 8, 2))
    clock.set(date(2027, 10, 1))
    await _ok(
        await client.post(
            f"{url}/disclosures",
            headers=pairing.mentee,
            json={
                "kind": "relationship_not_working",
                "description": "we never find time",
                "to": [{"role": "administrator", "person_id": str(pairing.people["STAFF"])}],
            },
        ),
        201,
    )
    mine = (await _ok(await client.get("/v1/me/disclosures", headers=pairing.mentee)))["items"]
    assert [d["kind"] for d in mine] == ["relationship_not_working"]
    # Exception 3: the Administrator "may even recommend the mentoring relationship be
    # terminated"; the pair read it, and the protégé ends it.
    staff = pairing.tokens["STAFF"]
    refused = await client.post(f"{url}/terminate", headers=staff)
    assert refused.json()["rule"] == "administrator_recommends_participants_end"
    words = {"reason": "Consider ending; I can suggest another mentor next year."}
    await _ok(
        await client.post(f"{url}/termination-recommendations", headers=staff, json=words), 201
    )
    for who in (pairing.mentee, pairing.mentor):
        read = await _ok(await client.get(f"{url}/termination-recommendations", headers=who))
        assert [r["reason"] for r in read["items"]] == [words["reason"]]
    ended = await _ok(await client.post(f"{url}/end", headers=pairing.mentee))
    assert ended["state"] == "ended"
