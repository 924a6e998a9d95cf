"""NC's mentor is "an experienced individual" (seed 003), not one of a higher grade: a colleague
at the mentee's own level is suggested and may be paired, through REST and GraphQL."""

from __future__ import annotations

from app.domain.access import Role
from tests.api.graphql.calls import graphql_data
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort

SUGGESTED = (
    "query($id: UUID!) { suggestedMentors(applicationId: $id, count: 5) { mentorId explanation } }"
)


async def test_nc_a_less_experienced_colleague_may_be_mentored_by_one_at_the_same_level(
    client, auth
):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "a mentor is an experienced individual who
    # advises and trains a less experienced employee or colleague". E1 and E2 are both at level 3.
    headers = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    made = await nc_cohort(client, headers, ids)
    mentee = await apply(client, headers, made["cohort"], ids["E1"], MENTEE)
    await apply(client, headers, made["cohort"], ids["E2"], MENTOR)
    await apply(client, headers, made["cohort"], ids["M2"], MENTOR)
    rest = await client.get(f"/v1/applications/{mentee['id']}/suggested-mentors", headers=headers)
    assert rest.status_code == 200, rest.text
    assert {s["mentor_id"] for s in rest.json()} == {ids["E2"], ids["M2"]}
    [colleague] = [s for s in rest.json() if s["mentor_id"] == ids["E2"]]
    assert colleague["explanation"]["allowed"]
    found = await graphql_data(client, headers, SUGGESTED, id=mentee["id"])
    assert {s["mentorId"] for s in found["suggestedMentors"]} == {ids["E2"], ids["M2"]}
    paired = await client.post(
        "/v1/mentorships",
        headers=headers,
        json={
            "cohort_id": made["cohort"],
            "mentee_id": ids["E1"],
            "mentor_id": ids["E2"],
            "formed_by": "coordinator",
        },
    )
    assert paired.status_code == 201, paired.text
