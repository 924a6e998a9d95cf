"""Settings for use cases that handle very large batches in one go."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_holders = 0


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large batch is worked on.

    A 100,000-row import builds millions of small acyclic objects (dicts, strings, UUIDs);
    each burst of allocations triggers a collection that walks the growing heap again, which
    measured about half of the import's CPU time. Reference counting still frees everything
    as usual; only cycles wait until the last holder leaves (batches may overlap on one event
    loop), and nothing changes if the collector was already off.
    """
    global _holders
    owner = gc.isenabled() or _holders > 0
    if owner:
        _holders += 1
        gc.disable()
    try:
        yield
    finally:
        if owner:
            _holders -= 1
            if _holders == 0:
                gc.enable()


async def off_the_loop(work: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a CPU-heavy step (validating, planning, solving a batch) in a worker thread, so
    the event loop keeps serving every other request, of every organisation, meanwhile.

    The thread still shares the interpreter: `work` must not hold it in one long call
    (pure Python hands it over every few milliseconds; a C call over a whole batch would
    not, so such calls go in chunks). Its arguments must not be touched until it returns.
    """
    return await asyncio.to_thread(work, *args, **kwargs)
