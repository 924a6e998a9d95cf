"""The mentee's journal (theirs alone) and plan (theirs; the mentor comments)."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)


async def test_the_journal_is_readable_by_the_mentee_alone(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    url = f"/v1/mentorships/{pairing.id}/journal"
    written = await client.post(
        url,
        headers=pairing.mentee,
        json={
            "entry_on": "2027-01-10",
            "focus": "feedback",
            "learning_points": "my private insight",
        },
    )
    assert written.status_code == 201, written.text
    mine = await client.get(url, headers=pairing.mentee)
    assert [e["entry"]["learning_points"] for e in mine.json()["items"]] == ["my private insight"]
    for other in (pairing.mentor, pairing.tokens["STAFF"], pairing.admin):
        refused = await client.get(url, headers=other)
        assert refused.status_code in (403, 404)
        assert "my private insight" not in refused.text


async def test_the_journal_holds_accomplishments_and_possible_learning_activities(
    client, auth, clock
):
    # seed 001_5dd4108eec679fcc.txt "SAMPLE JOURNAL": "Accomplishments toward Goal", "Possible
    # Learning Activities or Ideas"; "Monthly Journaling": to track self-development "during this
    # experience". REST and GraphQL both call journal.write_journal_entry.
    pairing = await propose(client, auth, "charlotte-sll", START)
    url = f"/v1/mentorships/{pairing.id}/journal"
    entry = {"accomplishments": "led the review", "learning_activities": "job shadowing"}
    written = await client.post(
        url, headers=pairing.mentee, json={"entry_on": "2027-01-10", **entry}
    )
    assert written.status_code == 201, written.text
    assert written.json()["entry"] == entry
    before = await client.post(
        url, headers=pairing.mentee, json={"entry_on": "2026-12-30", "focus": "x"}
    )
    assert (before.status_code, before.json()["rule"]) == (422, "outside_term")
    mutation = (
        "mutation($id: UUID!, $entry: JSON!) { writeJournalEntry(mentorshipId: $id, entryOn: "
        '"2027-01-11", entry: $entry) { __typename ... on JournalEntry { entry } } }'
    )
    answer = await client.post(
        "/graphql",
        headers=pairing.mentee,
        json={"query": mutation, "variables": {"id": str(pairing.id), "entry": entry}},
    )
    assert answer.json()["data"]["writeJournalEntry"]["entry"] == entry


async def test_the_mentor_cannot_write_in_the_mentees_journal(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START)
    response = await client.post(
        f"/v1/mentorships/{pairing.id}/journal",
        headers=pairing.mentor,
        json={"entry_on": "2027-01-10", "focus": "x"},
    )
    assert response.status_code == 403
    assert response.json()["rule"] == "journal_mentee_only"


SMART = {
    "measure": "the board approves it",
    "achievable": "with the mentor's review",
    "relevant": "budget officers present to the board",
    "due_on": "2027-11-30",
}


async def test_nc_objectives_are_smart(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Expectations": the mentee commits to "setting SMART goals".
    pairing = await propose(client, auth, "nc-model", START)
    url = f"/v1/mentorships/{pairing.id}/goals"
    plain = await client.post(
        url, headers=pairing.mentee, json={"kind": "objective", "text": "present the budget"}
    )
    assert (plain.status_code, plain.json()["rule"]) == (422, "smart_goals")
    undated = await client.post(
        url,
        headers=pairing.mentee,
        json={"kind": "objective", "text": "present", "smart": {**SMART, "due_on": "soon"}},
    )
    assert (undated.status_code, undated.json()["field"]) == (422, "smart.due_on")
    made = await client.post(
        url,
        headers=pairing.mentee,
        json={"kind": "objective", "text": "present the budget", "smart": SMART},
    )
    assert made.status_code == 201, made.text
    assert made.json()["smart"] == SMART
    step = await client.post(
        url, headers=pairing.mentee, json={"kind": "action_step", "text": "book the room"}
    )
    assert step.status_code == 201  # steps of a SMART objective need not restate it


async def test_a_fourth_objective_under_nc_is_refused(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt "Setting Learning and Development Goals": "up to three (3)
    # objectives"
    pairing = await propose(client, auth, "nc-model", START)
    url = f"/v1/mentorships/{pairing.id}/goals"
    for n in range(3):
        made = await client.post(
            url,
            headers=pairing.mentee,
            json={"kind": "objective", "text": f"objective {n}", "smart": SMART},
        )
        assert made.status_code == 201, made.text
    fourth = await client.post(
        url,
        headers=pairing.mentee,
        json={"kind": "objective", "text": "one too many", "smart": SMART},
    )
    assert fourth.status_code == 422
    assert fourth.json()["rule"] == "max_objectives"
    plan = await client.get(url, headers=pairing.mentee)
    assert len(plan.json()["items"]) == 3


async def test_the_mentee_owns_the_plan_and_the_mentor_comments(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    url = f"/v1/mentorships/{pairing.id}/goals"
    refused = await client.post(url, headers=pairing.mentor, json={"kind": "goal", "text": "x"})
    assert refused.status_code == 403
    goal = (
        await client.post(
            url, headers=pairing.mentee, json={"kind": "goal", "text": "lead a project"}
        )
    ).json()
    commented = await client.post(
        f"/v1/goals/{goal['id']}/comments",
        headers=pairing.mentor,
        json={"text": "start with a small one"},
    )
    assert commented.json()["comments"][0]["by"] == "mentor"
    updated = await client.patch(
        f"/v1/goals/{goal['id']}", headers=pairing.mentee, json={"progress": 40}
    )
    assert updated.json()["progress"] == 40


async def test_a_program_without_a_journal_refuses_an_entry(client, auth, clock):
    # seed 001_5dd4108eec679fcc.txt "Monthly Journaling" is Charlotte's; NC's handbook
    # (003_e5d42bff8b56600f.txt) names no journal, so its program keeps none.
    pairing = await propose(client, auth, "nc-model", START)
    refused = await client.post(
        f"/v1/mentorships/{pairing.id}/journal",
        headers=pairing.mentee,
        json={"entry_on": "2027-01-10", "focus": "x"},
    )
    assert (refused.status_code, refused.json()["rule"]) == (422, "mentee_journal")
    query = (
        "mutation($id: UUID!) { writeJournalEntry(mentorshipId: $id, entryOn: "
        '"2027-01-10", entry: {focus: "x"}) { __typename ... on Problem { rule } } }'
    )
    answer = await client.post(
        "/graphql", headers=pairing.mentee, json={"query": query, "variables": {"id": pairing.id}}
    )
    assert answer.json()["data"]["writeJournalEntry"] == {
        "__typename": "Problem",
        "rule": "mentee_journal",
    }


async def test_the_plan_takes_the_form_its_handbook_gives_it(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Mentee Learning Activities": a personal SWOT analysis;
    # seed 004_5b4c852a2ca2c393.txt criterion 1: the competencies the protégé wishes to focus on.
    charlotte = await propose(client, auth, "charlotte-sll", START)
    swot = await client.post(
        f"/v1/mentorships/{charlotte.id}/goals",
        headers=charlotte.mentee,
        json={"kind": "weakness", "text": "delegation"},
    )
    assert swot.status_code == 201, swot.text
    maine = await propose(client, auth, "maine-mms", START, prefix="MM")
    url = f"/v1/mentorships/{maine.id}/goals"
    focus = await client.post(
        url, headers=maine.mentee, json={"kind": "competency", "text": "strategic thinking"}
    )
    assert focus.status_code == 201, focus.text
    refused = await client.post(url, headers=maine.mentee, json={"kind": "threat", "text": "x"})
    assert (refused.status_code, refused.json()["rule"]) == (422, "plan_form")
    query = (
        'mutation($id: UUID!) { addGoal(mentorshipId: $id, kind: OPPORTUNITY, text: "x") '
        "{ __typename ... on Problem { rule } ... on Goal { kind } } }"
    )
    answer = await client.post(
        "/graphql", headers=maine.mentee, json={"query": query, "variables": {"id": maine.id}}
    )
    assert answer.json()["data"]["addGoal"] == {"__typename": "Problem", "rule": "plan_form"}
    kept = await client.get(url, headers=maine.mentee)
    assert [g["kind"] for g in kept.json()["items"]] == ["competency"]
