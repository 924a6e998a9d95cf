"""NC asks for at least a rough draft of the plan at the initial meeting (seed 003 "Setting
Learning and Development Goals"): a pair that held it with an empty plan is on the
coordinator's worklist, in REST and GraphQL, until the plan holds an entry."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date, timedelta

from tests.api.graphql.calls import graphql_data
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.test_monthly_progress_worklist import _active, _missing_graphql, _missing_rest

START = date(2027, 1, 4)
MET_ON = START + timedelta(days=2)
KIND = "plan_draft_missing"
SMART = {
    "measure": "the board approves it",
    "achievable": "with the mentor's review",
    "relevant": "budget officers present to the board",
    "due_on": "2027-11-30",
}


async def _meet(client, pairing, day):
    logged = await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=pairing.mentee,
        json={"held_on": day.isoformat(), "hours": 1.5},
    )
    assert logged.status_code == 201, logged.text


async def test_a_pair_that_held_its_initial_meeting_with_no_plan_is_on_the_worklist(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Setting Learning and Development Goals": "At least a
    # rough draft of the plan should be completed during the initial meeting".
    pairing = await propose(client, auth, "nc-model", START, prefix="PD")
    await _active(client, pairing)
    clock.set(START + timedelta(days=1))
    assert await _missing_rest(client, pairing, KIND) == []  # no initial meeting yet
    clock.set(MET_ON)
    await _meet(client, pairing, MET_ON)
    clock.set(START + timedelta(days=5))
    [item] = await _missing_rest(client, pairing, KIND)
    assert (item["mentorship_id"], item["due_on"], item["overdue"]) == (
        pairing.id,
        MET_ON.isoformat(),
        True,
    )
    assert item["seed"] == "003_e5d42bff8b56600f.txt"
    assert item["rule"] == "at least a rough draft of the plan by the initial meeting"
    [node] = await _missing_graphql(client, pairing, KIND)
    assert (node["mentorshipId"], node["dueOn"], node["seed"]) == (
        pairing.id,
        MET_ON.isoformat(),
        "003_e5d42bff8b56600f.txt",
    )
    added = await client.post(
        f"/v1/mentorships/{pairing.id}/goals",
        headers=pairing.mentee,
        json={"kind": "goal", "text": "present the budget", "smart": SMART},
    )
    assert added.status_code == 201, added.text
    assert await _missing_rest(client, pairing, KIND) == []
    assert await _missing_graphql(client, pairing, KIND) == []


async def test_the_setting_is_in_the_policy_documents_and_a_program_may_ask_for_no_draft(
    client, auth, clock
):
    # seed 003 asks for the draft; 000, 002 and 004 state no such rule.
    setting = "plan_drafted_at_initial_meeting"
    presets = (await client.get("/v1/presets", headers=await auth())).json()["items"]
    asked = {p["key"]: p["policy"]["goals"][setting] for p in presets}
    found = await graphql_data(client, await auth(), "{ presets { key policy } }")
    assert asked == {p["key"]: p["policy"]["goals"][setting] for p in found["presets"]}
    assert asked == {key: key == "nc-model" for key in asked}
    pairing = await propose(
        client, auth, "nc-model", START, prefix="PN", policy={"goals": {setting: False}}
    )
    await _active(client, pairing)
    clock.set(MET_ON)
    await _meet(client, pairing, MET_ON)
    clock.set(START + timedelta(days=20))
    assert await _missing_rest(client, pairing, KIND) == []
    assert await _missing_graphql(client, pairing, KIND) == []
