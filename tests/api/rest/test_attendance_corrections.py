"""Correcting an attendance record through REST: a person recorded present or excused by
mistake is withdrawn, and what the record decided for them is decided again."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import COHORT_STARTS, MENTEE, SESSION_ON, directory
from tests.api.rest.program_helpers import apply as submit
from tests.api.rest.test_group_sessions import _missed, _my_entry, _record, _sessions
from tests.api.rest.test_program_year import _active


async def _nc_session(client, admin) -> tuple[str, str]:
    """An NC program's cohort and its information session, nobody recorded yet."""
    program = await client.post(
        "/v1/programs", headers=admin, json={"name": "NC", "preset": "nc-model"}
    )
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=admin,
        json={"name": "2027", "starts_on": COHORT_STARTS.isoformat()},
    )
    session = await client.post(
        f"/v1/cohorts/{cohort.json()['id']}/events",
        headers=admin,
        json={"kind": "information_session", "starts_on": SESSION_ON.isoformat()},
    )
    assert session.status_code == 201, session.text
    return cohort.json()["id"], session.json()["id"]


async def _event(client, admin, cohort: str, session: str) -> dict:
    """The session as the cohort's calendar reads it."""
    events = await client.get(f"/v1/cohorts/{cohort}/events", headers=admin)
    [event] = [e for e in events.json()["items"] if e["id"] == session]
    return event


def _attended_rule(application: dict) -> bool:
    rules = {r["rule"]: r["passed"] for r in application["eligibility"]["rules"]}
    return rules["attended_information_session"]


async def test_a_mentee_whose_only_information_session_is_withdrawn_is_no_longer_eligible(
    client, auth
):
    # seed 003_e5d42bff8b56600f.txt "Requirements": mentees must "Attend the Mentoring
    # Program Information Session"; recorded present by mistake, they never attended.
    admin = await auth()
    ids = await directory(client, admin)
    cohort, session = await _nc_session(client, admin)
    url = f"/v1/cohort-events/{session}/attendance"
    recorded = await client.post(url, headers=admin, json={"employee_ids": [ids["E2"], ids["E1"]]})
    assert recorded.status_code == 200, recorded.text
    applied = await submit(client, admin, cohort, ids["E2"], MENTEE)
    assert (applied["eligibility"]["eligible"], _attended_rule(applied)) == (True, True)
    corrected = await client.post(
        f"{url}/corrections", headers=admin, json={"employee_ids": [ids["E2"]]}
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["attendees"] == [ids["E1"]]
    now = (await client.get(f"/v1/applications/{applied['id']}", headers=admin)).json()
    assert _attended_rule(now) is False
    assert now["eligibility"]["eligible"] is False
    audit = (await client.get("/v1/audit-events", headers=admin)).json()["items"]
    [fact] = [e for e in audit if e["action"] == "cohort.attendance_corrected"]
    assert fact["resource_id"] == session
    assert fact["details"] == {"withdrawn_present": [ids["E2"]], "withdrawn_excused": []}


async def test_withdrawing_someone_not_recorded_answers_422_on_the_field_naming_them(client, auth):
    # seed 003_e5d42bff8b56600f.txt "Requirements": only a recorded attendance can be withdrawn.
    admin = await auth()
    ids = await directory(client, admin)
    cohort, session = await _nc_session(client, admin)
    url = f"/v1/cohort-events/{session}/attendance"
    await client.post(
        url, headers=admin, json={"employee_ids": [ids["E1"]], "excused": [ids["M1"]]}
    )
    for body, field in (
        ({"employee_ids": [ids["M1"]]}, "employee_ids"),  # excused, not present
        ({"excused": [ids["E1"]]}, "excused"),  # present, not excused
        ({}, "employee_ids"),
    ):
        refused = await client.post(f"{url}/corrections", headers=admin, json=body)
        assert refused.status_code == 422, refused.text
        assert refused.json()["field"] == field
    kept = await _event(client, admin, cohort, session)
    assert (kept["attendees"], kept["excused"]) == ([ids["E1"]], [ids["M1"]])


async def test_a_correction_of_an_event_changed_since_it_was_read_is_refused(client, auth):
    # seed 003_e5d42bff8b56600f.txt "Requirements": two coordinators correcting one record.
    admin = await auth()
    ids = await directory(client, admin)
    cohort, session = await _nc_session(client, admin)
    url = f"/v1/cohort-events/{session}/attendance"
    first = await client.post(url, headers=admin, json={"employee_ids": [ids["E1"], ids["E2"]]})
    seen = first.headers["etag"]
    done = await client.post(
        f"{url}/corrections",
        headers={**admin, "If-Match": seen},
        json={"employee_ids": [ids["E1"]]},
    )
    assert done.status_code == 200, done.text
    assert done.headers["etag"] != seen
    stale = await client.post(
        f"{url}/corrections",
        headers={**admin, "If-Match": seen},
        json={"employee_ids": [ids["E2"]]},
    )
    assert stale.status_code == 412, stale.text
    kept = await _event(client, admin, cohort, session)
    assert kept["attendees"] == [ids["E2"]]


async def test_mentee_participation_is_mandatory_a_mistaken_excusal_withdrawn_is_a_missed_session(
    client, auth, clock
):
    # seed 000_4e18aab21704e587.txt "Group Learning": "Although Mentee participation is
    # mandatory, Mentor attendance is usually optional." Excused by mistake, the mentee owes it.
    pairing = await propose(client, auth, "charlotte-sll", date(2027, 1, 4), prefix="GC")
    await _active(client, pairing)
    february, *_ = await _sessions(client, pairing)
    clock.set(date(2027, 2, 10))
    recorded = await _record(
        client, pairing, february, present=[pairing.mentor_id], excused=[pairing.mentee_id]
    )
    assert recorded.status_code == 200, recorded.text
    assert await _missed(client, pairing) == []
    corrected = await client.post(
        f"/v1/cohort-events/{february['id']}/attendance/corrections",
        headers=pairing.tokens["STAFF"],
        json={"excused": [str(pairing.mentee_id)]},
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["excused"] == []
    [missed] = await _missed(client, pairing)
    assert missed["rule"].endswith("missed by the mentee")
    assert await _my_entry(client, pairing.mentee, february) == (False, False)
