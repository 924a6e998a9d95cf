"""Caltrans' checkup is a dialogue over GraphQL too: the partner reads its free text; a
Charlotte partner does not read the compatibility check's."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.graphql.test_mentorship_graphql import _active_pair
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
SUBMIT = (
    "mutation($id: UUID!, $kind: EvaluationKind!, $answers: JSON) { submitEvaluation("
    "mentorshipId: $id, kind: $kind, answers: $answers) { __typename "
    "... on Evaluation { partnerReadsFreeText } ... on Problem { code rule field } } }"
)
READ = (
    "query($id: UUID!) { evaluations(mentorshipId: $id) "
    "{ kind scores answers freeText partnerReadsFreeText } }"
)


async def test_the_caltrans_mentee_reads_the_free_text_of_the_mentors_checkup_over_graphql(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Appendix: Relationship Checkup Worksheet": "Use this
    # worksheet to create a dialogue about your mentoring relationship".
    pairing = await propose(client, auth, "caltrans", START)
    await _active_pair(client, pairing, {"duration": "6 months", "ground_rules": "on time"})
    clock.set(date(2027, 3, 4))
    given = {"1": 2, "2": 5, "3": 1, "4": 1, "5": 2, "6": 1, "8": "on your board briefing"}
    done = await graphql_data(
        client, pairing.mentor, SUBMIT, id=pairing.id, kind="CHECKUP", answers=given
    )
    assert done["submitEvaluation"] == {"__typename": "Evaluation", "partnerReadsFreeText": True}
    [read] = (await graphql_data(client, pairing.mentee, READ, id=pairing.id))["evaluations"]
    assert read["answers"] == {"8": "on your board briefing"}
    assert (read["scores"], read["partnerReadsFreeText"]) == ({}, True)
    [staff] = (await graphql_data(client, pairing.tokens["STAFF"], READ, id=pairing.id))[
        "evaluations"
    ]
    assert (staff["answers"], staff["freeText"]) == ({}, None)


async def test_a_charlotte_partner_does_not_read_the_compatibility_check_over_graphql(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": a change is asked for
    # "without being required to give a reason", so the partner does not read the answers.
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active_pair(client, pairing, {"frequency": "weekly"})
    clock.set(date(2027, 3, 20))
    given = {"process": 2, "progress": 2, "compatibility": 1, "comments": "we do not click"}
    done = await graphql_data(
        client, pairing.mentee, SUBMIT, id=pairing.id, kind="COMPATIBILITY_CHECK", answers=given
    )
    assert done["submitEvaluation"]["partnerReadsFreeText"] is False
    [read] = (await graphql_data(client, pairing.mentor, READ, id=pairing.id))["evaluations"]
    assert (read["answers"], read["partnerReadsFreeText"]) == ({}, False)
