"""Settings for use cases that handle very large batches in one go."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

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
