"""The cohort's best assignment, found on the shortlists and widened until proven.

Leaving pairs out is safe only where it is proven (`optimality`). A mentee whose best
left-out pair cannot improve the run is proven; the others get exactly the pairs that
could, and the run is solved again (`solver_graph`), or its last solution improved by a few
moves (`moves`), until no pair could: the result is the optimum of the whole cohort's graph,
as the dense solver finds it. A mentee left unmatched is such a mentee: its list widens to
every allowed mentor who still has room.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.services.matching.moves import Pairs, improved
from app.services.matching.optimality import open_rows
from app.services.matching.shortlists import Shortlists
from app.services.matching.solver_graph import Duals, Floats, Ints, SolverGraph, solve, solver_graph

Widen = Callable[[Shortlists, dict[int, float], Floats], tuple[Shortlists, int]]

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


def best_assignment(
    lists: Shortlists, slots: Ints, free: NDArray[np.bool_], widen: Widen
) -> Assignment:
    """The cohort's optimum for the `free` rows: solved on the lists, widened until proven.
    After a widening, the last solution is solved again only when the new pairs can improve
    it: most widenings only prove that they cannot, and a solve is most of a run's time."""
    rounds = solves = 0
    duals: Duals | None = None
    last: dict[int, int] | None = None  # mentee row -> mentor column of the last solution
    while True:
        rounds += 1
        graph = solver_graph(lists, slots, free)
        whole = rounds > ROUNDS_BEFORE_WHOLE_LISTS
        chosen = None if last is None or whole else _moved(graph, last, slots)
        proven = None if chosen is None else open_rows(graph, chosen, lists, slots, whole=whole)
        if chosen is None or proven is None or proven[2] is None:
            solves += 1
            chosen = solve(graph, duals)
            proven = open_rows(graph, chosen, lists, slots, whole=whole)
        bounds, prices, duals = proven
        last = {int(graph.solve_rows[r]): column for r, column in chosen.items()}
        if bounds:
            lists, added = widen(lists, bounds, prices)
        if not bounds or not added:
            pairs = _ties_to_lower_ids(last, lists, slots, graph.solve_rows)
            return Assignment(pairs, graph.shape, rounds, lists, solves)


def _moved(graph: SolverGraph, last: dict[int, int], slots: Ints) -> dict[int, int] | None:
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
