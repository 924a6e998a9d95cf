"""Maine's Administrator recommends ending a relationship that is not working, in answer to a
participant's contact; the pair read the recommendation (REST and GraphQL) and end it
themselves. Nobody else reads it."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date
from typing import Any

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import Pairing, clock, propose  # noqa: F401  (the fixture)

START = date(2027, 7, 1)
WORDS = "You both told me the meetings keep slipping; I recommend you end it."
RECOMMEND = (
    "mutation($id: UUID!, $reason: String!) { recommendTermination(mentorshipId: $id, "
    "reason: $reason) { __typename ... on TerminationRecommendation { recommendedOn reason } "
    "... on Problem { code rule } } }"
)
READ = "query($id: UUID!) { terminationRecommendations(mentorshipId: $id) { reason } }"
TELL = (
    "mutation($id: UUID!, $to: UUID!) { recordDisclosure(mentorshipId: $id, "
    'kind: RELATIONSHIP_NOT_WORKING, to: [{role: "administrator", personId: $to}], '
    'description: "we never find time") { __typename ... on Disclosure { id } } }'
)
ANSWERED = (
    'mutation($id: UUID!) { recommendTermination(mentorshipId: $id, reason: "") { '
    "__typename ... on TerminationRecommendation { answers { disclosureId kind contactedOn } } "
    "... on Problem { code rule field detail } } }"
)


async def tell(client: Any, pairing: Pairing, who: dict[str, str]) -> dict[str, Any]:
    """``who`` tells the program administrator the relationship is not working (exception 3)."""
    told = await client.post(
        f"/v1/mentorships/{pairing.id}/disclosures",
        headers=who,
        json={
            "kind": "relationship_not_working",
            "description": "we never find time",
            "to": [{"role": "administrator", "person_id": str(pairing.people["STAFF"])}],
        },
    )
    assert told.status_code == 201, told.text
    body: dict[str, Any] = told.json()
    return body


async def test_both_participants_read_the_administrators_recommendation(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Confidentiality" exception 3: the Administrator "may
    # intervene and may even recommend the mentoring relationship be terminated".
    pairing = await propose(client, auth, "maine-mms", START)
    url = f"/v1/mentorships/{pairing.id}/termination-recommendations"
    clock.set(date(2027, 8, 16))
    await tell(client, pairing, pairing.mentor)
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
    await tell(client, pairing, pairing.mentee)
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
    await tell(client, pairing, pairing.mentee)
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


async def test_mentors_or_proteges_may_contact_the_administrator_who_may_even_recommend_termination(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt exception 3: "Sometimes mentoring relationships do not work.
    # In such cases, mentors or protégés may contact the Mentoring Program Administrator, who
    # may intervene and may even recommend the mentoring relationship be terminated."
    pairing = await propose(client, auth, "maine-mms", START)
    staff = pairing.tokens["STAFF"]
    url = f"/v1/mentorships/{pairing.id}/termination-recommendations"
    clock.set(date(2027, 9, 20))
    refused = await client.post(url, headers=staff, json={"reason": WORDS})
    problem = refused.json()
    assert (refused.status_code, problem["rule"], problem["field"]) == (
        409,
        "no_participant_contact",
        "id",
    ), refused.text
    assert "relationship_not_working" in problem["detail"]
    over_graphql = await graphql_data(client, staff, ANSWERED, id=pairing.id)
    assert over_graphql["recommendTermination"]["rule"] == "no_participant_contact"
    assert (await client.get(url, headers=pairing.mentee)).json()["items"] == []

    told = await tell(client, pairing, pairing.mentee)
    clock.set(date(2027, 9, 24))
    made = await client.post(url, headers=staff, json={"reason": WORDS})
    assert made.status_code == 201, made.text
    contact = {
        "disclosure_id": told["id"],
        "kind": "relationship_not_working",
        "contacted_on": "2027-09-20",
    }
    assert made.json()["answers"] == contact
    # The answer names the contact's facts; what the protégé said stays in their disclosure.
    assert "we never find time" not in made.text
    listed = await client.get(url, headers=pairing.mentor)
    assert [r["answers"] for r in listed.json()["items"]] == [contact]


async def test_the_administrator_answers_a_mentors_contact_over_graphql(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt exception 3: "mentors or protégés may contact" the
    # Administrator; GraphQL takes the same contact and answers it the same way.
    pairing = await propose(client, auth, "maine-mms", START)
    staff = pairing.tokens["STAFF"]
    clock.set(date(2027, 10, 4))
    told = await graphql_data(
        client, pairing.mentor, TELL, id=pairing.id, to=str(pairing.people["STAFF"])
    )
    disclosure_id = told["recordDisclosure"]["id"]
    answered = await graphql_data(client, staff, ANSWERED, id=pairing.id)
    assert answered["recommendTermination"] == {
        "__typename": "TerminationRecommendation",
        "answers": {
            "disclosureId": disclosure_id,
            "kind": "relationship_not_working",
            "contactedOn": "2027-10-04",
        },
    }


async def test_another_pairs_contact_does_not_open_a_recommendation(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt exception 3: the Administrator answers the contact of the
    # pair's own mentor or protégé, not one from someone in another relationship.
    ours = await propose(client, auth, "maine-mms", START)
    theirs = await propose(client, auth, "maine-mms", START, prefix="Q")
    clock.set(date(2027, 9, 20))
    await tell(client, theirs, theirs.mentee)
    url = f"/v1/mentorships/{ours.id}/termination-recommendations"
    refused = await client.post(url, headers=ours.tokens["STAFF"], json={})
    assert (refused.status_code, refused.json()["rule"]) == (409, "no_participant_contact")
    over_graphql = await graphql_data(client, ours.tokens["STAFF"], ANSWERED, id=ours.id)
    assert over_graphql["recommendTermination"]["rule"] == "no_participant_contact"
    answered = await graphql_data(client, theirs.tokens["STAFF"], ANSWERED, id=theirs.id)
    assert answered["recommendTermination"]["__typename"] == "TerminationRecommendation"
