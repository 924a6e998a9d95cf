"""Charlotte's luncheons are held "twice during the nine months" (seed 000_4e18aab21704e587.txt
"Group Learning") however many a coordinator adds at once: the cohort's row is held while they
are counted. Real transactions on a real pool."""

from __future__ import annotations

import asyncio
from datetime import date

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.errors import InvalidInput
from app.services import cohorts
from app.services.programs import catalog as programs
from tests.services.program_fixtures import TODAY, staff
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)


async def test_luncheons_will_be_held_twice_even_when_added_at_once(committed):  # noqa: F811
    database, org = committed
    new_uow = lambda: SqlUnitOfWork(database, org.id)  # noqa: E731
    program = await programs.create_program(
        uow=new_uow(), principal=staff(org), name="SLL", preset_name="charlotte-sll"
    )
    # From 1 June, the planned calendar holds January's luncheon; April's falls past the term.
    cohort = await cohorts.create_cohort(
        uow=new_uow(), principal=staff(org), program_id=program.id, name="C", starts_on=TODAY
    )
    outcomes = await asyncio.gather(
        *(
            cohorts.add_cohort_event(
                uow=new_uow(),
                principal=staff(org),
                cohort_id=cohort.id,
                kind="luncheon",
                title=f"Luncheon {n}",
                starts_on=date(2027, 2, 10),
            )
            for n in range(10)
        ),
        return_exceptions=True,
    )
    added = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(added) == 1
    assert {(type(o), o.rule) for o in refused} == {(InvalidInput, "luncheons_scheduled")}
    async with new_uow() as uow:
        events = await uow.programs.events(cohort.id)
    assert sum(1 for e in events if e.kind == "luncheon") == 2
