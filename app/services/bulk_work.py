"""Use cases that handle very large batches: their CPU-heavy steps run off the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def off_the_loop(work: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a CPU-heavy step (validating, planning, solving a batch) in a worker thread, so
    the event loop keeps serving every other request, of every organisation, meanwhile.

    The thread still shares the interpreter: `work` must not hold it in one long call
    (pure Python hands it over every few milliseconds; a C call over a whole batch would
    not, so such calls go in chunks). Its arguments must not be touched until it returns.
    """
    return await asyncio.to_thread(work, *args, **kwargs)
