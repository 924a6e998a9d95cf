"""Fifty concurrent confirmations of one mentorship end with exactly one confirmation from
each participant: a row lock serialises them, not luck. Real transactions on a real pool."""

from __future__ import annotations

import asyncio

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import TransitionRefused
from app.services import applications, cohorts
from app.services.matching import runs as matching_runs
from app.services.programs import catalog as programs
from app.services.relationships import confirmations
from tests.services.program_fixtures import TODAY, FixedClock, people, staff
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)


async def _published_pairs(database, org):
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    ids = await people(database, org)
    program = await programs.create_program(
        uow=new_uow(),
        principal=staff(org),
        name="P",
        preset_name="nc-model",
        overrides={"eligibility": {"mentee_rules": [], "mentor_rules": []}},
    )
    cohort = await cohorts.create_cohort(
        uow=new_uow(), principal=staff(org), program_id=program.id, name="C", starts_on=TODAY
    )
    for number, role in (
        ("E2", ApplicantRole.MENTEE),
        ("E3", ApplicantRole.MENTEE),
        ("M3", ApplicantRole.MENTOR),
        ("M2", ApplicantRole.MENTOR),
    ):
        await applications.submit_application(
            uow=new_uow(),
            principal=staff(org),
            clock=FixedClock(),
            cohort_id=cohort.id,
            employee_id=ids[number],
            role=role,
            profile={},
        )
    run = await matching_runs.start_matching_run(
        uow=new_uow(), principal=staff(org), clock=FixedClock(), cohort_id=cohort.id
    )
    return await matching_runs.publish_matching_run(
        uow=new_uow(), principal=staff(org), clock=FixedClock(), run_id=run.id
    )


async def test_fifty_concurrent_confirmations_record_one_per_participant(committed):  # noqa: F811
    database, org = committed
    for mentorship in await _published_pairs(database, org):
        sides = [
            Principal(org.id, Role.PARTICIPANT, "mentee", mentorship.mentee_id),
            Principal(org.id, Role.PARTICIPANT, "mentor", mentorship.mentor_id),
        ]
        outcomes = await asyncio.gather(
            *(
                confirmations.confirm_mentorship(
                    uow=SqlUnitOfWork(database, org.id),
                    principal=sides[n % 2],
                    clock=FixedClock(),
                    mentorship_id=mentorship.id,
                )
                for n in range(50)
            ),
            return_exceptions=True,
        )
        succeeded = [o for o in outcomes if not isinstance(o, BaseException)]
        refused = [o for o in outcomes if isinstance(o, BaseException)]
        assert len(succeeded) == 2
        assert {type(o) for o in refused} == {TransitionRefused}
        # Refused as a repeat while one side has confirmed, or as past `proposed` once both have.
        assert {o.rule for o in refused} <= {"already_confirmed", "wrong_state"}
        async with SqlUnitOfWork(database, org.id) as uow:
            [stored] = [
                m
                for m in await uow.programs.mentorships(cohort_id=mentorship.cohort_id)
                if m.id == mentorship.id
            ]
        assert stored.state == "confirmed"
