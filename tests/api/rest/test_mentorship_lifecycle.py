"""Confirming, agreeing, ending and completing a mentorship over REST."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from app.domain.access import Role
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _confirm_both(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        response = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
        assert response.status_code == 200, response.text
    return response.json()


async def test_a_mentorship_is_confirmed_once_both_participants_confirm(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    first = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=pairing.mentee)
    assert first.json()["state"] == "proposed"
    assert first.json()["confirmed_by"] == ["mentee"]
    second = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=pairing.mentor)
    assert second.json()["state"] == "confirmed"


async def test_confirming_twice_names_the_rule(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=pairing.mentee)
    again = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=pairing.mentee)
    assert again.status_code == 409
    assert "already confirmed" in again.json()["detail"]


async def test_the_mentorship_is_active_once_both_sign_the_agreement(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _confirm_both(client, pairing)
    terms = {"frequency": "bi-weekly", "concerns": "my confidential worry"}
    written = await client.put(
        f"/v1/mentorships/{pairing.id}/agreement", headers=pairing.mentee, json={"terms": terms}
    )
    assert written.status_code == 200, written.text
    assert written.json()["terms"]["concerns"] == "my confidential worry"
    await client.post(f"/v1/mentorships/{pairing.id}/agreement/sign", headers=pairing.mentee)
    signed = await client.post(
        f"/v1/mentorships/{pairing.id}/agreement/sign", headers=pairing.mentor
    )
    assert signed.json()["signed_by_both"] is True
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["state"] == "active"


async def test_the_coordinator_sees_the_agreement_is_signed_but_not_the_concerns(
    client, auth, clock
):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _confirm_both(client, pairing)
    await client.put(
        f"/v1/mentorships/{pairing.id}/agreement",
        headers=pairing.mentee,
        json={"terms": {"frequency": "weekly", "concerns": "do not tell"}},
    )
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/agreement/sign", headers=who)
    seen = await client.get(
        f"/v1/mentorships/{pairing.id}/agreement", headers=pairing.tokens["STAFF"]
    )
    assert seen.status_code == 200
    assert seen.json()["signed_by_both"] is True
    assert seen.json()["withheld"] == ["concerns"]
    assert "do not tell" not in seen.text


async def test_signing_twice_names_the_rule(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _confirm_both(client, pairing)
    await client.put(
        f"/v1/mentorships/{pairing.id}/agreement",
        headers=pairing.mentee,
        json={"terms": {"frequency": "weekly"}},
    )
    await client.post(f"/v1/mentorships/{pairing.id}/agreement/sign", headers=pairing.mentee)
    again = await client.post(
        f"/v1/mentorships/{pairing.id}/agreement/sign", headers=pairing.mentee
    )
    assert again.status_code == 409
    assert again.json()["type"].endswith("transition-refused")
    assert "already signed" in again.json()["detail"]


async def test_an_amendment_needs_both_signatures_again(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _confirm_both(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    amended = await client.put(
        url, headers=pairing.mentor, json={"terms": {"frequency": "monthly"}}
    )
    assert amended.json()["version"] == 2
    assert amended.json()["signatures"] == []
    resigned = await client.post(f"{url}/sign", headers=pairing.mentee)
    assert resigned.status_code == 200
    assert [s["party"] for s in resigned.json()["signatures"]] == ["mentee"]


async def test_a_term_the_policy_does_not_have_is_refused(client, auth, clock):
    # NC's agreement keeps to its sections; Charlotte's is only a guide (000)
    pairing = await propose(client, auth, "nc-model", START)
    response = await client.put(
        f"/v1/mentorships/{pairing.id}/agreement",
        headers=pairing.mentee,
        json={"terms": {"salary": "x"}},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "terms.salary"


async def test_either_participant_ends_the_mentorship_without_a_reason(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _confirm_both(client, pairing)
    ended = await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentor)
    assert ended.status_code == 200, ended.text
    assert ended.json()["state"] == "ended"
    again = await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentee)
    assert again.status_code == 409


async def test_no_preset_lets_the_administrator_terminate_at_will(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Confidentiality" exception 3: Maine's Administrator "may
    # even recommend the mentoring relationship be terminated"; the other handbooks name no such
    # intervention. Each refusal says why.
    charlotte = await propose(client, auth, "charlotte-sll", START, prefix="C")
    refused = await client.post(
        f"/v1/mentorships/{charlotte.id}/terminate", headers=charlotte.admin
    )
    assert (refused.status_code, refused.json()["rule"]) == (
        409,
        "administrator_intervention_not_in_policy",
    )
    maine = await propose(client, auth, "maine-mms", START, prefix="M")
    recommends = await client.post(f"/v1/mentorships/{maine.id}/terminate", headers=maine.admin)
    assert (recommends.status_code, recommends.json()["rule"]) == (
        409,
        "administrator_recommends_participants_end",
    )
    assert "the participants end it" in recommends.json()["detail"]


async def test_a_program_that_chose_administrator_termination_keeps_it(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt exception 3 reads as a recommendation; an organisation may
    # still give its administrator the ending itself (Maine programs made before did).
    policy = {"ending": {"administrator_may_terminate": True}}
    maine = await propose(client, auth, "maine-mms", START, prefix="M", policy=policy)
    done = await client.post(f"/v1/mentorships/{maine.id}/terminate", headers=maine.admin)
    assert done.json()["state"] == "ended", done.text


async def test_completing_before_the_term_ends_is_refused(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _confirm_both(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    terms = {"ground_rules": "on time", "duration": "6 months"}
    await client.put(url, headers=pairing.mentee, json={"terms": terms})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    early = await client.post(
        f"/v1/mentorships/{pairing.id}/complete", headers=pairing.admin, json={}
    )
    assert early.status_code == 409
    assert "the term ends on 2027-07-04" in early.json()["detail"]


async def test_the_caltrans_contract_states_its_duration_before_it_is_signed(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt FAQ: the length is "agreed upon and documented in the
    # mentoring contract".
    pairing = await propose(client, auth, "caltrans", START)
    await _confirm_both(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"ground_rules": "on time"}})
    refused = await client.post(f"{url}/sign", headers=pairing.mentee)
    assert refused.status_code == 422
    assert (refused.json()["field"], refused.json()["rule"]) == (
        "terms.duration",
        "required_section",
    )
    progress = f"/v1/mentorships/{pairing.id}/progress"
    assert (await client.get(progress, headers=pairing.admin)).json()["agreement_signed_by"] == []


async def test_an_amended_agreement_is_signed_again_before_the_pair_is_active(client, auth, clock):
    # seed 000_4e18aab21704e587.txt, Mentoring Relationship Agreement: both sign and date it;
    # an amendment nobody has signed does not bind the pair.
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _confirm_both(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    progress = f"/v1/mentorships/{pairing.id}/progress"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    assert (await client.get(progress, headers=pairing.admin)).json()["state"] == "active"
    amended = await client.put(
        url, headers=pairing.mentor, json={"terms": {"frequency": "monthly"}}
    )
    assert amended.status_code == 200, amended.text
    facts = (await client.get(progress, headers=pairing.admin)).json()
    assert (facts["state"], facts["agreement_signed_by"]) == ("confirmed", [])
    assert facts["awaiting_signatures"] is True
    clock.set(date(2027, 10, 4))
    refused = await client.post(
        f"/v1/mentorships/{pairing.id}/complete", headers=pairing.admin, json={}
    )
    assert refused.status_code == 409
    await client.post(f"{url}/sign", headers=pairing.mentee)
    await client.post(f"{url}/sign", headers=pairing.mentor)
    facts = (await client.get(progress, headers=pairing.admin)).json()
    assert (facts["state"], facts["activated_on"]) == ("active", START.isoformat())
    assert facts["awaiting_signatures"] is False


async def test_a_participant_outside_the_pair_is_told_it_does_not_exist(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    staff_as_participant = await auth(role=Role.PARTICIPANT, employee_id=pairing.people["STAFF"])
    for path in ("confirm", "end", "progress"):
        method = client.get if path == "progress" else client.post
        response = await method(
            f"/v1/mentorships/{pairing.id}/{path}", headers=staff_as_participant
        )
        assert response.status_code == 404, (path, response.text)
