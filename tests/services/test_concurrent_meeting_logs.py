"""A pair's meetings may be logged side by side, while a change of the pair's state waits
for them (the meeting log, `app.services.relationships.meetings.log_meeting`: "a participant
logs a meeting dated inside the term"). Logging a meeting leaves the mentorship's row as it
is, so it holds the row with a shared lock: a second logger is not kept waiting, a
transition (which locks the row for itself) is. Real transactions on a real pool."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import replace

import pytest

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services.relationships.records import Meeting, Progress
from tests.services.program_fixtures import TODAY
from tests.services.test_concurrent_confirmations import _published_pairs
from tests.services.test_programs_concurrency import committed  # noqa: F401 (a fixture)

WAIT_SECONDS = 1.0


async def test_a_pairs_meetings_are_logged_side_by_side_and_a_transition_waits_for_them(
    committed,  # noqa: F811
):
    # `uow.holding_pair` takes the row lock with BEGIN: shared, as a meeting logger holds it,
    # or for itself, as a transition does.
    database, org = committed
    mentorship = (await _published_pairs(database, org))[0]

    async def hold(shared: bool) -> None:
        async with SqlUnitOfWork(database, org.id).holding_pair(mentorship.id, shared=shared):
            pass

    async with SqlUnitOfWork(database, org.id).holding_pair(mentorship.id, shared=True):
        await asyncio.wait_for(hold(shared=True), WAIT_SECONDS)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(hold(shared=False), WAIT_SECONDS)


async def test_a_logger_that_waited_for_a_transition_reads_the_progress_it_left(
    committed,  # noqa: F811
):
    # The pair is read after the lock was granted, in a statement of its own, so it is read
    # as the transition committed it (the reason a locking read of the row alone was not
    # trusted with the progress).
    database, org = committed
    mentorship = (await _published_pairs(database, org))[0]

    async def logger_reads() -> Progress | None:
        unit = SqlUnitOfWork(database, org.id).holding_pair(mentorship.id, shared=True)
        async with unit as logger:
            found = await logger.relationships.pair(mentorship.id)
        assert found is not None
        return found[1]

    async with SqlUnitOfWork(database, org.id).holding_pair(mentorship.id) as transition:
        found = await transition.relationships.pair(mentorship.id)
        assert found is not None
        progress = found[1] or Progress(mentorship.id)
        waiting = asyncio.create_task(logger_reads())
        await _until_waiting_for_a_row(database, waiting)
        assert await transition.relationships.save_progress(
            replace(progress, confirmed_by=("mentee",))
        )
        await transition.commit()
    seen = await waiting
    assert seen is not None
    assert seen.confirmed_by == ("mentee",)


async def test_a_cancellation_holds_its_meetings_pair_for_itself_from_the_start(
    committed,  # noqa: F811
):
    # Given only the meeting's id, a cancellation still takes the pair's row lock with BEGIN
    # (`uow.holding_pair_of_meeting`), for itself, as before it learnt the pair in a read of
    # its own: a logger of the same pair waits for it.
    database, org = committed
    mentorship = (await _published_pairs(database, org))[0]
    draft = Meeting(uuid.uuid4(), mentorship.id, TODAY, 1.0, logged_by=mentorship.mentee_id)
    async with SqlUnitOfWork(database, org.id) as unit:
        meeting = await unit.relationships.add_meeting(draft)
        await unit.commit()

    async def log() -> None:
        async with SqlUnitOfWork(database, org.id).holding_pair(mentorship.id, shared=True):
            pass

    async with SqlUnitOfWork(database, org.id).holding_pair_of_meeting(meeting.id):
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(log(), WAIT_SECONDS)
    await asyncio.wait_for(log(), WAIT_SECONDS)


async def _until_waiting_for_a_row(database, task: asyncio.Task) -> None:
    """Until some session of the test's organisation waits for a row lock (the logger)."""
    for _ in range(600):
        async with database.connect() as connection:
            waiting = await connection.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE '%FOR SHARE'"
            )
        if waiting:
            return
        assert not task.done(), "the logger read the pair without waiting for the transition"
        await asyncio.sleep(0.05)
    raise TimeoutError("the logger never waited for the pair")
