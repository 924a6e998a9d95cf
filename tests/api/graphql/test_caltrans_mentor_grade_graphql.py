"""Over GraphQL, the same service function as REST: a Caltrans mentee chooses a mentor of
their own grade (seed 002 names no grade rule), while a program whose policy keeps Charlotte's
higher level still refuses a pair of two people at one grade."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.graphql.calls import graphql_data
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort

CREATE = (
    "mutation($cohort: UUID!, $mentee: UUID!, $mentor: UUID!, $by: PairFormation!) { "
    "createMentorship(cohortId: $cohort, menteeId: $mentee, mentorId: $mentor, formedBy: $by) "
    "{ __typename ... on Mentorship { state } ... on Problem { rule field } } }"
)


async def _eligible_mentee(client, auth, preset, policy=None):
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, staff, ids, preset=preset, policy=policy)
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


async def test_a_program_keeping_the_higher_level_still_refuses_one_grade_over_graphql(
    client, auth
):
    # 000 "at a higher level in the organization", Charlotte's rule, set on an NC program: the
    # setting, not the preset's name, decides.
    policy = {"matching": {"require_higher_level": True}}
    staff, ids, made, _ = await _eligible_mentee(client, auth, "nc-model", policy)
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
