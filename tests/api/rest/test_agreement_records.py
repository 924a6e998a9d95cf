"""Agreements that stay signed: every version is kept for the pair, printable, and the NC
coordinator keeps the file of signed agreements (who signed which version, when)."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _signed_twice(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    first = {"ground_rules": "on time", "confidentiality": "stays between us"}
    await client.put(url, headers=pairing.mentee, json={"terms": first})
    for who in (pairing.mentee, pairing.mentor):
        assert (await client.post(f"{url}/sign", headers=who)).status_code == 200
    second = {**first, "meeting_schedule": "first Monday <b>monthly</b>"}
    await client.put(url, headers=pairing.mentor, json={"terms": second})
    assert (await client.post(f"{url}/sign", headers=pairing.mentee)).status_code == 200


async def test_each_signed_version_is_kept_and_readable_by_the_pair(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": the pair discuss and sign the agreement;
    # an amendment is a new version, and the one signed before stays as it was signed.
    pairing = await propose(client, auth, "nc-model", START)
    await _signed_twice(client, pairing)
    versions = await client.get(
        f"/v1/mentorships/{pairing.id}/agreement/versions", headers=pairing.mentor
    )
    assert versions.status_code == 200, versions.text
    first, second = versions.json()["items"]
    assert (first["version"], first["signed_by_both"]) == (1, True)
    assert "meeting_schedule" not in first["terms"]
    assert (second["version"], [s["party"] for s in second["signatures"]]) == (2, ["mentee"])
    printed = await client.get(
        f"/v1/mentorships/{pairing.id}/agreement/print?version=1", headers=pairing.mentee
    )
    assert printed.status_code == 200
    assert printed.headers["content-type"].startswith("text/html")
    assert "Mentor-Mentee Agreement (version 1)" in printed.text
    assert f"signed {START.isoformat()}" in printed.text
    amended = await client.get(
        f"/v1/mentorships/{pairing.id}/agreement/print", headers=pairing.mentee
    )
    assert "&lt;b&gt;monthly&lt;/b&gt;" in amended.text  # the pair's text, never markup
    missing = await client.get(
        f"/v1/mentorships/{pairing.id}/agreement/print?version=3", headers=pairing.mentee
    )
    assert missing.status_code == 404


async def test_the_coordinator_keeps_the_file_of_signed_agreements(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Confidentiality": the program coordinator keeps the file
    # of signed agreements: who signed which version when, not what the pair wrote.
    pairing = await propose(client, auth, "nc-model", START)
    await _signed_twice(client, pairing)
    register = await client.get(
        f"/v1/cohorts/{pairing.cohort_id}/agreement-register", headers=pairing.tokens["STAFF"]
    )
    assert register.status_code == 200, register.text
    assert [(e["version"], e["signed_by_both"]) for e in register.json()["items"]] == [
        (1, True),
        (2, False),
    ]
    assert register.json()["items"][0]["title"] == "Mentor-Mentee Agreement"
    assert "stays between us" not in register.text
    by_participant = await client.get(
        f"/v1/cohorts/{pairing.cohort_id}/agreement-register", headers=pairing.mentee
    )
    assert by_participant.status_code == 403


async def test_a_program_that_keeps_no_file_says_so(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    refused = await client.get(
        f"/v1/cohorts/{pairing.cohort_id}/agreement-register", headers=pairing.admin
    )
    assert refused.json()["rule"] == "no_agreement_file"
