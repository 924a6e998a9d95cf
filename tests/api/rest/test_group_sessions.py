"""Charlotte's mandatory group sessions through REST: a mentee who missed a held session is on
the coordinator's worklist, and each participant reads their own attendance on their calendar."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.test_program_year import _active

START = date(2027, 1, 4)
FEBRUARY_SESSION = "2027-02-04"  # the preset's first group session, a month after the start


async def _sessions(client, pairing):
    events = await client.get(f"/v1/cohorts/{pairing.cohort_id}/events", headers=pairing.admin)
    return [e for e in events.json()["items"] if e["kind"] == "group_session"]


async def _missed(client, pairing):
    url = f"/v1/worklist?cohort_id={pairing.cohort_id}"
    listed = await client.get(url, headers=pairing.tokens["STAFF"])
    assert listed.status_code == 200, listed.text
    return [i for i in listed.json()["items"] if i["kind"] == "group_session_missed"]


async def _attend(client, pairing, session, *people):
    recorded = await client.post(
        f"/v1/cohort-events/{session['id']}/attendance",
        headers=pairing.tokens["STAFF"],
        json={"employee_ids": [str(p) for p in people]},
    )
    assert recorded.status_code == 200, recorded.text


async def _attended(client, headers, session):
    calendar = await client.get("/v1/me/calendar", headers=headers)
    assert calendar.status_code == 200, calendar.text
    uid = f"cohort-event-{session['id']}@mentoring"
    [entry] = [e for e in calendar.json()["items"] if e["uid"] == uid]
    return entry["attended"]


async def test_a_mentee_who_missed_a_held_group_session_is_on_the_coordinators_worklist(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional."
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GS")
    await _active(client, pairing)
    february, *_ = await _sessions(client, pairing)
    assert february["starts_on"] == FEBRUARY_SESSION
    clock.set(date(2027, 2, 10))
    assert await _missed(client, pairing) == []  # nobody recorded the attendance yet
    assert await _attended(client, pairing.mentee, february) is None
    await _attend(client, pairing, february, pairing.mentor_id)
    [item] = await _missed(client, pairing)
    assert item["mentorship_id"] == pairing.id
    assert (item["due_on"], item["overdue"]) == (FEBRUARY_SESSION, True)
    assert item["seed"] == "000_4e18aab21704e587.txt"
    assert item["rule"].endswith("missed by the mentee")
    assert await _attended(client, pairing.mentee, february) is False
    assert await _attended(client, pairing.mentor, february) is True
    await _attend(client, pairing, february, pairing.mentee_id)
    assert await _missed(client, pairing) == []
    assert await _attended(client, pairing.mentee, february) is True


async def test_a_mentor_who_skips_a_group_session_is_not_on_the_worklist(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Mentor attendance is usually optional."
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GO")
    await _active(client, pairing)
    february, *_ = await _sessions(client, pairing)
    clock.set(date(2027, 3, 1))
    await _attend(client, pairing, february, pairing.mentee_id)
    assert await _missed(client, pairing) == []
    assert await _attended(client, pairing.mentor, february) is False


async def _record(client, pairing, session, present=(), excused=()):
    return await client.post(
        f"/v1/cohort-events/{session['id']}/attendance",
        headers=pairing.tokens["STAFF"],
        json={"employee_ids": [str(p) for p in present], "excused": [str(p) for p in excused]},
    )


async def _my_entry(client, headers, session):
    calendar = await client.get("/v1/me/calendar", headers=headers)
    uid = f"cohort-event-{session['id']}@mentoring"
    [entry] = [e for e in calendar.json()["items"] if e["uid"] == uid]
    return entry["attended"], entry["excused"]


async def test_mentee_participation_is_mandatory_an_excused_absence_is_not_a_missed_session(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional." The coordinator follows up, the
    # mentee had a reason: excused, not recorded present.
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GX")
    await _active(client, pairing)
    february, *_ = await _sessions(client, pairing)
    clock.set(date(2027, 2, 10))
    await _attend(client, pairing, february, pairing.mentor_id)
    assert len(await _missed(client, pairing)) == 1
    excused = await _record(client, pairing, february, excused=[pairing.mentee_id])
    assert excused.status_code == 200, excused.text
    assert excused.json()["attendees"] == [str(pairing.mentor_id)]
    assert excused.json()["excused"] == [str(pairing.mentee_id)]
    assert await _missed(client, pairing) == []
    [listed] = [e for e in await _sessions(client, pairing) if e["id"] == february["id"]]
    assert listed["excused"] == [str(pairing.mentee_id)]
    assert await _my_entry(client, pairing.mentee, february) == (False, True)
    assert await _my_entry(client, pairing.mentor, february) == (True, False)
    again = await _record(client, pairing, february, excused=[pairing.mentee_id])
    assert again.json()["excused"] == [str(pairing.mentee_id)]  # recorded once


async def test_a_mentee_recorded_both_present_and_excused_is_refused(client, auth, clock):
    # seed 000_4e18aab21704e587.txt "Group Learning": a mentee attended or was excused.
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GB")
    await _active(client, pairing)
    february, *_ = await _sessions(client, pairing)
    clock.set(date(2027, 2, 10))
    mentee = pairing.mentee_id
    both = await _record(client, pairing, february, present=[mentee], excused=[mentee])
    assert both.status_code == 422, both.text
    assert (both.json()["field"], both.json()["rule"]) == ("excused", "present_or_excused")
    await _attend(client, pairing, february, mentee)
    later = await _record(client, pairing, february, excused=[mentee])
    assert (later.status_code, later.json()["field"]) == (422, "excused")
    await _record(client, pairing, february, excused=[pairing.mentor_id])
    back = await _record(client, pairing, february, present=[pairing.mentor_id])
    assert (back.status_code, back.json()["field"]) == (422, "employee_ids")
    [listed] = [e for e in await _sessions(client, pairing) if e["id"] == february["id"]]
    assert (listed["attendees"], listed["excused"]) == ([str(mentee)], [str(pairing.mentor_id)])
    nobody = await _record(client, pairing, february)
    assert (nobody.status_code, nobody.json()["field"]) == (422, "employee_ids")


async def test_a_session_with_only_excusals_is_not_held_and_stays_on_the_calendar(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Group Learning": only a session somebody attended counts.
    pairing = await propose(client, auth, "charlotte-sll", START, prefix="GE")
    await _active(client, pairing)
    february, *_ = await _sessions(client, pairing)
    clock.set(date(2027, 2, 10))
    await _record(client, pairing, february, excused=[pairing.mentor_id])
    assert await _missed(client, pairing) == []
    assert await _my_entry(client, pairing.mentee, february) == (None, False)
    removed = await client.delete(
        f"/v1/cohort-events/{february['id']}", headers=pairing.tokens["STAFF"]
    )
    assert removed.status_code == 409, removed.text
