"""The program evaluation's rounds over GraphQL: the same rules as REST."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 7, 1)
SUBMIT = (
    "mutation($id: UUID!, $answers: JSON) { submitEvaluation(mentorshipId: $id, kind: PROGRAM, "
    "answers: $answers) { __typename ... on Problem { code rule field detail } } }"
)
REPORT = (
    "query($id: UUID!) { cohortReport(cohortId: $id) { formItems { kind key evaluationRound "
    "aggregate { count } } } }"
)
WORKING_WELL = {
    "mutual_learning": 4,
    "clearer_goals": 4,
    "look_forward": 5,
    "energized": 4,
    "new_responsibilities": 3,
}


async def test_maines_program_evaluation_over_graphql_is_answered_in_its_march_round(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "March 2004 Evaluate program inviting
    # feedback from mentoring partners".
    pairing = await propose(client, auth, "maine-mms", START)
    clock.set(START)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    clock.set(date(2027, 7, 20))
    july = await graphql_data(client, pairing.mentee, SUBMIT, id=pairing.id, answers=WORKING_WELL)
    refused = july["submitEvaluation"]
    assert (refused["__typename"], refused["rule"], refused["field"]) == (
        "Problem",
        "program_evaluation_round_closed",
        "kind",
    )
    assert "round 1 opens on 2028-03-01" in refused["detail"]
    clock.set(date(2028, 3, 2))
    march = await graphql_data(client, pairing.mentee, SUBMIT, id=pairing.id, answers=WORKING_WELL)
    assert march["submitEvaluation"]["__typename"] == "Evaluation"
    again = await graphql_data(client, pairing.mentee, SUBMIT, id=pairing.id, answers=WORKING_WELL)
    assert again["submitEvaluation"]["rule"] == "evaluation_already_submitted"
    report = await graphql_data(client, pairing.admin, REPORT, id=str(pairing.cohort_id))
    rounds = {
        (i["evaluationRound"], i["aggregate"]["count"])
        for i in report["cohortReport"]["formItems"]
        if i["kind"] == "program"
    }
    assert rounds == {(1, 1)}
