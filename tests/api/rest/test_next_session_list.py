"""Charlotte's next-session list (seed 000): a mentee withdrawn at the checkpoint is carried to
the program's next cohort with a reason code, sees it, and may be matched first."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply

START = date(2027, 1, 4)
MONTH_3 = date(2027, 3, 20)


async def _withdrawn(client, auth, clock, policy=None):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, policy=policy)
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    clock.set(MONTH_3)
    # There is no other mentor, so no rematch can be found.
    await client.post(
        f"/v1/mentorships/{pairing.id}/checkpoint",
        headers=pairing.mentee,
        json={"decision": "change"},
    )
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    cohort = (await client.get(f"/v1/cohorts/{pairing.cohort_id}", headers=pairing.admin)).json()
    following = await client.post(
        f"/v1/programs/{cohort['program_id']}/cohorts",
        headers=pairing.admin,
        json={"name": "Next session", "starts_on": "2027-10-04"},
    )
    return pairing, progress.json()["state"], following.json()["id"]


async def test_a_withdrawn_mentee_is_eligible_for_the_next_session(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "If an alternative match cannot be made, the mentee will be
    # withdrawn from the experience and eligible for the next session."
    pairing, state, following = await _withdrawn(client, auth, clock)
    assert state == "withdrawn"
    listed = await client.get(f"/v1/cohorts/{following}/next-session-list", headers=pairing.admin)
    assert listed.status_code == 200, listed.text
    [entry] = listed.json()["items"]
    assert entry["mentee_id"] == str(pairing.mentee_id)
    assert entry["from_cohort_id"] == str(pairing.cohort_id)
    assert entry["reason"] == "mentee_asked_change_no_rematch"
    assert entry["application_id"] is None
    # The earlier cohort itself carries nobody over.
    earlier = f"/v1/cohorts/{pairing.cohort_id}/next-session-list"
    assert (await client.get(earlier, headers=pairing.admin)).json()["items"] == []

    applied = await apply(client, pairing.mentee, following, str(pairing.mentee_id), MENTEE)
    mine = await client.get(f"/v1/cohorts/{following}/next-session-list", headers=pairing.mentee)
    assert [e["application_id"] for e in mine.json()["items"]] == [applied["id"]]
    query = (
        "query($id: UUID!) { nextSessionList(cohortId: $id) "
        "{ edges { node { menteeId reason applicationId } } } }"
    )
    seen = await client.post(
        "/graphql", headers=pairing.mentee, json={"query": query, "variables": {"id": following}}
    )
    assert seen.json()["data"]["nextSessionList"]["edges"] == [
        {
            "node": {
                "menteeId": str(pairing.mentee_id),
                "reason": "mentee_asked_change_no_rematch",
                "applicationId": applied["id"],
            }
        }
    ]
    # The mentor was not withdrawn: the list is not theirs to read.
    theirs = await client.get(f"/v1/cohorts/{following}/next-session-list", headers=pairing.mentor)
    assert theirs.status_code == 404


async def _contest(client, pairing, following):
    """The carried mentee and a better-scoring newcomer compete for one mentor."""
    people = pairing.people
    elsewhere = MENTEE | {"competencies_wanted": ["negotiation"]}
    await apply(client, pairing.admin, following, str(pairing.mentee_id), elsewhere)
    await apply(
        client,
        pairing.admin,
        following,
        str(people["STAFF"]),
        MENTEE | {"competencies_wanted": ["budgeting"]},
    )
    await apply(client, pairing.admin, following, str(people["MENTOR"]), MENTOR | {"capacity": 1})
    run = await client.post(f"/v1/cohorts/{following}/matching-runs", headers=pairing.admin)
    assert run.status_code == 201, run.text
    return {p["mentee_id"]: p["mentor_id"] for p in run.json()["proposals"]}


async def test_the_policy_may_give_the_next_session_list_priority_in_matching(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "eligible for the next session"; priority is a setting.
    pairing, _, following = await _withdrawn(
        client, auth, clock, policy={"checkpoint": {"next_cohort_priority": True}}
    )
    assert await _contest(client, pairing, following) == {
        str(pairing.mentee_id): str(pairing.people["MENTOR"])
    }


async def test_without_priority_the_next_session_list_competes_as_everyone_does(
    client, auth, clock
):
    pairing, _, following = await _withdrawn(client, auth, clock)
    assert await _contest(client, pairing, following) == {
        str(pairing.people["STAFF"]): str(pairing.people["MENTOR"])
    }
