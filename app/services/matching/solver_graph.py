"""The sparse graph a run's shortlists make for the solver, and its solve.

A mentor with room for s more mentees is s solver columns; each mentee also has a column of
its own, "unmatched", costing more than any difference in total score could be worth, so the
solver matches as many mentees as the rules allow, then maximises the total score (scipy's
`min_weight_full_bipartite_matching` on the sparse graph). After a widening, a solve is given
only the pairs that could change the last proven optimum (`Duals`, from `optimality`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from app.services.matching.shortlists import Shortlists
from app.services.matching.solver_process import in_solver_process, matching_of

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

# Reduced costs and prices are exact only to this: sums of floats.
TOLERANCE = 1e-7
# Solver edges from which a solve runs in the solver process: below, it holds the
# interpreter lock no longer than a request may hold the event loop.
SOLVE_IN_PROCESS_FROM = 100_000


@dataclass(frozen=True, slots=True)
class Duals:
    """What proved a solve: each mentor's price, each solved mentee's value (by mentee row),
    and the pairs that solve had (as `row * mentors + column`, sorted)."""

    prices: Floats
    values: Floats
    pairs: Ints


@dataclass(frozen=True, slots=True)
class SolverGraph:
    solve_rows: Ints  # mentee row of each solver row
    entry_rows: Ints  # solver row of each listed pair in the solve
    entry_columns: Ints  # mentor column of each listed pair
    entry_costs: Floats
    top: float  # costs are `top + 1 - score`
    unmatched: float  # the cost of leaving a mentee unmatched
    owner: Ints  # mentor column of each solver column
    copies: Ints  # solver columns of each mentor
    first: Ints  # each mentor's first solver column

    @property
    def shape(self) -> tuple[int, int]:
        """The solver matrix's shape: a row per mentee, a column per slot and per mentee."""
        return len(self.solve_rows), len(self.owner) + len(self.solve_rows)


def solver_graph(lists: Shortlists, slots: Ints, free: NDArray[np.bool_]) -> SolverGraph:
    use = np.flatnonzero(free[lists.rows])
    rows, columns, scores = lists.rows[use], lists.columns[use], lists.scores[use]
    solve_rows = np.unique(rows)
    entry_rows = np.searchsorted(solve_rows, rows)
    # A mentor never needs more columns than mentees who list them: same optimum, fewer columns.
    copies = np.minimum(np.maximum(slots, 0), np.bincount(columns, minlength=len(slots)))
    first = np.cumsum(copies) - copies
    # Widening adds pairs scoring no more than their mentee's best listed one, so `top`, and
    # with it every cost, stays the same from one round to the next.
    top = float(scores.max()) if scores.size else 0.0
    costs = top + 1.0 - scores
    # One more matched mentee outweighs any gain in total score: scores are >= 0, so costs
    # lie in [1, top + 1] and no two assignments' costs differ by more than this.
    unmatched = (top + 1.0) * (len(solve_rows) + 2)
    owner = np.repeat(np.arange(len(slots), dtype=np.int64), copies)
    return SolverGraph(solve_rows, entry_rows, columns, costs, top, unmatched, owner, copies, first)


def _matrix(graph: SolverGraph, duals: Duals | None) -> csr_matrix:
    """The solver's matrix: each listed pair the solve needs, once per slot of its mentor."""
    mentors = len(graph.copies)
    solved = np.flatnonzero(
        _may_improve(
            graph.solve_rows[graph.entry_rows],
            graph.entry_columns,
            graph.entry_costs,
            graph.entry_rows,
            mentors,
            duals,
        )
    )
    columns, copies = graph.entry_columns[solved], graph.copies
    repeat = copies[columns]
    offsets = np.arange(int(repeat.sum())) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    n, total = graph.shape[0], len(graph.owner)
    return csr_matrix(
        (
            np.concatenate(
                [np.repeat(graph.entry_costs[solved], repeat), np.full(n, graph.unmatched)]
            ),
            (
                np.concatenate([np.repeat(graph.entry_rows[solved], repeat), np.arange(n)]),
                np.concatenate(
                    [np.repeat(graph.first[columns], repeat) + offsets, total + np.arange(n)]
                ),
            ),
        ),
        shape=graph.shape,
    )


def _may_improve(
    rows: Ints, columns: Ints, costs: Floats, entry_rows: Ints, mentors: int, duals: Duals | None
) -> NDArray[np.bool_]:
    """The pairs the solve needs: all of them on a first solve; after a widening, the new
    pairs and the old ones whose reduced cost under the last proof's prices is at most
    what all the new pairs together could gain. An optimum using an old pair above that
    would cost more than the last optimum, which is still a solution (LP duality): the
    solve gives the same optimum on far fewer pairs."""
    if duals is None:
        return np.ones(len(rows), dtype=np.bool_)
    pairs = rows * mentors + columns
    at = np.minimum(np.searchsorted(duals.pairs, pairs), max(len(duals.pairs) - 1, 0))
    new = duals.pairs[at] != pairs if len(duals.pairs) else np.ones(len(rows), dtype=np.bool_)
    reduced = costs + duals.prices[columns] - duals.values[rows]
    gain = np.zeros(int(entry_rows.max(initial=-1)) + 1)
    np.maximum.at(gain, entry_rows[new], -reduced[new])
    # Each reduced cost is exact only to TOLERANCE, and an assignment has a pair per row.
    margin = float(gain.sum()) + TOLERANCE * (len(gain) + 1)
    return new | (reduced <= margin)


def solve(graph: SolverGraph, duals: Duals | None) -> dict[int, int]:
    """Solver row -> mentor column for the matched (the others took their own column)."""
    if graph.shape[0] == 0:
        return {}
    matrix = _matrix(graph, duals)
    if matrix.nnz < SOLVE_IN_PROCESS_FROM:
        solver_rows, solver_columns = matching_of(matrix)
    else:
        solver_rows, solver_columns = in_solver_process(matrix)
    del matrix  # the solve's largest array: not kept while the answer is read
    matched = solver_columns < len(graph.owner)
    return dict(
        zip(
            solver_rows[matched].tolist(),
            graph.owner[solver_columns[matched]].tolist(),
            strict=True,
        )
    )
