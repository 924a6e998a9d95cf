"""Maine's Administrator recommends ending a relationship that is not working; the pair read
the recommendation (REST and GraphQL) and end it themselves. Nobody else reads it."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 7, 1)
WORDS = "You both told me the meetings keep slipping; I recommend you end it."
RECOMMEND = (
    "mutation($id: UUID!, $reason: String!) { recommendTermination(mentorshipId: $id, "
    "reason: $reason) { __typename ... on TerminationRecommendation { recommendedOn reason } "
    "... on Problem { code rule } } }"
)
READ = "query($id: UUID!) { terminationRecommendations(mentorshipId: $id) { reason } }"


async def test_both_participants_read_the_administrators_recommendation(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Confidentiality" exception 3: the Administrator "may
    # intervene and may even recommend the mentoring relationship be terminated".
    pairing = await propose(client, auth, "maine-mms", START)
    url = f"/v1/mentorships/{pairing.id}/termination-recommendations"
    clock.set(date(2027, 8, 16))
    made = await client.post(url, headers=pairing.tokens["STAFF"], json={"reason": WORDS})
    assert made.status_code == 201, made.text
    assert (made.json()["recommended_on"], made.json()["reason"]) == ("2027-08-16", WORDS)
    assert made.json()["recommended_by"] == str(pairing.people["STAFF"])
    for who in (pairing.mentee, pairing.mentor, pairing.admin):
        read = await client.get(url, headers=who)
        assert [r["reason"] for r in read.json()["items"]] == [WORDS], read.text
        over_graphql = await graphql_data(client, who, READ, id=pairing.id)
        assert over_graphql["terminationRecommendations"] == [{"reason": WORDS}]
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.mentee)
    assert progress.json()["state"] == "proposed"


async def test_the_participants_end_it_after_the_recommendation(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt exception 3: a recommendation; ending is the pair's act.
    pairing = await propose(client, auth, "maine-mms", START)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    staff = pairing.tokens["STAFF"]
    done = await graphql_data(client, staff, RECOMMEND, id=pairing.id, reason="")
    assert done["recommendTermination"] == {
        "__typename": "TerminationRecommendation",
        "recommendedOn": "2027-01-04",
        "reason": "",
    }
    refused = await client.post(f"/v1/mentorships/{pairing.id}/terminate", headers=staff)
    assert (refused.status_code, refused.json()["rule"]) == (
        409,
        "administrator_recommends_participants_end",
    )
    ended = await client.post(f"/v1/mentorships/{pairing.id}/end", headers=pairing.mentor)
    assert ended.json()["state"] == "ended", ended.text
    again = await graphql_data(client, staff, RECOMMEND, id=pairing.id, reason="x")
    assert again["recommendTermination"]["rule"] == "terminal_state"


async def test_the_recommendation_is_neither_the_participants_nor_the_supervisors(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt exception 3: the Administrator recommends; "Except as
    # otherwise provided", what concerns the relationship stays confidential.
    pairing = await propose(client, auth, "maine-mms", START)
    url = f"/v1/mentorships/{pairing.id}/termination-recommendations"
    by_mentee = await client.post(url, headers=pairing.mentee, json={"reason": "end it"})
    assert by_mentee.status_code == 403, by_mentee.text
    await client.post(url, headers=pairing.tokens["STAFF"], json={"reason": WORDS})
    boss = await client.get(url, headers=pairing.tokens["BOSS"])
    assert boss.status_code in (403, 404)
    assert WORDS not in boss.text


async def test_charlotte_caltrans_and_nc_have_no_administrator_recommendation(client, auth, clock):
    # seeds 000_4e18aab21704e587.txt, 002_59333b271e9b4b69.txt, 003_e5d42bff8b56600f.txt: the
    # participants end the relationship; no administrator recommends it.
    for prefix, preset in (("C", "charlotte-sll"), ("T", "caltrans"), ("N", "nc-model")):
        pairing = await propose(client, auth, preset, START, prefix=prefix)
        url = f"/v1/mentorships/{pairing.id}/termination-recommendations"
        refused = await client.post(url, headers=pairing.tokens["STAFF"], json={})
        assert (refused.status_code, refused.json()["rule"]) == (
            409,
            "administrator_recommendation_not_in_policy",
        ), preset
        assert (await client.get(url, headers=pairing.mentee)).json()["items"] == []
