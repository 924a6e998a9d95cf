"""Big cohorts stay usable (issue 26): a run's proposals are read a page at a time, and
publishing a run costs the same statements whatever its size."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import asyncpg
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.errors import InvalidInput, NotFound
from app.domain.matching.run_state import RunState
from app.services import cohorts
from app.services.directory import employees
from app.services.matching import proposals, runs
from app.services.programs import catalog as programs
from app.services.programs.records import MatchingRun
from tests.factories import employee_row
from tests.services.program_fixtures import FixedClock


class CountingConnection:
    """Counts the statements sent through an asyncpg connection, passing everything on."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection
        self.statements = 0

    def __getattr__(self, name: str):
        attribute = getattr(self._connection, name)
        if name in ("execute", "fetch", "fetchrow", "fetchval", "executemany"):

            async def counted(*args, **kwargs):
                self.statements += 1
                return await attribute(*args, **kwargs)

            return counted
        return attribute


async def stored_run(database, org, size: int) -> tuple[Principal, MatchingRun]:
    """A computed run of `size` proposals (mentee Pn with mentor Rn), stored as a run is."""
    admin = Principal(org.id, Role.ORG_ADMIN, "admin@test")
    rows = [employee_row(f"P{n:03}", level=3, unit=f"U{n}") for n in range(size)]
    rows += [employee_row(f"R{n:03}", level=9, department="Ops", unit="Top") for n in range(size)]
    await employees.import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=admin, clock=SystemClock(), rows=rows
    )
    program = await programs.create_program(
        uow=SqlUnitOfWork(database, org.id), principal=admin, name="P", preset_name="nc-model"
    )
    cohort = await cohorts.create_cohort(
        uow=SqlUnitOfWork(database, org.id),
        principal=admin,
        program_id=program.id,
        name="C",
        starts_on=date(2026, 1, 5),
    )
    async with SqlUnitOfWork(database, org.id) as uow:
        ids = {
            number: found[0] for number, found in (await uow.employees.directory_index()).items()
        }
        pairs = sorted((ids[f"P{n:03}"], ids[f"R{n:03}"]) for n in range(size))
        result = {
            "proposals": [
                {
                    "mentee_id": str(mentee),
                    "mentor_id": str(mentor),
                    "score": 1.0,
                    "locked": False,
                    "explanation": {"allowed": True, "passed": [], "refused_by": [], "score": {}},
                    "runners_up": [],
                }
                for mentee, mentor in pairs
            ],
            "unmatched": [],
            "total_score": float(size),
        }
        run = await uow.programs.add_run(
            MatchingRun(uuid.uuid4(), cohort.id, RunState.COMPUTED, 1, result, "admin@test")
        )
        await uow.commit()
    return admin, run


async def publishing_statements(database, org, size: int) -> int:
    admin, run = await stored_run(database, org, size)
    counting = CountingConnection(database._connection)
    database._connection = counting
    try:
        made = await runs.publish_matching_run(
            uow=SqlUnitOfWork(database, org.id),
            principal=admin,
            clock=FixedClock(datetime(2026, 1, 5, 9, tzinfo=UTC)),  # the cohort's start
            run_id=run.id,
        )
    finally:
        database._connection = counting._connection
    assert len(made) == size
    return counting.statements


async def test_publishing_a_run_of_3_or_of_60_pairs_costs_the_same_statements(
    database, org, other_org
):
    assert await publishing_statements(database, org, 3) == await publishing_statements(
        database, other_org, 60
    )


async def test_a_runs_proposals_come_a_page_at_a_time_in_the_runs_order(database, org):
    admin, run = await stored_run(database, org, 5)
    seen, cursor = [], None
    for _ in range(3):
        page = await proposals.list_run_proposals(
            uow=SqlUnitOfWork(database, org.id),
            principal=admin,
            run_id=run.id,
            limit=2,
            cursor=cursor,
        )
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert cursor is None
    assert seen == run.result["proposals"]


async def test_a_cursor_not_issued_by_the_service_is_refused_and_another_run_is_not_found(
    database, org
):
    admin, run = await stored_run(database, org, 1)
    with pytest.raises(InvalidInput):
        await proposals.list_run_proposals(
            uow=SqlUnitOfWork(database, org.id), principal=admin, run_id=run.id, cursor="abc"
        )
    with pytest.raises(NotFound):
        await proposals.list_run_proposals(
            uow=SqlUnitOfWork(database, org.id), principal=admin, run_id=uuid.uuid4()
        )
