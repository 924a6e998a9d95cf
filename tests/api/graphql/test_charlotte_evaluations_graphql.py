"""Charlotte's evaluations over GraphQL: the same rules as REST (seed 000)."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.graphql.test_mentorship_graphql import SUBMIT, _active_pair
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
CHECK = {"process": 4, "progress": 4, "compatibility": 5}


async def test_the_compatibility_check_over_graphql_closes_with_the_checkpoint(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Relationship Compatibility": "Toward the end of the first
    # three months, mentoring pairs will be asked to evaluate the process and progress to this
    # point, including a question assessing mentor/mentee compatibility."
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active_pair(client, pairing, {"frequency": "weekly"})
    clock.set(date(2027, 3, 20))
    done = await graphql_data(
        client, pairing.mentee, SUBMIT, id=pairing.id, kind="COMPATIBILITY_CHECK", answers=CHECK
    )
    assert done["submitEvaluation"]["__typename"] == "Evaluation"
    clock.set(date(2027, 5, 2))
    late = await graphql_data(
        client, pairing.mentor, SUBMIT, id=pairing.id, kind="COMPATIBILITY_CHECK", answers=CHECK
    )
    assert late["submitEvaluation"] == {
        "__typename": "Problem",
        "code": "transition-refused",
        "rule": "checkpoint_closed",
        "field": "kind",
    }
