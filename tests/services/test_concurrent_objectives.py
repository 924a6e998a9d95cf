"""NC's plan holds "up to three (3) objectives" (seed 003_e5d42bff8b56600f.txt "Setting Learning
and Development Goals") however many the mentee adds at once: the pair's row is held while the
plan is counted, so a lock serialises the adds, not luck. Real transactions on a real pool."""

from __future__ import annotations

import asyncio

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.development_plan import GoalKind
from app.domain.errors import InvalidInput
from app.services.relationships import goals
from tests.services.test_concurrent_confirmations import _published_pairs
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)

SMART = {"measure": "m", "achievable": "a", "relevant": "r", "due_on": "2027-06-30"}


async def test_the_mentee_identifies_up_to_three_objectives_even_when_added_at_once(
    committed,  # noqa: F811
):
    database, org = committed
    mentorship = (await _published_pairs(database, org))[0]
    mentee = Principal(org.id, Role.PARTICIPANT, "mentee", mentorship.mentee_id)
    outcomes = await asyncio.gather(
        *(
            goals.add_goal(
                uow=SqlUnitOfWork(database, org.id),
                principal=mentee,
                mentorship_id=mentorship.id,
                kind=GoalKind.OBJECTIVE,
                text=f"objective {n}",
                smart=SMART,
            )
            for n in range(12)
        ),
        return_exceptions=True,
    )
    added = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(added) == 3
    assert {(type(o), o.rule) for o in refused} == {(InvalidInput, "max_objectives")}
    async with SqlUnitOfWork(database, org.id) as uow:
        plan = await uow.relationships.goals(mentorship.id)
    assert sum(1 for g in plan if g.kind == GoalKind.OBJECTIVE) == 3
