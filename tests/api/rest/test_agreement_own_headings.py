"""A pair's own agreement headings over REST: Charlotte's MRA is only a guide (seed
000_4e18aab21704e587.txt "Mentoring Relationship Agreement"); NC keeps to its sections."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def _confirmed(client, auth, preset):
    pairing = await propose(client, auth, preset, START)
    for who in (pairing.mentee, pairing.mentor):
        response = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
        assert response.status_code == 200, response.text
    return pairing


async def test_a_charlotte_pair_writes_its_own_headings_and_signs(client, auth, clock):
    pairing = await _confirmed(client, auth, "charlotte-sll")
    url = f"/v1/mentorships/{pairing.id}/agreement"
    terms = {"frequency": "weekly", "How we give feedback": "candidly, the same day"}
    written = await client.put(url, headers=pairing.mentee, json={"terms": terms})
    assert written.status_code == 200, written.text
    assert written.json()["terms"] == terms
    for who in (pairing.mentee, pairing.mentor):
        signed = await client.post(f"{url}/sign", headers=who)
        assert signed.status_code == 200, signed.text
    assert signed.json()["signed_by_both"] is True
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["state"] == "active"


async def test_a_strict_program_refuses_a_heading_of_the_pairs_own(client, auth, clock):
    pairing = await _confirmed(client, auth, "nc-model")
    refused = await client.put(
        f"/v1/mentorships/{pairing.id}/agreement",
        headers=pairing.mentee,
        json={"terms": {"ground_rules": "on time", "Shadowing": "twice"}},
    )
    assert refused.status_code == 422
    assert refused.json()["field"] == "terms.Shadowing"


async def test_a_heading_of_the_pairs_own_never_uncovers_the_concerns(client, auth, clock):
    # Staff read a pair's own heading as they read "frequency", and never the concerns: not
    # under their section, nor under a look-alike heading, in the agreement or its copies.
    pairing = await _confirmed(client, auth, "charlotte-sll")
    url = f"/v1/mentorships/{pairing.id}/agreement"
    look_alike = {"frequency": "weekly", "Concerns": "a secret"}
    refused = await client.put(url, headers=pairing.mentee, json={"terms": look_alike})
    assert (refused.status_code, refused.json()["field"]) == (422, "terms.Concerns")
    terms = {"frequency": "weekly", "concerns": "do not tell", "Our own": "shared"}
    assert (await client.put(url, headers=pairing.mentee, json={"terms": terms})).is_success
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    staff = pairing.tokens["STAFF"]
    seen = await client.get(url, headers=staff)
    assert seen.json()["terms"] == {"frequency": "weekly", "Our own": "shared"}
    assert seen.json()["withheld"] == ["concerns"]
    printed = await client.get(f"{url}/print", headers=staff)
    assert printed.status_code == 200, printed.text
    assert "do not tell" not in printed.text
    assert "Our own" in printed.text
    mine = await client.get(url, headers=pairing.mentor)
    assert mine.json()["terms"]["concerns"] == "do not tell"
