"""A pair's own agreement headings over GraphQL: Charlotte's MRA is only a guide (seed
000_4e18aab21704e587.txt "Mentoring Relationship Agreement"); NC keeps to its sections."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
CONFIRM = "mutation($id: UUID!) { confirmMentorship(id: $id) { __typename } }"
WRITE = (
    "mutation($id: UUID!, $terms: JSON!) { writeAgreement(mentorshipId: $id, terms: $terms) "
    "{ ... on Agreement { version terms } ... on Problem { code field } } }"
)
SIGN = (
    "mutation($id: UUID!) { signAgreement(mentorshipId: $id) "
    "{ ... on Agreement { signedByBoth } ... on Problem { code field } } }"
)


async def _confirmed(client, auth, preset):
    pairing = await propose(client, auth, preset, START)
    for who in (pairing.mentee, pairing.mentor):
        await graphql_data(client, who, CONFIRM, id=pairing.id)
    return pairing


async def test_a_charlotte_pair_writes_its_own_headings_and_signs_over_graphql(client, auth, clock):
    pairing = await _confirmed(client, auth, "charlotte-sll")
    terms = {"other": "lunch monthly", "Books we read": "one a quarter"}
    written = await graphql_data(client, pairing.mentee, WRITE, id=pairing.id, terms=terms)
    assert written["writeAgreement"] == {"version": 1, "terms": terms}
    await graphql_data(client, pairing.mentee, SIGN, id=pairing.id)
    signed = await graphql_data(client, pairing.mentor, SIGN, id=pairing.id)
    assert signed["signAgreement"] == {"signedByBoth": True}


async def test_a_strict_program_refuses_a_heading_of_the_pairs_own_over_graphql(
    client, auth, clock
):
    pairing = await _confirmed(client, auth, "nc-model")
    terms = {"ground_rules": "on time", "Books we read": "one a quarter"}
    refused = await graphql_data(client, pairing.mentee, WRITE, id=pairing.id, terms=terms)
    assert refused["writeAgreement"] == {"code": "invalid-input", "field": "terms.Books we read"}
