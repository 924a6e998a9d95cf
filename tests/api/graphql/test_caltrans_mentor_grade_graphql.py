"""Over GraphQL, the same service function as REST: a Caltrans mentee chooses a mentor of
their own grade (seed 002 names no grade rule), while an NC coordinator's pair of two people at
one grade is still refused."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.graphql.calls import graphql_data
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort

CREATE = (
    "mutation($cohort: UUID!, $mentee: UUID!, $mentor: UUID!, $by: PairFormation!) { "
    "createMentorship(cohortId: $cohort, menteeId: $mentee, mentorId: $mentor, formedBy: $by) "
    "{ __typename ... on Mentorship { state } ... on Problem { rule field } } }"
)


async def _eligible_mentee(client, auth, preset):
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, staff, ids, preset=preset)
    mentee = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    application = await apply(client, mentee, made["cohort"], ids["E2"], MENTEE)
    if preset == "caltrans":
        decided = await client.post(
            f"/v1/applications/{application['id']}/supervisor-decision",
            headers=staff,
            json={"approved": True},
        )
        assert decided.json()["eligibility"]["eligible"], decided.text
    return staff, ids, made, mentee


async def test_a_caltrans_mentee_chooses_a_mentor_of_their_own_grade_over_graphql(client, auth):
    # seed 002_59333b271e9b4b69.txt "Mentoring is Mentee-driven": "choosing a mentor";
    # "Minimum Requirements for Mentor" names no grade. E2 and E1 are both at level 3.
    _, ids, made, mentee = await _eligible_mentee(client, auth, "caltrans")
    answer = await graphql_data(
        client,
        mentee,
        CREATE,
        cohort=made["cohort"],
        mentee=ids["E2"],
        mentor=ids["E1"],
        by="MENTEE_CHOICE",
    )
    assert answer["createMentorship"] == {"__typename": "Mentorship", "state": "proposed"}


async def test_an_nc_pair_of_one_grade_is_still_refused_over_graphql(client, auth):
    # The other handbooks keep the mentor above the mentee (000: "at a higher level").
    staff, ids, made, _ = await _eligible_mentee(client, auth, "nc-model")
    await apply(client, staff, made["cohort"], ids["E1"], MENTOR | {"conflicts": []})
    answer = await graphql_data(
        client,
        staff,
        CREATE,
        cohort=made["cohort"],
        mentee=ids["E2"],
        mentor=ids["E1"],
        by="COORDINATOR",
    )
    assert answer["createMentorship"] == {
        "__typename": "Problem",
        "rule": "mentor_level_above_mentee",
        "field": "mentor_id",
    }
