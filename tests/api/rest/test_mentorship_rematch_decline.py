"""Charlotte's checkpoint when the coordinator declines the proposed mentor (000 "Relationship
Compatibility"): "Every effort will be made to accommodate these requests. If an alternative
match cannot be made, the mentee will be withdrawn from the experience and eligible for the
next session." So a declined mentor is set aside and the next alternative is proposed; when
none is left, the mentee is withdrawn. A proposed mentor is held for that mentee until the
coordinator decides, and released when declined."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from app.adapters.clock import SystemClock
from app.domain.access import Role
from app.domain.eligibility.facts import ApplicantRole
from app.services import applications
from app.services.relationships.mentorships import proposed_mentorships
from tests.api.mentorship_setup import clock, principal_of, propose, uow_of  # noqa: F401
from tests.factories import employee_row

START = date(2027, 1, 4)
MONTH_3 = date(2027, 3, 20)


async def _active(client, url, mentee, mentor):
    for who in (mentee, mentor):
        await client.post(f"{url}/confirm", headers=who)
    await client.put(f"{url}/agreement", headers=mentee, json={"terms": {"frequency": "weekly"}})
    for who in (mentee, mentor):
        await client.post(f"{url}/agreement/sign", headers=who)


async def _second_pair(client, auth, pairing):
    """Another mentee of the same cohort, with a mentor of their own, running since START.
    They work in the first mentor's unit, so ALT0 is the only mentor who could ever replace
    theirs (never someone from their own unit)."""
    rows = [
        employee_row("P-MENTEE2", level=3, department="Operations", unit="Fleet"),
        employee_row("P-MENTOR2", level=9, department="Operations", unit="Transit"),
    ]
    imported = await client.post(
        "/v1/employees/import", headers=pairing.admin, json={"employees": rows}
    )
    assert imported.status_code == 200, imported.text
    principal = await principal_of(client, pairing.admin)
    async with uow_of(client, principal) as uow:
        mentee = (await uow.employees.by_number("P-MENTEE2")).id
        mentor = (await uow.employees.by_number("P-MENTOR2")).id
    for person, role in ((mentee, ApplicantRole.MENTEE), (mentor, ApplicantRole.MENTOR)):
        profile = (
            {
                "strengths": ["budgets"],
                "weaknesses": ["delegation"],
                "goals": ["lead a team"],
                "leadership_history": "led a project team",
                "participation_in_idp": True,
                "commits_to_evaluation": True,
            }
            if role is ApplicantRole.MENTEE
            else {"expertise": ["budgets"]}
        )
        await applications.submit_application(
            uow=uow_of(client, principal),
            principal=principal,
            clock=SystemClock(),
            cohort_id=pairing.cohort_id,
            employee_id=person,
            role=role,
            profile=profile,
        )
    async with uow_of(client, principal) as uow:
        [created] = await proposed_mentorships(
            uow, pairing.cohort_id, [(mentee, mentor, {})], formed_by="committee", today=START
        )
        await uow.commit()
    tokens = [await auth(role=Role.PARTICIPANT, employee_id=p) for p in (mentee, mentor)]
    url = f"/v1/mentorships/{created.id}"
    await _active(client, url, *tokens)
    return url, tokens[0]


async def _ask_for_change(client, url, who):
    asked = await client.post(f"{url}/checkpoint", headers=who, json={"decision": "change"})
    assert asked.status_code == 200, asked.text
    return asked.json()


async def test_a_declined_mentor_gives_way_to_the_next_and_then_the_mentee_is_withdrawn(
    client, auth, clock
):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=2)
    url = f"/v1/mentorships/{pairing.id}"
    await _active(client, url, pairing.mentee, pairing.mentor)
    clock.set(MONTH_3)
    await _ask_for_change(client, url, pairing.mentee)
    staff = pairing.tokens["STAFF"]
    first = (await client.get(f"{url}/checkpoint", headers=staff)).json()["proposed_mentor_id"]
    alternatives = {str(pairing.people["ALT0"]), str(pairing.people["ALT1"])}
    assert first in alternatives
    declined = await client.post(f"{url}/checkpoint/decline-rematch", headers=staff)
    assert declined.status_code == 200, declined.text
    second = declined.json()
    assert (second["state"], second["awaiting"]) == ("active", "coordinator_confirmation")
    assert second["proposed_mentor_id"] == (alternatives - {first}).pop()
    # The pair still only learn that a change was asked.
    told = (await client.get(f"{url}/checkpoint", headers=pairing.mentor)).json()
    assert (told["change_requested"], told["proposed_mentor_id"]) == (True, None)
    # Declining the last alternative: none can be made, so the mentee is withdrawn.
    last = await client.post(f"{url}/checkpoint/decline-rematch", headers=staff)
    assert last.status_code == 200, last.text
    body = last.json()
    assert (body["state"], body["outcome"], body["awaiting"]) == ("withdrawn", "withdrawn", None)
    assert body["mentee_eligible_for_next_cohort"] is True
    assert body["successor_id"] is None
    # Nothing is pending any more.
    again = await client.post(f"{url}/checkpoint/decline-rematch", headers=staff)
    assert (again.status_code, again.json()["rule"]) == (409, "no_rematch_pending")


async def test_declining_with_no_change_asked_is_refused_by_name(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    url = f"/v1/mentorships/{pairing.id}"
    await _active(client, url, pairing.mentee, pairing.mentor)
    refused = await client.post(
        f"{url}/checkpoint/decline-rematch", headers=pairing.tokens["STAFF"]
    )
    assert (refused.status_code, refused.json()["rule"]) == (409, "no_rematch_pending")


async def test_only_the_coordinator_declines(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    url = f"/v1/mentorships/{pairing.id}"
    await _active(client, url, pairing.mentee, pairing.mentor)
    clock.set(MONTH_3)
    await _ask_for_change(client, url, pairing.mentor)
    for who in (pairing.mentee, pairing.mentor, pairing.tokens["BOSS"]):
        refused = await client.post(f"{url}/checkpoint/decline-rematch", headers=who)
        assert refused.status_code in (403, 404), refused.text
    still = (await client.get(f"{url}/checkpoint", headers=pairing.tokens["STAFF"])).json()
    assert still["proposed_mentor_id"] == str(pairing.people["ALT0"])


async def test_a_proposed_mentor_is_held_until_the_coordinator_decides(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    url = f"/v1/mentorships/{pairing.id}"
    await _active(client, url, pairing.mentee, pairing.mentor)
    other_url, other_mentee = await _second_pair(client, auth, pairing)
    clock.set(MONTH_3)
    await _ask_for_change(client, url, pairing.mentee)  # ALT0, the one free mentor, is held
    other = await _ask_for_change(client, other_url, other_mentee)
    assert (other["outcome"], other["state"]) == ("withdrawn", "withdrawn")


async def test_declining_releases_the_held_mentor_for_another_mentee(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    url = f"/v1/mentorships/{pairing.id}"
    await _active(client, url, pairing.mentee, pairing.mentor)
    other_url, other_mentee = await _second_pair(client, auth, pairing)
    clock.set(MONTH_3)
    await _ask_for_change(client, url, pairing.mentee)
    staff = pairing.tokens["STAFF"]
    declined = await client.post(f"{url}/checkpoint/decline-rematch", headers=staff)
    assert declined.json()["outcome"] == "withdrawn"
    other = await _ask_for_change(client, other_url, other_mentee)
    assert other["awaiting"] == "coordinator_confirmation"
    proposed = (await client.get(f"{other_url}/checkpoint", headers=staff)).json()
    assert proposed["proposed_mentor_id"] == str(pairing.people["ALT0"])


async def test_graphql_declines_through_the_same_rules(client, auth, clock):
    pairing = await propose(client, auth, "charlotte-sll", START, apply=True, extra_mentors=1)
    url = f"/v1/mentorships/{pairing.id}"
    await _active(client, url, pairing.mentee, pairing.mentor)
    clock.set(MONTH_3)
    await _ask_for_change(client, url, pairing.mentor)
    answered = await client.post(
        "/graphql",
        headers=pairing.tokens["STAFF"],
        json={
            "query": "mutation($id: UUID!) { declineRematch(mentorshipId: $id) "
            "{ __typename ... on Checkpoint { state outcome menteeEligibleForNextCohort } } }",
            "variables": {"id": pairing.id},
        },
    )
    assert answered.json()["data"]["declineRematch"] == {
        "__typename": "Checkpoint",
        "state": "withdrawn",
        "outcome": "withdrawn",
        "menteeEligibleForNextCohort": True,
    }
