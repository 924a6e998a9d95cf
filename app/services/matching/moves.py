"""Improving a solution by a few moves instead of solving again, after a widening.

A widening that adds pairs to a proven solution usually changes it little: a mentee left
unmatched takes a place whose holder moves on, or a few mentees trade mentors. Each such
change is a chain of moves found by the same price relaxation that proves a solution (a
mentee moving from mentor a to mentor b raises b's price to a's plus what the move gains):
a price that outgrows what the solution allows ends a chain that gains (a mentor with room
priced, or a mentee now better off unmatched), and following each price back to the move
that set it finds that chain. A few chains are applied this way; more, and the solver is
faster. What comes out is only a candidate: it is proven like any solve's answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.services.matching.solver_graph import TOLERANCE

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

# Passes of the relaxation beyond which a solve is faster; and chains that would match one
# more mentee each, found in one pass: more, and many passes would follow (a solve is faster).
MOST_PASSES = 40
MOST_MORE_MATCHED = 64
# Relaxation steps, over all passes, before a solve is faster: a step reads every listed
# pair once, a solve each pair once per place of its mentor, many times over. Prices settle
# in a handful of steps, unless mentees trading around a loop gain little at each turn.
MOST_STEPS = 100


@dataclass(frozen=True, slots=True)
class Pairs:
    """The listed pairs of a solve: solver row, mentor column and cost of each."""

    rows: Ints
    columns: Ints
    costs: Floats
    unmatched: float  # the cost of leaving a row unmatched
    slots: Ints  # places of each mentor


def improved(pairs: Pairs, assigned: Ints) -> Ints | None:
    """`assigned` (mentor column per solver row, -1: unmatched) after every gaining chain of
    moves, or None when finding them takes more than `MOST_PASSES` passes (or one cannot be
    followed): a solve is then faster."""
    order = np.argsort(pairs.columns, kind="stable")
    by_mentor = Pairs(
        pairs.rows[order], pairs.columns[order], pairs.costs[order], pairs.unmatched, pairs.slots
    )
    assigned = assigned.copy()
    steps = [MOST_STEPS]  # left for the whole improvement, shared by its passes
    for _ in range(MOST_PASSES):
        chains = _gaining_chains(by_mentor, assigned, steps)
        if chains is None:
            return assigned
        if not chains:
            return None
        for chain in chains:
            for row, column in chain:
                assigned[row] = column
    return None


def _gaining_chains(
    pairs: Pairs, assigned: Ints, steps: list[int]
) -> list[list[tuple[int, int]]] | None:
    """Chains of moves (row, its new column or -1), each lowering the total cost and none
    sharing a mentor or a row with another, so all can be made at once; None when the prices
    settle within what the solution allows (no chain gains); [] when none can be followed.
    `pairs` come in mentor order: each mentor's best offer is one reduction over its run."""
    mentors = len(pairs.slots)
    own_cost, ceiling, holder = _limits(pairs, assigned)
    columns = pairs.columns
    starts = np.flatnonzero(np.diff(columns, prepend=-1))
    listed = columns[starts]
    source = assigned[pairs.rows]
    source[source < 0] = mentors  # an unmatched row moves from a place priced 0
    gain = own_cost[pairs.rows] - pairs.costs  # 0 on a row's own pair
    prices = np.zeros(mentors + 1)
    by = np.full(mentors, -1, dtype=np.int64)  # the pair that set each mentor's price
    while steps[0] > 0:
        steps[0] -= 1
        over = np.flatnonzero(prices[:mentors] > ceiling)
        if np.count_nonzero(holder[over] < 0) > MOST_MORE_MATCHED:
            return []
        if len(over):
            trail = (by, own_cost)
            return _disjoint([_chain(pairs, assigned, trail, end, holder) for end in over.tolist()])
        offered = prices[source] + gain
        best = np.maximum.reduceat(offered, starts) if len(starts) else offered[:0]
        # Rises within rounding are ignored, so every price is the one its pair set.
        rose = best > prices[listed] + TOLERANCE
        if not rose.any():
            return None
        prices[listed[rose]] = best[rose]
        raised = np.zeros(mentors + 1, dtype=np.bool_)
        raised[listed[rose]] = True
        setting = np.flatnonzero(raised[columns] & (offered >= prices[columns]))
        by[columns[setting]] = setting
    return []


def _disjoint(chains: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """The chains (in order) that share no row and no mentor with an earlier one kept."""
    rows: set[int] = set()
    columns: set[int] = set()
    kept = []
    for chain in chains:
        if not chain:
            continue
        mine_rows = {row for row, _ in chain}
        mine_columns = {column for _, column in chain if column >= 0}
        if mine_rows & rows or mine_columns & columns:
            continue
        rows |= mine_rows
        columns |= mine_columns
        kept.append(chain)
    return kept


def _limits(pairs: Pairs, assigned: Ints) -> tuple[Floats, Floats, Ints]:
    """Each row's own cost; the highest price each mentor may have (none with room left; no
    holder worth more than being unmatched); the holder each ceiling is set by."""
    mentors = len(pairs.slots)
    own_cost = np.full(len(assigned), pairs.unmatched)
    is_own = assigned[pairs.rows] == pairs.columns
    own_cost[pairs.rows[is_own]] = pairs.costs[is_own]
    matched = np.flatnonzero(assigned >= 0)
    ceiling = np.full(mentors, pairs.unmatched)
    np.minimum.at(ceiling, assigned[matched], pairs.unmatched - own_cost[matched])
    holder = np.full(mentors, -1, dtype=np.int64)
    dearest = matched[np.argsort(own_cost[matched], kind="stable")]
    holder[assigned[dearest]] = dearest  # the last written is the dearest of each mentor
    room = np.bincount(assigned[matched], minlength=mentors) < pairs.slots
    ceiling[room] = 0.0
    holder[room] = -1
    return own_cost, ceiling + TOLERANCE, holder


def _chain(
    pairs: Pairs, assigned: Ints, trail: tuple[Ints, Floats], end: int, holder: Ints
) -> list[tuple[int, int]]:
    """The moves that priced mentor `end`, followed back to an unmatched row; with, when
    `end` is full, its dearest holder leaving. Where the trail loops back on itself, the loop
    alone: mentees trading mentors, kept only if the trade gains. [] when neither."""
    by, own_cost = trail
    chain: list[tuple[int, int]] = []
    gains: list[float] = []
    seen: dict[int, int] = {}  # column -> its place in the chain
    column = end
    while column >= 0:
        if column in seen:
            loop = seen[column]
            return chain[loop:] if sum(gains[loop:]) > TOLERANCE else []
        if by[column] < 0:
            return []
        seen[column] = len(chain)
        entry = int(by[column])
        row = int(pairs.rows[entry])
        chain.append((row, column))
        gains.append(float(own_cost[row] - pairs.costs[entry]))
        column = int(assigned[row])
    return chain if holder[end] < 0 else [(int(holder[end]), -1), *chain]
