"""The program year through REST: dates that belong to the relationship, the checkpoint's
window, a rematch continuing the session, Maine's year, preset calendars and the worklist."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date, timedelta

from app.domain.calendar_months import add_months
from app.services.relationships.deadlines import announce_due_deadlines, system_principal
from tests.api.graphql.test_efficiency import counter  # noqa: F401  (the fixture)
from tests.api.mentorship_setup import (  # noqa: F401  (the fixture)
    clock,
    principal_of,
    propose,
    uow_of,
)

START = date(2027, 1, 4)
MAINE_START = date(2027, 7, 1)


async def _confirm(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        answer = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
        assert answer.status_code == 200, answer.text


async def _active(client, pairing):
    await _confirm(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"frequency": "weekly"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)


async def _meeting(client, pairing, headers, held_on: date):
    return await client.post(
        f"/v1/mentorships/{pairing.id}/meetings",
        headers=headers,
        json={"held_on": held_on.isoformat(), "hours": 1.5},
    )


async def test_a_meeting_before_the_pair_starts_is_refused_naming_the_allowed_dates(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt: the meeting log belongs to the relationship
    pairing = await propose(client, auth, "charlotte-sll", START)
    await _active(client, pairing)
    clock.set(START + timedelta(days=10))
    refused = await _meeting(client, pairing, pairing.mentee, START - timedelta(days=1))
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert problem["field"] == "held_on"
    assert problem["rule"] == "outside_term"
    assert START.isoformat() in problem["detail"]
    assert "2027-10-04" in problem["detail"]  # the term's end: Jan 4 + 9 months
    assert (await _meeting(client, pairing, pairing.mentee, START)).status_code == 201


async def test_maine_initial_meetings_are_logged_before_the_pair_confirms(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: "July-Sept 2003 Initial meetings of mentoring partners /
    # Sept 1, 2003 Participants confirm mentoring matches"
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="ME")
    clock.set(date(2027, 7, 20))
    logged = await _meeting(client, pairing, pairing.mentor, date(2027, 7, 15))
    assert logged.status_code == 201, logged.text
    charlotte = await propose(client, auth, "charlotte-sll", START, prefix="CH")
    clock.set(START + timedelta(days=3))
    waiting = await _meeting(client, charlotte, charlotte.mentor, START)
    assert waiting.status_code == 409
    assert waiting.json()["rule"] == "not_confirmed"


async def test_maine_relationships_end_at_the_final_celebratory_event(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: "Final Celebratory Event ... Formal relationships end"
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="MF")
    term = (await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.admin)).json()
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    [final] = [e for e in events.json()["items"] if e["kind"] == "final_celebration"]
    assert term["ends_on"] == final["starts_on"] == "2028-04-16"


async def test_a_pair_signed_before_its_start_waits_and_becomes_active_on_its_start_date(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt: "a period of 9 months": from the start date
    later = START + timedelta(days=40)
    pairing = await propose(client, auth, "charlotte-sll", later, prefix="LS")
    await _active(client, pairing)  # the clock says START: 40 days early
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["state"] == "confirmed"
    clock.set(later)
    principal = await principal_of(client, pairing.admin)
    await announce_due_deadlines(
        uow=uow_of(client, principal),
        principal=system_principal(principal.organization_id),
        clock=clock,
    )
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["state"] == "active"


async def test_a_checkpoint_answer_154_days_late_is_refused(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "Toward the end of the first three months ... at this stage"
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="CL")
    await _active(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/checkpoint"
    view = (await client.get(url, headers=pairing.mentee)).json()
    assert view["closes_on"] == "2027-04-17"  # due April 3, two weeks to answer
    clock.set(date(2027, 4, 3) + timedelta(days=154))
    late = await client.post(url, headers=pairing.mentee, json={"decision": "change"})
    assert late.status_code == 409
    assert late.json()["rule"] == "checkpoint_closed"
    assert "2027-04-17" in late.json()["detail"]


async def test_a_rematch_continues_the_session_with_no_second_checkpoint(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "If at this stage the mentee wishes to change mentors"
    pairing = await propose(
        client, auth, "charlotte-sll", START, prefix="RM", apply=True, extra_mentors=1
    )
    await _active(client, pairing)
    clock.set(date(2027, 3, 20))
    url = f"/v1/mentorships/{pairing.id}/checkpoint"
    asked = await client.post(url, headers=pairing.mentor, json={"decision": "change"})
    assert asked.status_code == 200, asked.text
    clock.set(date(2027, 4, 25))  # the coordinator confirms after the window closed
    confirmed = await client.post(f"{url}/confirm-rematch", headers=pairing.tokens["STAFF"])
    assert confirmed.status_code == 200, confirmed.text
    successor = confirmed.json()["successor_id"]
    original = (await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.admin)).json()
    new = (await client.get(f"/v1/mentorships/{successor}", headers=pairing.admin)).json()
    assert new["starts_on"] == "2027-04-25"
    assert new["ends_on"] == original["ends_on"] == "2027-10-04"
    assert new["checkpoint_due_on"] is None
    back = await client.get(f"/v1/mentorships/{successor}/checkpoint", headers=pairing.admin)
    assert back.json()["rematch_of"] == pairing.id
    assert back.json()["opens_on"] is None


async def test_a_maine_cohort_starts_with_its_calendar_served_as_icalendar(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt: "Schedule of Events"
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="MC")
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    kinds = [e["kind"] for e in events.json()["items"]]
    assert len(kinds) == 9
    assert kinds.count("networking_event") == 2
    feed = await client.get(f"/v1/cohorts/{pairing.cohort_id}/calendar.ics", headers=pairing.admin)
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "DTSTART;VALUE=DATE:20280416" in feed.text
    assert feed.text.count("BEGIN:VEVENT") == 9


async def test_a_coordinator_moves_the_confirm_by_date_and_the_worklist_follows(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt: "Sept 1, 2003 Participants confirm mentoring matches"
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="MW")
    staff = pairing.tokens["STAFF"]
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=staff)
    [confirm_by] = [e for e in events.json()["items"] if e["kind"] == "match_confirmation"]
    assert confirm_by["starts_on"] == "2027-09-01"
    clock.set(date(2027, 9, 10))
    url = f"/v1/worklist?cohort_id={pairing.cohort_id}"
    [item] = [
        i
        for i in (await client.get(url, headers=staff)).json()["items"]
        if i["kind"] == "unconfirmed_past_confirm_by"
    ]
    assert item["mentorship_id"] == pairing.id
    assert item["due_on"] == "2027-09-01"
    assert item["overdue"] is True
    assert item["seed"] == "004_5b4c852a2ca2c393.txt"
    moved = await client.put(
        f"/v1/cohort-events/{confirm_by['id']}",
        headers=staff,
        json={"title": confirm_by["title"], "starts_on": "2027-09-30"},
    )
    assert moved.status_code == 200, moved.text
    later = (await client.get(f"{url}&within_days=30", headers=staff)).json()["items"]
    [item] = [i for i in later if i["kind"] == "unconfirmed_past_confirm_by"]
    assert (item["due_on"], item["overdue"]) == ("2027-09-30", False)


async def test_the_worklist_names_unanswered_checkpoints_for_coordinators_only(client, auth, clock):
    # seed 000_4e18aab21704e587.txt: "Toward the end of the first three months"
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="WL")
    await _active(client, pairing)
    clock.set(date(2027, 4, 10))
    staff = pairing.tokens["STAFF"]
    listed = (await client.get("/v1/worklist", headers=staff)).json()
    mine = [i for i in listed["items"] if i["mentorship_id"] == pairing.id]
    checkpoint = [i for i in mine if i["kind"] == "checkpoint_unanswered"]
    assert [(i["due_on"], i["overdue"]) for i in checkpoint] == [("2027-04-03", True)]
    assert checkpoint[0]["seed"] == "000_4e18aab21704e587.txt"
    assert all("notes" not in i for i in mine)
    refused = await client.get("/v1/worklist", headers=pairing.mentee)
    assert refused.status_code == 403
    page = (await client.get("/v1/worklist?limit=1", headers=staff)).json()
    assert len(page["items"]) == 1
    assert page["total"] == listed["total"]


async def _worklist_statements(client, pairing, counter, *, everywhere=False) -> int:
    before = counter.statements
    url = "/v1/worklist" if everywhere else f"/v1/worklist?cohort_id={pairing.cohort_id}"
    answer = await client.get(url, headers=pairing.tokens["STAFF"])
    assert answer.status_code == 200
    return counter.statements - before


async def test_the_worklist_costs_the_same_statements_for_one_pair_or_many(
    client, auth, clock, counter
):
    one = await propose(client, auth, "caltrans", START, prefix="S1")
    many = await propose(client, auth, "caltrans", START, prefix="S2", extra_mentors=6)
    principal = await principal_of(client, many.admin)
    from app.services.relationships.mentorships import proposed_mentorships

    async with uow_of(client, principal) as uow:
        extra = [(many.mentee_id, many.people[f"ALT{i}"], {}) for i in range(6)]
        await proposed_mentorships(
            uow, many.cohort_id, extra, formed_by="mentee_choice", today=START
        )
        await uow.commit()
    clock.set(START + timedelta(days=90))
    assert await _worklist_statements(client, one, counter) == await _worklist_statements(
        client, many, counter
    )
    # Across the organisation: another cohort and its pair cost no further statement.
    two_cohorts = await _worklist_statements(client, one, counter, everywhere=True)
    await propose(client, auth, "nc-model", START, prefix="S3")
    assert await _worklist_statements(client, one, counter, everywhere=True) == two_cohorts


async def test_attendance_at_this_years_session_makes_next_cohorts_application_eligible_at_once(
    client, auth
):
    # seed 003_e5d42bff8b56600f.txt: "Attend the Mentoring Program Information Session";
    # the sessions are held yearly ("follow up annually")
    from tests.api.rest.program_helpers import COHORT_STARTS, MENTEE, SESSION_ON, directory
    from tests.api.rest.program_helpers import apply as submit

    admin = await auth()
    ids = await directory(client, admin)
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "NC", "preset": "nc-model"}
    )
    made = {}
    for name, starts_on in (("this", COHORT_STARTS), ("next", add_months(COHORT_STARTS, 6))):
        cohort = await client.post(
            f"/v1/programs/{program.json()['id']}/cohorts",
            headers=admin,
            json={"name": name, "starts_on": starts_on.isoformat()},
        )
        made[name] = cohort.json()["id"]
    session = await client.post(
        f"/v1/cohorts/{made['this']}/events",
        headers=admin,
        json={"kind": "information_session", "starts_on": SESSION_ON.isoformat()},
    )
    applied = await submit(client, admin, made["next"], ids["E2"], MENTEE)
    failed = {r["rule"] for r in applied["eligibility"]["rules"] if not r["passed"]}
    assert "attended_information_session" in failed
    attended = await client.post(
        f"/v1/cohort-events/{session.json()['id']}/attendance",
        headers=admin,
        json={"employee_ids": [ids["E2"]]},
    )
    assert attended.status_code == 200, attended.text
    now = (await client.get(f"/v1/applications/{applied['id']}", headers=admin)).json()
    rules = {r["rule"]: r["passed"] for r in now["eligibility"]["rules"]}
    assert rules["attended_information_session"] is True


async def test_three_empty_months_then_a_good_one_are_not_keeping_the_cadence(client, auth, clock):
    # seed 003_e5d42bff8b56600f.txt: "at least one meeting per month"
    pairing = await propose(client, auth, "nc-model", START, prefix="NCC")
    await _confirm(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    await client.put(url, headers=pairing.mentee, json={"terms": {"ground_rules": "on time"}})
    for who in (pairing.mentee, pairing.mentor):
        await client.post(f"{url}/sign", headers=who)
    clock.set(date(2027, 5, 10))
    for day in (date(2027, 1, 5), date(2027, 4, 6), date(2027, 4, 20)):
        assert (await _meeting(client, pairing, pairing.mentee, day)).status_code == 201
    log = (await client.get(f"/v1/mentorships/{pairing.id}/meetings", headers=pairing.admin)).json()
    assert log["cadence"]["at_risk"] is True
    assert log["cadence"]["short_months"] == [2, 3]
    query = (
        "query($id: UUID!) { meetingLog(mentorshipId: $id) "
        "{ cadence { atRisk shortMonths reason } } }"
    )
    found = await client.post(
        "/graphql", headers=pairing.admin, json={"query": query, "variables": {"id": pairing.id}}
    )
    cadence = found.json()["data"]["meetingLog"]["cadence"]
    assert (cadence["atRisk"], cadence["shortMonths"]) == (True, [2, 3])


async def test_moving_the_final_celebration_moves_the_end_of_maines_relationships(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt: "Final Celebratory Event ... Formal relationships end"
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="MM")
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    [final] = [e for e in events.json()["items"] if e["kind"] == "final_celebration"]
    moved = await client.put(
        f"/v1/cohort-events/{final['id']}",
        headers=pairing.tokens["STAFF"],
        json={"title": final["title"], "starts_on": "2028-04-21"},
    )
    assert moved.status_code == 200, moved.text
    term = (await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.admin)).json()
    assert term["ends_on"] == "2028-04-21"


async def test_a_charlotte_pair_behind_its_agreed_weekly_meetings_is_on_the_worklist(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt: agreement "Frequency of meetings: weekly, bi-weekly,
    # monthly"
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="CW")
    await _active(client, pairing)  # the agreement says "weekly"
    clock.set(START + timedelta(days=20))
    for day in (START, START + timedelta(days=14)):
        assert (await _meeting(client, pairing, pairing.mentee, day)).status_code == 201
    clock.set(date(2027, 2, 6))
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    assert progress.json()["at_risk"] is True
    items = (
        await client.get(
            f"/v1/worklist?cohort_id={pairing.cohort_id}", headers=pairing.tokens["STAFF"]
        )
    ).json()["items"]
    [behind] = [i for i in items if i["kind"] == "cadence_at_risk"]
    assert behind["due_on"] == "2027-02-03"  # the last day of the month that fell short
    assert behind["rule"] == progress.json()["at_risk_reason"]


async def test_a_coordinator_takes_an_event_off_the_calendar_but_not_one_attended(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt: the "Schedule of Events" is the program's to run
    pairing = await propose(client, auth, "maine-mms", MAINE_START, prefix="MD")
    staff = pairing.tokens["STAFF"]
    url = f"/v1/cohorts/{pairing.cohort_id}/events"
    events = (await client.get(url, headers=staff)).json()["items"]
    networking = [e for e in events if e["kind"] == "networking_event"]
    removed = await client.delete(f"/v1/cohort-events/{networking[0]['id']}", headers=staff)
    assert removed.status_code == 204
    after = [e["id"] for e in (await client.get(url, headers=staff)).json()["items"]]
    assert networking[0]["id"] not in after
    assert networking[1]["id"] in after
    [orientation] = [e for e in events if e["kind"] == "orientation"]
    await client.post(
        f"/v1/cohort-events/{orientation['id']}/attendance",
        headers=staff,
        json={"employee_ids": [str(pairing.mentee_id)]},
    )
    kept = await client.delete(f"/v1/cohort-events/{orientation['id']}", headers=staff)
    assert kept.status_code == 409
    assert kept.json()["rule"] == "attendance_recorded"
    gql = await client.post(
        "/graphql",
        headers=staff,
        json={
            "query": "mutation($id: UUID!) { removeCohortEvent(eventId: $id) "
            "{ __typename ... on CohortEvent { kind } } }",
            "variables": {"id": networking[1]["id"]},
        },
    )
    assert gql.json()["data"]["removeCohortEvent"] == {
        "__typename": "CohortEvent",
        "kind": "networking_event",
    }
