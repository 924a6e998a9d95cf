"""The assignment on the shortlists' sparse graph, and the proof that it is the cohort's best.

A mentor with room for s more mentees is s solver columns; each mentee also has a column of
its own, "unmatched", costing more than any difference in total score could be worth, so the
solver matches as many mentees as the rules allow, then maximises the total score (scipy's
`min_weight_full_bipartite_matching` on the sparse graph).

Leaving pairs out is safe only where it is proven. From the solution, each mentor gets a price
(the smallest dual prices that fit it, found by relaxing the listed pairs) and each mentee a
value; a pair left off a list could improve the run only if the mentee's value minus the
mentor's price exceeds the pair's cost (LP duality: the problem is totally unimodular).
A mentee whose best left-out pair cannot is proven; the others get exactly the pairs that
could, and the run is solved again, until no pair could: the result is the optimum of the
whole cohort's graph, as the dense solver finds it. A mentee left unmatched is such a mentee:
its list widens to every allowed mentor who still has room.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from app.services.matching.moves import Pairs, improved
from app.services.matching.shortlists import Shortlists
from app.services.matching.solver_process import in_solver_process, matching_of

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Widen = Callable[[Shortlists, dict[int, float], Floats], tuple[Shortlists, int]]

TOLERANCE = 1e-7
# Solver edges from which a solve runs in the solver process: below, it holds the
# interpreter lock no longer than a request may hold the event loop.
SOLVE_IN_PROCESS_FROM = 100_000
# Rounds of targeted widening before every open mentee's list is made whole.
ROUNDS_BEFORE_WHOLE_LISTS = 6


@dataclass(frozen=True, slots=True)
class Assignment:
    """Row -> mentor column for the matched; the solver matrix's shape; rounds of widening
    it took, and how many of them needed a solve."""

    chosen: dict[int, int]
    shape: tuple[int, int]
    rounds: int
    lists: Shortlists
    solves: int = 1


@dataclass(frozen=True, slots=True)
class _Duals:
    """What proved a solve: each mentor's price, each solved mentee's value (by mentee row),
    and the pairs that solve had (as `row * mentors + column`, sorted)."""

    prices: Floats
    values: Floats
    pairs: Ints


@dataclass(frozen=True, slots=True)
class _Graph:
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


def best_assignment(
    lists: Shortlists, slots: Ints, free: NDArray[np.bool_], widen: Widen
) -> Assignment:
    """The cohort's optimum for the `free` rows: solved on the lists, widened until proven.
    After a widening, the last solution is solved again only when the new pairs can improve
    it: most widenings only prove that they cannot, and a solve is most of a run's time."""
    rounds = solves = 0
    duals: _Duals | None = None
    last: dict[int, int] | None = None  # mentee row -> mentor column of the last solution
    while True:
        rounds += 1
        graph = _graph(lists, slots, free)
        whole = rounds > ROUNDS_BEFORE_WHOLE_LISTS
        chosen = None if last is None or whole else _moved(graph, last, slots)
        proven = None if chosen is None else _open_rows(graph, chosen, lists, slots, whole=whole)
        if chosen is None or proven is None or proven[2] is None:
            solves += 1
            chosen = _solve(graph, duals)
            proven = _open_rows(graph, chosen, lists, slots, whole=whole)
        bounds, prices, duals = proven
        last = {int(graph.solve_rows[r]): column for r, column in chosen.items()}
        if bounds:
            lists, added = widen(lists, bounds, prices)
        if not bounds or not added:
            pairs = _ties_to_lower_ids(last, lists, slots, graph.solve_rows)
            return Assignment(pairs, graph.shape, rounds, lists, solves)


def _moved(graph: _Graph, last: dict[int, int], slots: Ints) -> dict[int, int] | None:
    """The last solution (mentee row -> column) improved by a few moves on the widened
    graph, as solver row -> column; None when a solve is the faster way."""
    assigned = np.full(len(graph.solve_rows), -1, dtype=np.int64)
    at = np.searchsorted(graph.solve_rows, np.fromiter(last, dtype=np.int64, count=len(last)))
    assigned[at] = list(last.values())
    pairs = Pairs(graph.entry_rows, graph.entry_columns, graph.entry_costs, graph.unmatched, slots)
    better = improved(pairs, assigned)
    if better is None:
        return None
    matched = np.flatnonzero(better >= 0)
    return dict(zip(matched.tolist(), better[matched].tolist(), strict=True))


def _ties_to_lower_ids(
    pairs: dict[int, int], lists: Shortlists, slots: Ints, rows: Ints
) -> dict[int, int]:
    """Among equally good answers, the one a rerun would give whatever the solver's path:
    a mentee takes the lowest-id mentor of equal score with room left, and a mentee left
    unmatched takes the place of a higher-id mentee who scored the same with that mentor."""
    load = np.bincount(np.array(list(pairs.values()), dtype=np.int64), minlength=len(slots))
    holder: dict[int, list[int]] = {}
    for row in sorted(pairs):
        columns, scores = lists.of(row)
        own = scores[columns == pairs[row]][0]
        for column in columns[(scores == own) & (columns < pairs[row])].tolist():
            if load[column] < slots[column]:
                load[pairs[row]] -= 1
                load[column] += 1
                pairs[row] = column
                break
    for row, column in pairs.items():
        holder.setdefault(column, []).append(row)
    for row in rows.tolist():
        if row in pairs:
            continue
        columns, scores = lists.of(row)
        for column, score in zip(columns.tolist(), scores.tolist(), strict=True):
            later = [
                r for r in holder.get(column, ()) if r > row and _score(lists, r, column) == score
            ]
            if later:
                given_up = max(later)
                holder[column].remove(given_up)
                holder[column].append(row)
                del pairs[given_up]
                pairs[row] = column
                break
    return pairs


def _score(lists: Shortlists, row: int, column: int) -> float:
    columns, scores = lists.of(row)
    return float(scores[columns == column][0])


def _graph(lists: Shortlists, slots: Ints, free: NDArray[np.bool_]) -> _Graph:
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
    return _Graph(solve_rows, entry_rows, columns, costs, top, unmatched, owner, copies, first)


def _matrix(graph: _Graph, duals: _Duals | None) -> csr_matrix:
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
    rows: Ints, columns: Ints, costs: Floats, entry_rows: Ints, mentors: int, duals: _Duals | None
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


def _solve(graph: _Graph, duals: _Duals | None) -> dict[int, int]:
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


def _open_rows(
    graph: _Graph, chosen: dict[int, int], lists: Shortlists, slots: Ints, *, whole: bool
) -> tuple[dict[int, float], Floats, _Duals | None]:
    """Per mentee row not yet proven, the score a left-out pair must beat, less the mentor's
    price, to be able to improve the run (-inf: list every allowed mentor); the prices; the
    proof itself, when the prices fit the solution."""
    n = len(graph.solve_rows)
    assigned = np.full(n, -1, dtype=np.int64)
    if chosen:
        assigned[list(chosen)] = list(chosen.values())
    own_cost = np.full(n, graph.unmatched)
    is_own = assigned[graph.entry_rows] == graph.entry_columns
    own_cost[graph.entry_rows[is_own]] = graph.entry_costs[is_own]
    found = _prices(graph, assigned, own_cost, slots)
    prices = np.zeros(len(slots)) if found is None else found
    values = own_cost + np.where(assigned >= 0, prices[np.maximum(assigned, 0)], 0.0)
    load = np.bincount(assigned[assigned >= 0], minlength=len(slots))
    # The prices prove the solution only if they fit it: a priced mentor is full, and no
    # mentee is worth more than leaving it unmatched costs (complementary slackness).
    fits = not np.any((prices > TOLERANCE) & (load < slots))
    proof: _Duals | None = None
    if found is None or whole or not fits or np.any(values > graph.unmatched + TOLERANCE):
        prices, values = np.zeros(len(slots)), np.full(n, np.inf)
    else:
        by_row = np.full(len(lists.allowed), np.inf)
        by_row[graph.solve_rows] = values
        listed = graph.solve_rows[graph.entry_rows] * len(slots) + graph.entry_columns
        proof = _Duals(prices, by_row, np.sort(listed))
    left_out_cost = graph.top + 1.0 - lists.left_out[graph.solve_rows]
    # A left-out pair's mentor has room, so its price is at least the lowest such price.
    room = slots > 0
    floor = float(prices[room].min()) if room.any() and np.isfinite(values).all() else 0.0
    unproven = np.flatnonzero(left_out_cost < values - floor - TOLERANCE)
    return (
        {
            int(graph.solve_rows[r]): float(graph.top + 1.0 - values[r] + TOLERANCE)
            for r in unproven
        },
        prices,
        proof,
    )


def _prices(graph: _Graph, assigned: Ints, own_cost: Floats, slots: Ints) -> Floats | None:
    """The smallest mentor prices (>= 0) under which every listed pair is priced fairly: a
    mentee's own pair no dearer than any other on its list. None when no such prices fit the
    solution (a mentor with room priced, a mentee worth more than being unmatched costs): the
    solution is then not the optimum of the listed pairs, and rising prices show it early."""
    mentors = len(slots)
    matched = assigned >= 0
    ceiling = np.full(mentors, graph.unmatched)
    np.minimum.at(ceiling, assigned[matched], graph.unmatched - own_cost[matched])
    ceiling[np.bincount(assigned[matched], minlength=mentors) < slots] = 0.0
    ceiling += TOLERANCE
    prices = np.zeros(mentors)
    alone = assigned[graph.entry_rows] < 0  # a mentee left unmatched: each mentor it lists
    np.maximum.at(prices, graph.entry_columns[alone], graph.unmatched - graph.entry_costs[alone])
    moved = ~alone & (assigned[graph.entry_rows] != graph.entry_columns)
    source = assigned[graph.entry_rows[moved]]
    target = graph.entry_columns[moved]
    step = own_cost[graph.entry_rows[moved]] - graph.entry_costs[moved]
    for _ in range(mentors + 2):
        if np.any(prices > ceiling):
            return None
        raised = prices.copy()
        np.maximum.at(raised, target, prices[source] + step)
        if np.all(raised - prices <= TOLERANCE):
            return raised
        prices = raised
    return None
