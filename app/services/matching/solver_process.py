"""The process large assignment solves run in.

scipy's solver holds the interpreter lock for its whole call; in a worker thread a large
solve would stall the event loop, so it runs in a process of its own, started on first use
(never at import) and kept. The process is forked: a spawned one would import the whole
service again (its main module) before the first solve, seconds of a first run. The child
only reads graphs from its queue and solves them, touching none of the parent's connections
or locks.
"""

from __future__ import annotations

import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

_solver: ProcessPoolExecutor | None = None
_solver_lock = threading.Lock()


def matching_of(matrix: csr_matrix) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The minimum-cost full matching of the rows (what the solver process runs)."""
    rows, columns = min_weight_full_bipartite_matching(matrix)
    return rows, columns


def in_solver_process(matrix: csr_matrix) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """`matching_of`, solved in the solver process; the calling thread waits, unlocked."""
    global _solver  # one per process, made on first use, never at import
    with _solver_lock:
        if _solver is None:
            _solver = ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"))
        solver = _solver
    return solver.submit(matching_of, matrix).result()
