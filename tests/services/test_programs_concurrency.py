"""Two coordinators publishing the same run at the same moment create one set of mentorships.

This needs two real transactions, so it commits through a pool of its own on a fresh
organisation, and removes that organisation's rows at the end: all but its audit trail,
which is append-only by design (and so the organisation row it refers to stays too).
"""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from app.adapters.db.database import Database
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import Conflict
from app.services import applications, cohorts
from app.services.matching import runs as matching_runs
from app.services.ports import Organization
from app.services.programs import catalog as programs
from tests.services.program_fixtures import TODAY, FixedClock, people, staff


@pytest.fixture
async def committed(app_url, migrated_url):
    database = Database(app_url, pool_size=4)
    await database.open()
    owner = await asyncpg.connect(to_dsn(migrated_url))
    org_id = await owner.fetchval(
        "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), "
        "'race-' || substr(md5(random()::text), 1, 8), 'Race') RETURNING id"
    )
    try:
        yield database, Organization(org_id, "race", "Race")
    finally:
        await _remove(owner, org_id)
        await owner.close()
        await database.close()


async def _remove(owner: asyncpg.Connection, org_id) -> None:
    tables = [
        r["table_name"]
        for r in await owner.fetch(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND column_name = 'organization_id' "
            # The audit trail outlives the test's data, queued for its seal as in service.
            "AND table_name NOT IN ('audit_events', 'audit_unsealed', 'audit_seals')"
        )
    ]
    for _ in range(len(tables) + 1):  # children first: retry until no foreign key objects
        left = []
        for table in tables:
            try:
                # Table names come from the catalogue, not from input.
                statement = f'DELETE FROM "{table}" WHERE organization_id = $1'  # noqa: S608
                await owner.execute(statement, org_id)
            except asyncpg.ForeignKeyViolationError:
                left.append(table)
        tables = left
        if not tables:
            break


async def test_two_coordinators_publishing_at_once_create_one_set_of_mentorships(committed):
    database, org = committed
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    ids = await people(database, org)
    open_rules = {"eligibility": {"mentee_rules": [], "mentor_rules": []}}
    program = await programs.create_program(
        uow=new_uow(),
        principal=staff(org),
        name="P",
        preset_name="nc-model",
        overrides=open_rules,
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
    outcomes = await asyncio.gather(
        *(
            matching_runs.publish_matching_run(
                uow=new_uow(), principal=staff(org), clock=FixedClock(), run_id=run.id
            )
            for _ in range(2)
        ),
        return_exceptions=True,
    )
    created = [o for o in outcomes if isinstance(o, list)]
    assert len(created) == 1
    assert len(created[0]) == 2
    assert [type(o) for o in outcomes if not isinstance(o, list)] == [Conflict]
    async with new_uow() as uow:
        assert len(await uow.programs.mentorships(cohort_id=cohort.id)) == 2
