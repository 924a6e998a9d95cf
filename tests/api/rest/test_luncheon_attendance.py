"""Charlotte's luncheons on the coordinator's worklist, through REST and GraphQL: a mentee who
missed their luncheon, and the mentor who missed the luncheon they host; no other mentor."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock  # noqa: F401  (the fixture)
from tests.api.rest.test_mentorship_luncheons import _two_running_pairs

JANUARY, APRIL = "2027-01-15", "2027-04-15"  # the preset's luncheons for a 2027-01-04 start
WORKLIST = (
    "query($cohort: UUID) { worklist(cohortId: $cohort, withinDays: 0) "
    "{ edges { node { mentorshipId kind rule seed dueOn overdue } } } }"
)


async def _planned(client, auth):
    """Two pairs, one group: the first pair's mentor hosts in January, ALT0 in April."""
    pairing = await _two_running_pairs(client, auth)
    for mentor in (pairing.mentor, pairing.tokens["ALT0"]):
        offered = await client.post(
            f"/v1/cohorts/{pairing.cohort_id}/luncheon-hosts", headers=mentor
        )
        assert offered.status_code == 200, offered.text
    made = await client.post(
        f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups", headers=pairing.tokens["STAFF"]
    )
    assert made.status_code == 200, made.text
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    luncheons = [e for e in events.json()["items"] if e["kind"] == "luncheon"]
    assert [e["starts_on"] for e in luncheons] == [JANUARY, APRIL]
    return pairing, luncheons


async def _attend(client, pairing, event, *people):
    recorded = await client.post(
        f"/v1/cohort-events/{event['id']}/attendance",
        headers=pairing.tokens["STAFF"],
        json={"employee_ids": [str(p) for p in people]},
    )
    assert recorded.status_code == 200, recorded.text


async def _rest_missed(client, pairing):
    url = f"/v1/worklist?cohort_id={pairing.cohort_id}&within_days=0"
    listed = await client.get(url, headers=pairing.tokens["STAFF"])
    assert listed.status_code == 200, listed.text
    return [i for i in listed.json()["items"] if i["kind"] == "luncheon_missed"]


async def _graphql_missed(client, pairing):
    found = await graphql_data(
        client, pairing.tokens["STAFF"], WORKLIST, cohort=str(pairing.cohort_id)
    )
    items = [e["node"] for e in found["worklist"]["edges"]]
    return [i for i in items if i["kind"] == "luncheon_missed"]


async def test_one_exception_is_cmo_kbe_attendance_at_small_group_engagements(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional. ... One exception is CMO / KBE
    # attendance at small group engagements." seed 001_5dd4108eec679fcc.txt "Group Learning":
    # the sessions "may include ... luncheons with selected CMO / KBEs."
    pairing, (january, april) = await _planned(client, auth)
    clock.set(date(2027, 1, 20))
    assert await _rest_missed(client, pairing) == []  # nobody recorded the attendance yet
    await _attend(client, pairing, january, pairing.people["STAFF"])
    [rest] = await _rest_missed(client, pairing)
    [gql] = await _graphql_missed(client, pairing)
    assert rest["mentorship_id"] == gql["mentorshipId"] == str(pairing.id)
    assert (rest["due_on"], rest["overdue"], rest["seed"]) == (
        JANUARY,
        True,
        "000_4e18aab21704e587.txt",
    )
    assert (gql["dueOn"], gql["overdue"], gql["seed"]) == (JANUARY, True, rest["seed"])
    assert (
        rest["rule"]
        == gql["rule"]
        == ("luncheon participation is mandatory: missed by the mentee and mentor (host)")
    )
    await _attend(client, pairing, january, pairing.mentee_id, pairing.mentor_id)
    assert await _rest_missed(client, pairing) == []
    assert await _graphql_missed(client, pairing) == []
    # In April ALT0 hosts: the first pair's mentor, no host then, owes nothing; its mentee does.
    clock.set(date(2027, 4, 20))
    await _attend(client, pairing, april, pairing.people["ALT0"], pairing.people["STAFF"])
    [rest] = await _rest_missed(client, pairing)
    assert (rest["due_on"], rest["rule"]) == (
        APRIL,
        "luncheon participation is mandatory: missed by the mentee",
    )
    assert [i["rule"] for i in await _graphql_missed(client, pairing)] == [rest["rule"]]


COMPUTE = (
    "mutation($id: UUID!) { computeLuncheonGroups(cohortId: $id) { __typename "
    "... on Problem { code field rule } } }"
)
EDIT = (
    "mutation($id: UUID!, $groups: [LuncheonGroupInput!]!) { editLuncheonGroups(cohortId: $id, "
    "groups: $groups) { __typename ... on Problem { code field rule detail } } }"
)


async def test_mentees_will_remain_with_their_group(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": "in January four mentors will each
    # volunteer to host ... Then, in April, another four mentors ... Mentees will remain with
    # their group." Once January's luncheon is held, seating everyone again is refused and an
    # edit keeps each group and who hosted it in January (REST and GraphQL).
    pairing, _ = await _planned(client, auth)
    url = f"/v1/cohorts/{pairing.cohort_id}/luncheon-groups"
    staff = pairing.tokens["STAFF"]
    again = await client.post(url, headers=staff)
    assert again.status_code == 200, again.text  # no luncheon held yet: a new seating is fine
    [group] = again.json()
    clock.set(date(2027, 1, 20))
    refused = await client.post(url, headers=staff)
    assert refused.status_code == 409, refused.text
    assert (refused.json()["rule"], refused.json()["field"]) == ("luncheon_groups_fixed", "id")
    gql = await graphql_data(client, staff, COMPUTE, id=str(pairing.cohort_id))
    assert gql["computeLuncheonGroups"] == {
        "__typename": "Problem",
        "code": "transition-refused",
        "field": "id",
        "rule": "luncheon_groups_fixed",
    }
    rehosted = [{**group, "hosts": list(reversed(group["hosts"]))}]
    moved = await client.put(url, headers=staff, json={"groups": rehosted})
    assert moved.status_code == 422, moved.text
    body = moved.json()
    assert (body["field"], body["rule"]) == ("groups", "mentees_remain_with_their_group")
    assert f"group 1 was hosted by {pairing.mentor_id}" in body["detail"]
    gql = await graphql_data(client, staff, EDIT, id=str(pairing.cohort_id), groups=rehosted)
    assert gql["editLuncheonGroups"]["rule"] == "mentees_remain_with_their_group"
    kept = await client.put(url, headers=staff, json={"groups": [group]})
    assert kept.status_code == 200, kept.text
    gql = await graphql_data(client, staff, EDIT, id=str(pairing.cohort_id), groups=[group])
    assert gql["editLuncheonGroups"]["__typename"] == "LuncheonPlan"
