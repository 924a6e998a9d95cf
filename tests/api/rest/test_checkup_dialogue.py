"""Caltrans' checkup is a dialogue: the partner reads its free text; Charlotte's compatibility
check stays the respondent's; staff read neither."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import activate, clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
FIRST_CHECKUP = date(2027, 3, 4)  # 002 worksheet: every two months
MONTH_3 = date(2027, 3, 20)  # 000: the compatibility check toward the end of month 3

CHECKUP = {"1": 2, "2": 6, "3": 5, "4": 4, "5": 3, "6": 2, "10": "my mentor is often late"}


async def test_the_caltrans_mentor_reads_the_free_text_of_the_mentees_checkup(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt "Appendix: Relationship Checkup Worksheet": "Use this
    # worksheet to create a dialogue about your mentoring relationship".
    pairing = await propose(client, auth, "caltrans", START)
    await activate(client, pairing, {"ground_rules": "agreed", "duration": "6 months"})
    clock.set(FIRST_CHECKUP)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    done = await client.post(
        url, headers=pairing.mentee, json={"kind": "checkup", "answers": CHECKUP}
    )
    assert done.status_code == 201, done.text
    assert done.json()["partner_reads_free_text"] is True
    [read] = (await client.get(url, headers=pairing.mentor)).json()["items"]
    assert read["answers"] == {"10": "my mentor is often late"}
    assert (read["scores"], read["partner_reads_free_text"]) == ({}, True)
    [staff] = (await client.get(url, headers=pairing.tokens["STAFF"])).json()["items"]
    assert (staff["answers"], staff["scores"], staff["free_text"]) == ({}, {}, None)
    [own] = (await client.get(url, headers=pairing.mentee)).json()["items"]
    assert own["answers"] == CHECKUP


async def test_a_caltrans_program_may_keep_the_checkup_the_respondents_own(client, auth, clock):
    private = {"evaluations": {"free_text_shared_with_pair": []}}
    pairing = await propose(client, auth, "caltrans", START, policy=private)
    await activate(client, pairing, {"ground_rules": "agreed", "duration": "6 months"})
    clock.set(FIRST_CHECKUP)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    done = await client.post(
        url, headers=pairing.mentee, json={"kind": "checkup", "answers": CHECKUP}
    )
    assert done.json()["partner_reads_free_text"] is False
    [read] = (await client.get(url, headers=pairing.mentor)).json()["items"]
    assert (read["answers"], read["partner_reads_free_text"]) == ({}, False)


async def test_a_charlotte_partner_does_not_read_the_compatibility_checks_comments(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": either side may ask for a
    # change "without being required to give a reason": the answers stay the respondent's.
    pairing = await propose(client, auth, "charlotte-sll", START)
    await activate(client, pairing, {"frequency": "weekly"})
    clock.set(MONTH_3)
    url = f"/v1/mentorships/{pairing.id}/evaluations"
    answers = {"process": 2, "progress": 2, "compatibility": 1, "comments": "we do not click"}
    done = await client.post(
        url, headers=pairing.mentee, json={"kind": "compatibility_check", "answers": answers}
    )
    assert done.status_code == 201, done.text
    assert done.json()["partner_reads_free_text"] is False
    seen = await client.get(url, headers=pairing.mentor)
    assert seen.json()["items"][0]["answers"] == {}
    assert "do not click" not in seen.text


async def test_a_program_evaluation_is_never_shared_with_the_pair(client, auth):
    admin = await auth()
    shared = {"evaluations": {"free_text_shared_with_pair": ["checkup", "program"]}}
    refused = await client.post(
        "/v1/programs",
        headers=admin,
        json={"name": "Shared", "preset": "caltrans", "policy": shared},
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["field"] == "evaluations.free_text_shared_with_pair"
    unknown = {"evaluations": {"free_text_shared_with_pair": ["chat"]}}
    typo = await client.post(
        "/v1/programs",
        headers=admin,
        json={"name": "Typo", "preset": "caltrans", "policy": unknown},
    )
    assert typo.status_code == 422, typo.text
    assert typo.json()["field"] == "evaluations.free_text_shared_with_pair[0]"
    assert "must be one of" in typo.json()["detail"]
