"""Background work beside the API in one process: started and stopped with the app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from app.adapters.background.leader import Leadership
from app.adapters.background.schedule import Schedule, run_background
from app.adapters.db.database import Database
from app.adapters.webhooks.sender import HttpWebhookSender

BACKGROUND_POOL_SIZE = 2  # one job at a time, plus a spare for the deliveries it records


@asynccontextmanager
async def background_work(
    url: str, *, allow_private_addresses: bool = False, schedule: Schedule = Schedule()
) -> AsyncIterator[None]:
    """The background loop runs for the length of the `with` block; leaving it lets the job
    in hand finish. `url` connects as the schema owner, as `mentoring worker` does: the jobs
    cross organisations."""
    database = Database(url, pool_size=BACKGROUND_POOL_SIZE)
    await database.open()
    sender = HttpWebhookSender(allow_private_addresses=allow_private_addresses)
    leadership = Leadership(url)
    stop = asyncio.Event()
    loop = asyncio.create_task(
        run_background(database, sender, leadership=leadership, stop=stop, schedule=schedule)
    )
    try:
        yield
    finally:
        stop.set()
        await loop
        await leadership.release()
        await sender.close()
        await database.close()
