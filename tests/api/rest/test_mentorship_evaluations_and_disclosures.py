"""Checkups and evaluations (the respondent's own), and Maine's recorded disclosures."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
FIRST_CHECKUP = date(2027, 3, 4)  # seed 002_59333b271e9b4b69.txt worksheet: every two months


async def _active(client, pairing, section):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    if section:
        url = f"/v1/mentorships/{pairing.id}/agreement"
        terms = {section: "agreed"}
        # Caltrans: the contract states its duration (seed 002_59333b271e9b4b69.txt FAQ)
        if section == "ground_rules":
            terms["duration"] = "6 months"
        await client.put(url, headers=pairing.mentee, json={"terms": terms})
        for who in (pairing.mentee, pairing.mentor):
            await client.post(f"{url}/sign", headers=who)


CHECKUP = {"1": 2, "2": 6, "3": 5, "4": 4, "5": 3, "6": 2, "10": "my mentor is often late"}


async def test_a_caltrans_checkup_is_answered_on_the_worksheets_items_and_scale(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt, Relationship Checkup Worksheet: items 1-10, the Likert
    # items printed "Strongly Agree 1 ... Strongly Disagree 5".
    pairing = await propose(client, auth, "caltrans", START)
    await _active(client, pairing, "ground_rules")
    clock.set(FIRST_CHECKUP)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    short = await client.post(
        url, headers=pairing.mentee, json={"kind": "checkup", "answers": {"3": 1}}
    )
    assert (short.status_code, short.json()["rule"]) == (422, "item_required")
    assert short.json()["field"] == "answers.1"
    off_scale = await client.post(
        url, headers=pairing.mentee, json={"kind": "checkup", "answers": {**CHECKUP, "4": 6}}
    )
    assert (off_scale.json()["rule"], off_scale.json()["field"]) == ("scale_point", "answers.4")
    assert "1 = Strongly Agree" in off_scale.json()["detail"]
    old_style = await client.post(
        url, headers=pairing.mentee, json={"kind": "checkup", "scores": [5, 4, 3, 2]}
    )
    assert old_style.json()["rule"] == "answer_on_form"
    done = await client.post(
        url, headers=pairing.mentee, json={"kind": "checkup", "answers": CHECKUP}
    )
    assert done.status_code == 201, done.text
    assert (done.json()["form_version"], done.json()["answers"]["3"]) == (1, 5)


async def test_evaluation_answers_are_the_respondents_own(client, auth, clock):
    # A program that shares no evaluation with the pair, as every one stored before it could.
    private = {"evaluations": {"free_text_shared_with_pair": []}}
    pairing = await propose(client, auth, "caltrans", START, policy=private)
    await _active(client, pairing, "ground_rules")
    clock.set(FIRST_CHECKUP)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    await client.post(url, headers=pairing.mentee, json={"kind": "checkup", "answers": CHECKUP})
    for other in (pairing.mentor, pairing.tokens["STAFF"]):
        seen = await client.get(url, headers=other)
        assert seen.status_code == 200
        [evaluation] = seen.json()["items"]
        assert (evaluation["kind"], evaluation["scores"], evaluation["answers"]) == (
            "checkup",
            {},
            {},
        )
        assert "often late" not in seen.text
    mine = await client.get(url, headers=pairing.mentee)
    assert mine.json()["items"][0]["scores"] == {"3": 5, "4": 4, "5": 3, "6": 2}
    assert mine.json()["items"][0]["answers"]["10"] == "my mentor is often late"


async def test_a_program_that_runs_no_such_evaluation_refuses_it(client, auth, clock):
    pairing = await propose(client, auth, "maine-mms", START)
    await _active(client, pairing, None)
    refused = await client.post(
        f"/v1/mentorships/{pairing.id}/evaluations",
        headers=pairing.mentee,
        json={"kind": "checkup", "scores": []},
    )
    assert refused.json()["rule"] == "evaluation_not_in_policy"


async def test_speaking_to_the_supervisor_needs_the_proteges_approval(client, auth, clock):
    pairing = await propose(client, auth, "maine-mms", START)
    await _active(client, pairing, None)
    url = f"/v1/mentorships/{pairing.id}/disclosures"
    body = {
        "kind": "supervisor_with_approval",
        "to": [{"role": "supervisor", "person_id": str(pairing.people["BOSS"])}],
        "description": "workload",
        "purpose": "a lighter caseload",
    }
    # seed 004_5b4c852a2ca2c393.txt: "only ... with the approval of the protégé": the
    # protégé's own act, so a mentor cannot tick it for them.
    ticked = await client.post(url, headers=pairing.mentor, json={**body, "protege_consent": True})
    assert (ticked.status_code, ticked.json()["field"]) == (422, "protege_consent")
    assert (await client.get(url, headers=pairing.mentee)).json()["items"] == []
    clock.set(date(2027, 1, 20))
    await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": "2027-01-18", "hours": 1, "notes": "about my caseload"},
    )
    requested = await client.post(
        url, headers=pairing.mentor, json={**body, "parts": ["meeting_notes"]}
    )
    assert requested.status_code == 201, requested.text
    assert (requested.json()["consent"], requested.json()["protege_consent"]) == (
        "requested",
        False,
    )
    meetings = f"/v1/mentorships/{pairing.id}/meetings"
    boss = pairing.tokens["BOSS"]
    assert "about my caseload" not in (await client.get(meetings, headers=boss)).text
    answer = f"/v1/disclosures/{requested.json()['id']}/consent"
    by_mentor = await client.post(answer, headers=pairing.mentor, json={"grant": True})
    assert by_mentor.status_code == 404
    granted = await client.post(answer, headers=pairing.mentee, json={"grant": True})
    assert granted.status_code == 200, granted.text
    assert (granted.json()["consent"], granted.json()["protege_consent"]) == ("granted", True)
    assert "about my caseload" in (await client.get(meetings, headers=boss)).text
    again = await client.post(answer, headers=pairing.mentee, json={"grant": False})
    assert (again.status_code, again.json()["rule"]) == (409, "consent_answered")


async def test_a_disclosure_opens_exactly_what_it_names_to_its_recipient(client, auth, clock):
    journal = {"goals": {"mentee_journal": True}}  # Maine keeps none; this program does
    pairing = await propose(client, auth, "maine-mms", START, policy=journal)
    await _active(client, pairing, None)
    clock.set(date(2027, 1, 20))
    await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": "2027-01-18", "hours": 1, "notes": "the hard conversation"},
    )
    await client.post(
        f"/v1/mentorships/{pairing.id}/journal",
        headers=pairing.mentee,
        json={"entry_on": "2027-01-18", "focus": "a journal secret"},
    )
    staff = pairing.tokens["STAFF"]
    before = await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=staff)
    assert "the hard conversation" not in before.text
    made = await client.post(
        f"/v1/mentorships/{pairing.id}/disclosures",
        headers=pairing.mentor,
        json={
            "kind": "advice_from_administrator",
            "to": [{"role": "administrator", "person_id": str(pairing.people["STAFF"])}],
            "parts": ["meeting_notes"],
            "description": "how to help with the hard conversation",
        },
    )
    assert made.status_code == 201, made.text
    after = await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=staff)
    assert after.json()["meetings"][0]["notes"] == "the hard conversation"
    # seed 004_5b4c852a2ca2c393.txt: advice on what the mentor shared, not every later note.
    clock.set(date(2027, 1, 27))
    await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": "2027-01-26", "hours": 1, "notes": "a later confidence"},
    )
    later = await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=staff)
    assert [m["notes"] for m in later.json()["meetings"]] == ["the hard conversation", None]
    assert "a later confidence" not in later.text

    journal = await client.get(f"/v1/mentorships/{pairing.id}/journal", headers=staff)
    assert journal.status_code in (403, 404)
    assert "journal secret" not in journal.text
    boss = await client.get(
        f"/v1/mentorships/{pairing.id}/meetings", headers=pairing.tokens["BOSS"]
    )
    assert boss.json()["meetings"] == []


async def test_an_advice_disclosure_opens_only_the_meetings_the_mentor_names(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: the mentor consults the Administrator "for advice on how to
    # help the protégé": about what the mentor chooses to share.
    pairing = await propose(client, auth, "maine-mms", START)
    await _active(client, pairing, None)
    clock.set(date(2027, 1, 20))
    meetings = f"/v1/mentorships/{pairing.id}/meetings"
    made = []
    for day, notes in (("2027-01-11", "first confidence"), ("2027-01-18", "the one to share")):
        logged = await client.post(
            meetings, headers=pairing.mentee, json={"held_on": day, "hours": 1, "notes": notes}
        )
        made.append(logged.json()["id"])
    advice = {
        "kind": "advice_from_administrator",
        "to": [{"role": "administrator", "person_id": str(pairing.people["STAFF"])}],
        "parts": ["meeting_notes"],
        "description": "how to help",
    }
    url = f"/v1/mentorships/{pairing.id}/disclosures"
    stranger = await client.post(
        url, headers=pairing.mentor, json={**advice, "meeting_ids": [str(pairing.cohort_id)]}
    )
    assert (stranger.status_code, stranger.json()["field"]) == (422, "meeting_ids[0]")
    named = await client.post(
        url, headers=pairing.mentor, json={**advice, "meeting_ids": [made[1]]}
    )
    assert named.status_code == 201, named.text
    assert named.json()["meeting_ids"] == [made[1]]
    seen = await client.get(meetings, headers=pairing.tokens["STAFF"])
    assert [m["notes"] for m in seen.json()["meetings"]] == [None, "the one to share"]


async def test_the_protege_lists_every_disclosure_about_them(client, auth, clock):
    pairing = await propose(client, auth, "maine-mms", START)
    await _active(client, pairing, None)
    await client.post(
        f"/v1/mentorships/{pairing.id}/disclosures",
        headers=pairing.mentor,
        json={
            "kind": "safety_at_risk",
            "protege_informed": True,
            "to": [{"role": "administrator", "person_id": str(pairing.people["STAFF"])}],
            "description": "safety concern",
        },
    )
    mine = await client.get("/v1/me/disclosures", headers=pairing.mentee)
    assert [d["kind"] for d in mine.json()["items"]] == ["safety_at_risk"]
    assert mine.json()["items"][0]["protege_informed"] is True
    # seed 004_5b4c852a2ca2c393.txt: "with the protégé's knowledge": the protégé acknowledges it
    # themselves.
    acknowledge = f"/v1/disclosures/{mine.json()['items'][0]['id']}/acknowledge"
    assert (await client.post(acknowledge, headers=pairing.mentor)).status_code == 404
    known = await client.post(acknowledge, headers=pairing.mentee)
    assert known.status_code == 200, known.text
    assert known.json()["acknowledged_at"] is not None


async def test_the_administrator_named_must_hold_the_administrator_role(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: "the Mentoring Program Administrator" is a role, not anyone the
    # mentor names.
    pairing = await propose(client, auth, "maine-mms", START)
    await _active(client, pairing, None)
    refused = await client.post(
        f"/v1/mentorships/{pairing.id}/disclosures",
        headers=pairing.mentor,
        json={
            "kind": "relationship_not_working",
            "to": [{"role": "administrator", "person_id": str(pairing.people["BOSS"])}],
            "description": "we do not get on",
        },
    )
    assert (refused.status_code, refused.json()["rule"]) == (422, "not_an_administrator")
    assert refused.json()["field"] == "to[0].person_id"
