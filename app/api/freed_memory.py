"""After a bulk request, the memory its rows took goes back to the operating system.

CPython frees the objects, but the C allocator keeps the freed pages for later (per thread
arena, and worker threads decoded and checked the rows): a server that imported 100,000
rows would otherwise stay hundreds of MB larger for good. glibc's `malloc_trim` hands back
what is free; on another C library this does nothing.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    trim: Callable[[int], int] | None = getattr(
        ctypes.CDLL(name) if name else None, "malloc_trim", None
    )
    return trim


async def release_freed_memory() -> None:
    """Return freed heap pages to the system (in a thread: a large heap takes a moment)."""
    if (trim := _trim()) is not None:
        await asyncio.to_thread(trim, 0)
