"""A pair's meetings may be logged side by side, while a change of the pair's state waits
for them (the meeting log, `app.services.relationships.meetings.log_meeting`: "a participant
logs a meeting dated inside the term"). Logging a meeting leaves the mentorship's row as it
is, so it holds the row with a shared lock: a second logger is not kept waiting, a
transition (which locks the row for itself) is. Real transactions on a real pool."""

from __future__ import annotations

import asyncio

import pytest

from app.adapters.db.unit_of_work import SqlUnitOfWork
from tests.services.test_concurrent_confirmations import _published_pairs
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)

WAIT_SECONDS = 1.0


async def test_a_pairs_meetings_are_logged_side_by_side_and_a_transition_waits_for_them(
    committed,  # noqa: F811
):
    database, org = committed
    mentorship = (await _published_pairs(database, org))[0]
    async with SqlUnitOfWork(database, org.id) as logging:
        assert await logging.programs.get_mentorship(mentorship.id, shared=True) is not None
        async with SqlUnitOfWork(database, org.id) as second_logger:
            read = second_logger.programs.get_mentorship(mentorship.id, shared=True)
            assert await asyncio.wait_for(read, WAIT_SECONDS) is not None
        async with SqlUnitOfWork(database, org.id) as transition:
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(
                    transition.programs.get_mentorship(mentorship.id, lock=True), WAIT_SECONDS
                )
