"""The proof that a solution is the cohort's best, and what a list must add where it is not.

From a solution, each mentor gets a price (the smallest dual prices that fit it, found by
relaxing the listed pairs) and each mentee a value; a pair left off a list could improve the
run only if the mentee's value minus the mentor's price exceeds the pair's cost (LP duality:
the problem is totally unimodular). A mentee whose best left-out pair cannot is proven.
"""

from __future__ import annotations

import numpy as np

from app.services.matching.shortlists import Shortlists
from app.services.matching.solver_graph import TOLERANCE, Duals, Floats, Ints, SolverGraph


def open_rows(
    graph: SolverGraph, chosen: dict[int, int], lists: Shortlists, slots: Ints, *, whole: bool
) -> tuple[dict[int, float], Floats, Duals | None]:
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
    proof: Duals | None = None
    if found is None or whole or not fits or np.any(values > graph.unmatched + TOLERANCE):
        prices, values = np.zeros(len(slots)), np.full(n, np.inf)
    else:
        by_row = np.full(len(lists.allowed), np.inf)
        by_row[graph.solve_rows] = values
        listed = graph.solve_rows[graph.entry_rows] * len(slots) + graph.entry_columns
        proof = Duals(prices, by_row, np.sort(listed))
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


def _prices(graph: SolverGraph, assigned: Ints, own_cost: Floats, slots: Ints) -> Floats | None:
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
