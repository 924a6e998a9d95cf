"""Charlotte's compatibility checkpoint at the end of month 3 (seed 000)."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
MONTH_3 = date(2027, 3, 20)


async def _active(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)


async def test_an_answer_before_month_three_is_refused(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active(client, pairing)
    clock.set(date(2027, 2, 10))
    early = await client.post(
        f"/v1/mentorships/{pairing.id}/checkpoint",
        headers=pairing.mentee,
        json={"decision": "continue"},
    )
    assert early.status_code == 409
    assert early.json()["rule"] == "checkpoint_not_open"


async def test_a_non_participant_cannot_answer(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active(client, pairing)
    clock.set(MONTH_3)
    staff = await client.post(
        f"/v1/mentorships/{pairing.id}/checkpoint",
        headers=pairing.tokens["STAFF"],
        json={"decision": "change"},
    )
    assert staff.status_code in (403, 404)
    stranger = await client.post(
        f"/v1/mentorships/{pairing.id}/checkpoint",
        headers=pairing.tokens["BOSS"],
        json={"decision": "change"},
    )
    assert stranger.status_code in (403, 404)


async def test_both_continuing_keeps_the_pair_together(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active(client, pairing)
    clock.set(MONTH_3)
    url = f"/v1/mentorships/{pairing.id}/checkpoint"
    first = await client.post(url, headers=pairing.mentee, json={"decision": "continue"})
    assert first.json()["outcome"] is None
    second = await client.post(url, headers=pairing.mentor, json={"decision": "continue"})
    assert (second.json()["outcome"], second.json()["state"]) == ("continue", "active")


async def test_a_change_is_rematched_once_the_coordinator_confirms(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    await _active(client, pairing)
    clock.set(MONTH_3)
    url = f"/v1/mentorships/{pairing.id}/checkpoint"
    asked = await client.post(url, headers=pairing.mentor, json={"decision": "change"})
    assert asked.status_code == 200, asked.text
    assert asked.json()["awaiting"] == "coordinator_confirmation"
    # The mentee learns a change was asked, not who asked, nor why.
    told = await client.get(url, headers=pairing.mentee)
    assert told.json()["change_requested"] is True
    assert told.json()["my_decision"] is None
    assert told.json()["proposed_mentor_id"] is None
    staff = await client.get(url, headers=pairing.tokens["STAFF"])
    assert staff.json()["proposed_mentor_id"] == str(pairing.people["ALT0"])
    confirmed = await client.post(f"{url}/confirm-rematch", headers=pairing.tokens["STAFF"])
    assert confirmed.status_code == 200, confirmed.text
    assert (confirmed.json()["state"], confirmed.json()["outcome"]) == ("rematched", "rematched")
    successor = confirmed.json()["successor_id"]
    new = await client.get(f"/v1/mentorships/{successor}/progress", headers=pairing.admin)
    assert new.json()["mentor_id"] == str(pairing.people["ALT0"])
    assert new.json()["state"] == "proposed"
    # The new pair's term runs from the rematch, not from the cohort's start.
    term = (await client.get(f"/v1/mentorships/{successor}", headers=pairing.admin)).json()
    assert term["starts_on"] == clock.now().date().isoformat()


async def test_with_no_mentor_free_the_mentee_is_withdrawn_and_may_join_the_next_cohort(
    client, auth, clock
):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True)
    await _active(client, pairing)
    clock.set(MONTH_3)
    answered = await client.post(
        f"/v1/mentorships/{pairing.id}/checkpoint",
        headers=pairing.mentee,
        json={"decision": "change"},
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["outcome"] == "withdrawn"
    assert answered.json()["mentee_eligible_for_next_cohort"] is True
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.mentor)
    assert progress.json()["state"] == "withdrawn"


async def test_a_rematch_continues_the_session_under_the_rules_it_started_with(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": the mentee is rematched
    # within the session, not enrolled in a new one; a policy edit made for later sessions
    # never reaches the session under way (DOMAIN: a running mentorship keeps its snapshot).
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    await _active(client, pairing)
    cohort = await client.get(f"/v1/cohorts/{pairing.cohort_id}", headers=pairing.admin)
    edited = await client.post(
        f"/v1/programs/{cohort.json()['program_id']}/policy-versions",
        headers=pairing.admin,
        json={"policy": {"evaluations": {"monthly": False}}, "expected_version": 1},
    )
    assert edited.json()["policy_version"] == 2, edited.text
    clock.set(MONTH_3)
    url = f"/v1/mentorships/{pairing.id}/checkpoint"
    await client.post(url, headers=pairing.mentee, json={"decision": "change"})
    confirmed = await client.post(f"{url}/confirm-rematch", headers=pairing.tokens["STAFF"])
    assert confirmed.status_code == 200, confirmed.text
    successor = confirmed.json()["successor_id"]
    new = (await client.get(f"/v1/mentorships/{successor}", headers=pairing.admin)).json()
    old = (await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.admin)).json()
    assert new["policy_version"] == 1
    assert new["policy"] == old["policy"]
    assert new["policy"]["evaluations"]["monthly"] is True
