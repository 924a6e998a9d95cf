"""Over GraphQL, the same service functions as REST: a Caltrans cohort takes an application in
its fourth month and a Maine cohort refuses it; a late Maine match has its own confirm-by date
on the coordinator's worklist."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import timedelta

from app.domain.access import Role
from tests.api.graphql.calls import graphql_data
from tests.api.late_pair_setup import maine_year
from tests.api.mentorship_setup import clock  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, directory
from tests.api.rest.test_rolling_enrolment import (
    END,
    LAST_DAY,
    LATE,
    LATE_CONFIRM_BY,
    MAINE_START,
    MONTH_FOUR,
    START,
)

PROGRAM = (
    'mutation($preset: String!) { createProgram(name: "Leaders", preset: $preset) '
    "{ ... on Program { id } } }"
)
COHORT = (
    "mutation($program: UUID!, $starts: Date!) { createCohort(programId: $program, "
    'name: "2027", startsOn: $starts) { ... on Cohort { id } } }'
)
SUBMIT = (
    "mutation($cohort: UUID!, $employee: UUID!, $profile: JSON!) { submitApplication("
    "cohortId: $cohort, employeeId: $employee, role: MENTEE, profile: $profile) "
    "{ __typename ... on Problem { code rule field detail } } }"
)
WORKLIST = (
    "query($cohort: UUID, $within: Int!) { worklist(cohortId: $cohort, withinDays: $within) "
    "{ edges { node { mentorshipId kind dueOn overdue } } } }"
)


async def _month_four_application(client, auth, clock, preset):
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    program = (await graphql_data(client, staff, PROGRAM, preset=preset))["createProgram"]["id"]
    made = await graphql_data(client, staff, COHORT, program=program, starts=START.isoformat())
    clock.set(MONTH_FOUR)
    applicant = await auth(role=Role.PARTICIPANT, employee_id=ids["E2"])
    profile = {k: v for k, v in MENTEE.items() if k != "role"}
    answer = await graphql_data(
        client,
        applicant,
        SUBMIT,
        cohort=made["createCohort"]["id"],
        employee=ids["E2"],
        profile=profile,
    )
    return answer["submitApplication"]


async def test_an_employee_seeking_out_a_mentor_in_month_four_applies_over_graphql(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt "Shaping Successful Mentoring Programs": "The list should be
    # readily available for all employees to use when seeking out a mentor"
    answer = await _month_four_application(client, auth, clock, "caltrans")
    assert answer["__typename"] == "Application", answer


async def test_a_maine_cohort_refuses_an_application_in_month_four_over_graphql(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July 1, 2003 Preliminary Mentoring
    # matches made"
    answer = await _month_four_application(client, auth, clock, "maine-mms")
    assert answer["__typename"] == "Problem", answer
    assert (answer["rule"], answer["field"]) == ("applications_closed", "cohort_id")
    assert START.isoformat() in answer["detail"]


ENDING_COHORT = (
    "mutation($program: UUID!, $starts: Date!, $ends: Date!) { createCohort(programId: "
    '$program, name: "2027", startsOn: $starts, endsOn: $ends) '
    "{ ... on Cohort { id applicationsOpenUntil } } }"
)


async def test_readily_available_for_all_employees_seeking_out_a_mentor_to_its_last_day_graphql(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt: the list is "readily available for all employees to use
    # when seeking out a mentor"; 003_e5d42bff8b56600f.txt: the coordinator matches as
    # participants are screened. The last day takes an application; `endsOn` refuses one.
    staff = await auth(role=Role.COORDINATOR)
    ids = await directory(client, await auth())
    profile = {k: v for k, v in MENTEE.items() if k != "role"}
    for preset in ("caltrans", "nc-model"):
        program = (await graphql_data(client, staff, PROGRAM, preset=preset))["createProgram"]
        made = await graphql_data(
            client,
            staff,
            ENDING_COHORT,
            program=program["id"],
            starts=START.isoformat(),
            ends=END.isoformat(),
        )
        cohort = made["createCohort"]
        assert cohort["applicationsOpenUntil"] == LAST_DAY.isoformat(), preset
        answers = []
        for day, who in ((LAST_DAY, "E2"), (END, "E1")):
            clock.set(day)
            applicant = await auth(role=Role.PARTICIPANT, employee_id=ids[who])
            answer = await graphql_data(
                client, applicant, SUBMIT, cohort=cohort["id"], employee=ids[who], profile=profile
            )
            answers.append(answer["submitApplication"])
        taken, refused = answers
        assert taken["__typename"] == "Application", (preset, taken)
        assert refused["__typename"] == "Problem", (preset, refused)
        assert (refused["rule"], refused["field"]) == ("applications_closed", "cohort_id")
        assert LAST_DAY.isoformat() in refused["detail"]


async def _confirm_items(client, year, within):
    data = await graphql_data(client, year.staff, WORKLIST, cohort=year.cohort_id, within=within)
    nodes = [e["node"] for e in data["worklist"]["edges"]]
    return {
        n["mentorshipId"]: (n["dueOn"], n["overdue"])
        for n in nodes
        if n["kind"] == "unconfirmed_past_confirm_by"
    }


async def test_a_late_maine_match_has_its_own_confirm_by_on_the_graphql_worklist(
    client, auth, clock
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "July-Sept 2003 Initial meetings of
    # mentoring partners" / "Sept 1, 2003 Participants confirm mentoring matches"
    year = await maine_year(client, auth, clock, MAINE_START, LATE)
    assert await _confirm_items(client, year, 0) == {year.early_pair: ("2027-09-01", True)}
    clock.set(LATE_CONFIRM_BY + timedelta(days=1))
    later = await _confirm_items(client, year, 0)
    assert later[year.late_pair] == (LATE_CONFIRM_BY.isoformat(), True)
