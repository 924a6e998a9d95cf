"""From a preset to proposed mentorships, through the services and a real database."""

from __future__ import annotations

import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Role
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import Conflict, InvalidInput
from app.services import applications, cohorts, eligibility_decisions
from app.services.directory import employees
from app.services.matching import runs as matching_runs
from app.services.programs import catalog as programs
from app.services.relationships import mentorships
from tests.services.program_fixtures import PEOPLE, TODAY, FixedClock, people, staff

MENTEE_PROFILE = {
    "strengths": ["listening"],
    "weaknesses": ["delegation"],
    "leadership_history": "led a project team",
    "participation_in_idp": True,
    "commits_to_evaluation": True,
    "goals": ["lead a team"],
    "competencies_wanted": ["budgeting", "leadership"],
}
MENTOR_PROFILE = {"expertise": ["budgeting"], "competencies": ["leadership"], "bio": "b"}


@pytest.fixture
def new_uow(database, org):
    return lambda: SqlUnitOfWork(database, org.id)


@pytest.fixture
async def cohort(new_uow, org, database):
    ids = await people(database, org)
    program = await programs.create_program(
        uow=new_uow(),
        principal=staff(org),
        name="Leaders",
        preset_name="nc-model",
        overrides={"eligibility": {"mentor_rules": [{"rule": "has_capacity"}]}},
    )
    made = await cohorts.create_cohort(
        uow=new_uow(),
        principal=staff(org),
        program_id=program.id,
        name="2026",
        starts_on=TODAY,
    )
    return made, ids, program


async def apply(new_uow, org, cohort_id, employee_id, role, **extra):
    profile = MENTEE_PROFILE if role is ApplicantRole.MENTEE else MENTOR_PROFILE
    return await applications.submit_application(
        uow=new_uow(),
        principal=staff(org),
        clock=FixedClock(),
        cohort_id=cohort_id,
        employee_id=employee_id,
        role=role,
        profile={**profile, **extra.pop("profile", {})},
        **extra,
    )


async def test_an_application_answers_every_rule_with_its_reason(new_uow, org, cohort):
    made, ids, _ = cohort
    answer = await apply(new_uow, org, made.id, ids["E3"], ApplicantRole.MENTEE)
    rules = {r["rule"]: r for r in answer.eligibility["rules"]}
    assert answer.eligible is False
    assert rules["no_disciplinary_issues"]["passed"] is False
    assert all(r["reason"] for r in answer.eligibility["rules"])


async def test_applying_twice_is_a_conflict(new_uow, org, cohort):
    made, ids, _ = cohort
    await apply(new_uow, org, made.id, ids["E2"], ApplicantRole.MENTEE)
    with pytest.raises(Conflict):
        await apply(new_uow, org, made.id, ids["E2"], ApplicantRole.MENTEE)


async def test_naming_your_own_supervisor_as_mentor_is_refused(new_uow, org, cohort):
    # seed 003_e5d42bff8b56600f.txt: mentors for mentees who are "Not direct reports".
    made, ids, _ = cohort
    with pytest.raises(InvalidInput) as refused:
        await apply(
            new_uow,
            org,
            made.id,
            ids["E1"],
            ApplicantRole.MENTEE,
            profile={"preferences": {"mentor_ids": [str(ids["M1"])]}},
        )
    assert refused.value.rule == "not_in_supervisory_chain"
    assert "direct supervisor" in refused.value.detail


async def test_nc_lets_a_mentee_name_their_supervisors_manager(new_uow, org, cohort):
    # seed 003_e5d42bff8b56600f.txt: only direct reports are excluded, not the whole chain.
    made, ids, _ = cohort
    named = {"preferences": {"mentor_ids": [str(ids["D1"])]}}
    answer = await apply(new_uow, org, made.id, ids["E1"], ApplicantRole.MENTEE, profile=named)
    assert answer.profile["preferences"]["mentor_ids"] == [str(ids["D1"])]


async def test_a_run_never_pairs_a_mentee_with_anyone_in_their_chain(new_uow, org, cohort):
    made, ids, _ = cohort
    for number in ("E1", "E2"):
        await _admit(new_uow, org, made.id, ids[number], ApplicantRole.MENTEE)
    for number in ("M1", "M2"):
        await _admit(new_uow, org, made.id, ids[number], ApplicantRole.MENTOR)
    run = await matching_runs.start_matching_run(
        uow=new_uow(), principal=staff(org), clock=FixedClock(), cohort_id=made.id
    )
    pairs = {p["mentee_id"]: p["mentor_id"] for p in run.result["proposals"]}
    assert pairs[str(ids["E1"])] == str(ids["M2"])
    assert pairs[str(ids["E2"])] == str(ids["M1"])
    first = run.result["proposals"][0]["explanation"]
    assert "not_in_supervisory_chain" in first["passed"]
    assert {t["name"] for t in first["score"]["terms"]} >= {"competency_overlap"}


async def test_publishing_creates_proposed_mentorships_once(new_uow, org, cohort):
    made, ids, _ = cohort
    await _admit(new_uow, org, made.id, ids["E2"], ApplicantRole.MENTEE)
    await _admit(new_uow, org, made.id, ids["M3"], ApplicantRole.MENTOR)
    run = await matching_runs.start_matching_run(
        uow=new_uow(), principal=staff(org), clock=FixedClock(), cohort_id=made.id
    )
    created = await matching_runs.publish_matching_run(
        uow=new_uow(), principal=staff(org), clock=FixedClock(), run_id=run.id
    )
    assert [m.state for m in created] == ["proposed"]
    assert created[0].ends_on.isoformat() == "2027-06-01"
    with pytest.raises(Conflict):
        await matching_runs.publish_matching_run(
            uow=new_uow(), principal=staff(org), clock=FixedClock(), run_id=run.id
        )
    listed = await mentorships.list_mentorships(uow=new_uow(), principal=staff(org))
    assert len(listed) == 1


async def test_a_run_without_eligible_mentors_is_refused(new_uow, org, cohort):
    made, ids, _ = cohort
    await _admit(new_uow, org, made.id, ids["E2"], ApplicantRole.MENTEE)
    with pytest.raises(Conflict) as refused:
        await matching_runs.start_matching_run(
            uow=new_uow(), principal=staff(org), clock=FixedClock(), cohort_id=made.id
        )
    assert "no eligible mentors" in refused.value.detail


async def _admit(new_uow, org, cohort_id, employee_id, role):
    """Apply, attend the information session, and get an override where NC allows one."""
    application = await apply(new_uow, org, cohort_id, employee_id, role)
    if role is ApplicantRole.MENTEE:
        application = (
            await eligibility_decisions.override_eligibility(
                uow=new_uow(),
                principal=staff(org),
                clock=FixedClock(),
                application_id=application.id,
                rule="attended_information_session",
                reason="was on leave for the session",
            )
            if not application.eligible
            else application
        )
        for outcome in application.eligibility["rules"]:
            if not outcome["passed"] and outcome["rule"] != "attended_information_session":
                application = await eligibility_decisions.override_eligibility(
                    uow=new_uow(),
                    principal=staff(org),
                    clock=FixedClock(),
                    application_id=application.id,
                    rule=outcome["rule"],
                    reason="approved",
                )
    assert application.eligible, application.eligibility
    return application


async def test_an_hr_change_decides_eligibility_again(new_uow, org, database, cohort):
    made, ids, _ = cohort
    admitted = await _admit(new_uow, org, made.id, ids["E2"], ApplicantRole.MENTEE)
    assert {r["rule"]: r["passed"] for r in admitted.eligibility["rules"]}["no_disciplinary_issues"]
    admin = staff(org, Role.ORG_ADMIN)
    row = next(p for p in PEOPLE if p["employee_number"] == "E2")
    await employees.import_employees(
        uow=new_uow(),
        principal=admin,
        clock=SystemClock(),
        rows=[{**row, "in_good_standing": False}],
    )
    [decided] = await eligibility_decisions.refresh_eligibility(
        uow=new_uow(), principal=admin, clock=FixedClock(), employee_ids=[ids["E2"]]
    )
    assert decided.eligible is False
    standing = next(
        r for r in decided.eligibility["rules"] if r["rule"] == "no_disciplinary_issues"
    )
    assert standing["passed"] is False


async def test_no_extenuating_circumstance_admits_someone_who_is_not_actively_employed(
    new_uow, org, cohort
):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "*Extenuating circumstances ... acceptance
    # may then be allowed with appropriate approval": the program's criteria, never whether the
    # person is employed at all (REST and GraphQL both call override_eligibility).
    made, ids, _ = cohort
    application = await apply(new_uow, org, made.id, ids["E2"], ApplicantRole.MENTEE)
    with pytest.raises(InvalidInput) as refused:
        await eligibility_decisions.override_eligibility(
            uow=new_uow(),
            principal=staff(org),
            clock=FixedClock(),
            application_id=application.id,
            rule="active_employment",
            reason="back next month",
        )
    assert refused.value.rule == "not_overridable"
