"""Improving a solution by chains of moves after a widening (app/services/matching/moves.py):
every change keeps the pairs listed and the mentors within their places, and never costs
more; with nothing left to gain it stops where a solve would."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from app.services.matching.moves import Pairs, improved

UNMATCHED = 100.0


@st.composite
def listed_pairs(draw: st.DrawFn) -> tuple[Pairs, np.ndarray]:
    """A few rows and mentors, some listed pairs with small integer costs, and a valid
    (not necessarily good) assignment of them."""
    rows, mentors = draw(st.integers(1, 7)), draw(st.integers(1, 4))
    cells = draw(
        st.sets(st.tuples(st.integers(0, rows - 1), st.integers(0, mentors - 1)), min_size=1)
    )
    listed = sorted(cells)
    costs = [float(draw(st.integers(1, 6))) for _ in listed]
    slots = np.array([draw(st.integers(1, 2)) for _ in range(mentors)], dtype=np.int64)
    assigned = np.full(rows, -1, dtype=np.int64)
    load = np.zeros(mentors, dtype=np.int64)
    for row, column in listed:
        if assigned[row] < 0 and load[column] < slots[column] and draw(st.booleans()):
            assigned[row], load[column] = column, load[column] + 1
    pairs = Pairs(
        np.array([r for r, _ in listed], dtype=np.int64),
        np.array([c for _, c in listed], dtype=np.int64),
        np.array(costs),
        UNMATCHED,
        slots,
    )
    return pairs, assigned


def cost_of(pairs: Pairs, assigned: np.ndarray) -> float:
    cost = {
        (int(r), int(c)): float(x)
        for r, c, x in zip(pairs.rows, pairs.columns, pairs.costs, strict=True)
    }
    return sum(UNMATCHED if c < 0 else cost[(r, int(c))] for r, c in enumerate(assigned))


def optimum(pairs: Pairs, rows: int) -> float:
    columns = np.repeat(np.arange(len(pairs.slots)), pairs.slots)
    matrix = np.full((rows, len(columns) + rows), 1e9)
    for r, c, x in zip(pairs.rows, pairs.columns, pairs.costs, strict=True):
        matrix[r, np.flatnonzero(columns == c)] = x
    matrix[np.arange(rows), len(columns) + np.arange(rows)] = UNMATCHED
    picked = linear_sum_assignment(matrix)
    return float(matrix[picked].sum())


@settings(max_examples=300, deadline=None)
@given(listed_pairs())
def test_moves_keep_every_pair_listed_and_every_mentor_within_places_and_never_cost_more(
    case: tuple[Pairs, np.ndarray],
) -> None:
    pairs, assigned = case
    better = improved(pairs, assigned)
    if better is None:  # left to a solve
        return
    listed = set(zip(pairs.rows.tolist(), pairs.columns.tolist(), strict=True))
    assert all(c < 0 or (r, c) in listed for r, c in enumerate(better.tolist()))
    load = np.bincount(better[better >= 0], minlength=len(pairs.slots))
    assert np.all(load <= pairs.slots)
    assert cost_of(pairs, better) <= cost_of(pairs, assigned) + 1e-9
    # Where it stops on its own, nothing is left to gain: the optimum of the listed pairs.
    assert cost_of(pairs, better) == optimum(pairs, len(assigned))


def test_an_unmatched_mentee_takes_a_free_place_by_moving_the_holder_of_its_only_choice() -> None:
    # Row 1 lists only mentor 0, held by row 0, who may also take mentor 1 at a small loss.
    pairs = Pairs(
        np.array([0, 0, 1]),
        np.array([0, 1, 0]),
        np.array([1.0, 2.0, 1.0]),
        UNMATCHED,
        np.array([1, 1]),
    )
    better = improved(pairs, np.array([0, -1]))
    assert better is not None
    assert better.tolist() == [1, 0]
