"""Over REST: a Caltrans cohort takes an application in its fourth month, a Maine cohort
refuses it; a Maine pair matched after the cohort's confirm-by date is not overdue on the
coordinator's worklist the day it forms, and becomes due after the cohort's allowance."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date, timedelta

from app.domain.access import Role
from tests.api.late_pair_setup import maine_year
from tests.api.mentorship_setup import clock  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, MENTOR, directory

START = date(2027, 1, 4)
END = date(2027, 7, 4)  # the first day past the term
LAST_DAY = date(2027, 7, 3)
MONTH_FOUR = date(2027, 5, 10)
MAINE_START = date(2027, 7, 1)
LATE = date(2027, 10, 10)
LATE_CONFIRM_BY = date(2027, 12, 11)  # 10 October plus July 1 to Sept 1


async def _cohort(client, staff, preset, ends_on=None) -> str:
    program = await client.post(
        "/v1/programs", headers=staff, json={"name": "Leaders", "preset": preset}
    )
    assert program.status_code == 201, program.text
    dates = {"starts_on": START.isoformat(), "ends_on": ends_on and ends_on.isoformat()}
    cohort = await client.post(
        f"/v1/programs/{program.json()['id']}/cohorts",
        headers=staff,
        json={"name": "2027", **dates},
    )
    assert cohort.status_code == 201, cohort.text
    return str(cohort.json()["id"])


async def _apply(client, auth, cohort_id, employee_id, body):
    applicant = await auth(role=Role.PARTICIPANT, employee_id=employee_id)
    return await client.post(
        f"/v1/cohorts/{cohort_id}/applications",
        headers=applicant,
        json={"employee_id": employee_id, **body},
    )


async def test_an_employee_seeking_out_a_mentor_in_month_four_applies_to_the_caltrans_cohort(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Shaping Successful Mentoring Programs": "The list should be
    # readily available for all employees to use when seeking out a mentor"
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    cohort_id = await _cohort(client, staff, "caltrans", ends_on=END)
    clock.set(MONTH_FOUR)
    applied = await _apply(client, auth, cohort_id, ids["E2"], MENTEE)
    assert applied.status_code == 201, applied.text
    clock.set(END + timedelta(days=1))
    refused = await _apply(client, auth, cohort_id, ids["M3"], MENTOR)
    assert refused.status_code == 409, refused.text
    assert (refused.json()["rule"], refused.json()["field"]) == ("applications_closed", "cohort_id")
    assert LAST_DAY.isoformat() in refused.json()["detail"]


async def test_readily_available_for_all_employees_seeking_out_a_mentor_to_the_last_day(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt: the volunteer list is "readily available for all employees
    # to use when seeking out a mentor"; 003_e5d42bff8b56600f.txt: the coordinator matches as
    # participants are screened. The cohort's last day takes an application; its `ends_on`, the
    # first day past the term, refuses one as any later day does.
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    for preset in ("caltrans", "nc-model"):
        cohort_id = await _cohort(client, staff, preset, ends_on=END)
        read = await client.get(f"/v1/cohorts/{cohort_id}", headers=staff)
        assert read.json()["applications_open_until"] == LAST_DAY.isoformat(), preset
        clock.set(LAST_DAY)
        taken = await _apply(client, auth, cohort_id, ids["M3"], MENTOR)
        assert taken.status_code == 201, (preset, taken.text)
        clock.set(END)
        refused = await _apply(client, auth, cohort_id, ids["E2"], MENTEE)
        assert refused.status_code == 409, (preset, refused.text)
        problem = refused.json()
        assert (problem["rule"], problem["field"]) == ("applications_closed", "cohort_id")
        assert LAST_DAY.isoformat() in problem["detail"]


async def test_a_maine_cohort_refuses_an_application_in_month_four(client, auth, clock):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July 1, 2003 Preliminary Mentoring
    # matches made": the year's pairs are matched as it starts
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    cohort_id = await _cohort(client, staff, "maine-mms")
    clock.set(MONTH_FOUR)
    refused = await _apply(client, auth, cohort_id, ids["E2"], MENTEE)
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert (refused.json()["rule"], refused.json()["field"]) == ("applications_closed", "cohort_id")
    assert START.isoformat() in refused.json()["detail"]


async def _confirm_items(client, year, within_days):
    answer = await client.get(
        f"/v1/worklist?cohort_id={year.cohort_id}&within_days={within_days}", headers=year.staff
    )
    assert answer.status_code == 200, answer.text
    return {
        i["mentorship_id"]: (i["due_on"], i["overdue"])
        for i in answer.json()["items"]
        if i["kind"] == "unconfirmed_past_confirm_by"
    }


async def test_a_late_maine_match_gets_its_own_confirm_by_and_an_early_one_keeps_sept_1(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July-Sept 2003 Initial meetings of
    # mentoring partners" / "Sept 1, 2003 Participants confirm mentoring matches"
    year = await maine_year(client, auth, clock, MAINE_START, LATE)
    assert await _confirm_items(client, year, 0) == {year.early_pair: ("2027-09-01", True)}
    soon = await _confirm_items(client, year, 62)
    assert soon[year.late_pair] == (LATE_CONFIRM_BY.isoformat(), False)
    clock.set(LATE_CONFIRM_BY + timedelta(days=1))
    later = await _confirm_items(client, year, 0)
    assert later[year.late_pair] == (LATE_CONFIRM_BY.isoformat(), True)
