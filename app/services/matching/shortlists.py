"""Each mentee's shortlist: its best allowed mentors by score, the only pairs the solver sees.

Built a block of mentees at a time from the run's `CohortFeatures`, so a large cohort's full
matrix never sits in memory at once; rows can be widened later with every allowed mentor scoring
above a bound (what `assignment` asks for when it cannot prove a shortlist was enough).
Entries are kept sorted by mentee, then best score first, ties to the lower mentor column:
runners-up and explanations read them in that order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from app.services.matching.costs import CohortFeatures, CohortMatrices

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Mask = NDArray[np.bool_]

# Cells of the mentee x mentor matrices built at once: bounds the memory of a run, and how
# long one numpy call holds the interpreter (the event loop waits on it meanwhile).
BLOCK_CELLS = 500_000


@dataclass(frozen=True, slots=True)
class Shortlists:
    """Entry e pairs mentee row `rows[e]` with mentor column `columns[e]` at `scores[e]`.

    `allowed[i]` counts the mentors row i may have at all; `left_out[i]` is the best score
    of an allowed mentor not on its list (-inf: none left out); `refused_by[i]` counts, per
    hard rule, the mentors refused for a row nobody may mentor.
    """

    rows: Ints
    columns: Ints
    scores: Floats
    allowed: Ints
    left_out: Floats
    refused_by: dict[int, dict[str, int]]
    # Where each row's entries start (row i: starts[i] to starts[i + 1]), found once.
    starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rows = np.arange(len(self.allowed) + 1, dtype=np.int64)
        object.__setattr__(self, "starts", np.searchsorted(self.rows, rows).tolist())

    def of(self, row: int) -> tuple[Ints, Floats]:
        """Row's candidate columns and scores, best first."""
        start, end = self.starts[row], self.starts[row + 1]
        return self.columns[start:end], self.scores[start:end]


def shortlists(features: CohortFeatures, mentees: int, keep: int) -> Shortlists:
    """Every mentee's `keep` best allowed mentors, a block of mentees at a time."""
    rows = np.arange(mentees, dtype=np.int64)
    parts = [_best_of(block, keep, first) for first, block in _blocks(features, rows)]
    refused: dict[int, dict[str, int]] = {}
    for part in parts:
        refused.update(part.refused_by)
    return Shortlists(
        _joined([p.rows for p in parts], np.int64),
        _joined([p.columns for p in parts], np.int64),
        _joined([p.scores for p in parts], np.float64),
        _joined([p.allowed for p in parts], np.int64),
        _joined([p.left_out for p in parts], np.float64),
        refused,
    )


def widened(
    lists: Shortlists,
    features: CohortFeatures,
    bounds: dict[int, float],
    prices: Floats,
    most: int,
) -> tuple[Shortlists, int]:
    """The lists with, for each row in `bounds`, the allowed mentors j not yet listed whose
    score beats `bounds[row] + prices[j]`, at most `most` of them, those beating it by the
    most (ties to the lower column); and how many entries that added. A row still has more
    such mentors left out only if the next solve cannot prove it needs none of them."""
    rows = np.array(sorted(bounds), dtype=np.int64)
    added: list[tuple[Ints, Ints, Floats]] = []
    left_out = lists.left_out.copy()
    for first, block in _blocks(features, rows):
        at = rows[first : first + block.allowed.shape[0]]
        open_scores = np.where(block.allowed, block.scores, -np.inf)
        listed, columns = _entries_of(lists, at)
        open_scores[listed, columns] = -np.inf
        limit = np.array([bounds[row] for row in at.tolist()])[:, None] + prices[None, :]
        better = _best(open_scores - limit, most)
        r, c = np.nonzero(better)
        added.append((at[r], c.astype(np.int64), open_scores[r, c]))
        open_scores[better] = -np.inf
        left_out[at] = open_scores.max(axis=1, initial=-np.inf)
    new_rows = np.concatenate([lists.rows, *(a[0] for a in added)])
    new_columns = np.concatenate([lists.columns, *(a[1] for a in added)])
    new_scores = np.concatenate([lists.scores, *(a[2] for a in added)])
    order = np.lexsort((new_columns, -new_scores, new_rows))
    grown = Shortlists(
        new_rows[order],
        new_columns[order],
        new_scores[order],
        lists.allowed,
        left_out,
        lists.refused_by,
    )
    return grown, len(new_rows) - len(lists.rows)


def _best(margins: Floats, most: int) -> Mask:
    """Per row, the (at most) `most` largest positive margins; ties at the cut to the lower
    column, so however many mentors tie, a round adds no more than `most` per row."""
    positive: Mask = margins > 0
    if most >= margins.shape[1]:
        return positive
    cut = -np.partition(-margins, most - 1, axis=1)[:, most - 1]
    above = positive & (margins > cut[:, None])
    tied = positive & (margins == cut[:, None])
    room = most - above.sum(axis=1)
    kept: Mask = above | (tied & (np.cumsum(tied, axis=1) <= room[:, None]))
    return kept


def _entries_of(lists: Shortlists, rows: Ints) -> tuple[Ints, Ints]:
    """(position in `rows`, mentor column) of every listed entry of `rows`."""
    starts = np.asarray(lists.starts, dtype=np.int64)
    first, sizes = starts[rows], starts[rows + 1] - starts[rows]
    at = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
    offsets = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(sizes) - sizes, sizes
    )
    return at, lists.columns[np.repeat(first, sizes) + offsets]


def _blocks(features: CohortFeatures, rows: Ints) -> Iterator[tuple[int, CohortMatrices]]:
    """(position in `rows` of the block's first, its matrices), one block alive at a time."""
    step = max(1, BLOCK_CELLS // max(features.mentors, 1))
    for first in range(0, len(rows), step):
        yield first, features.block(rows[first : first + step])


def _best_of(block: CohortMatrices, keep: int, first: int) -> Shortlists:
    """The block's rows' `keep` best allowed columns; ties at the cut go to the lower column."""
    n, m = block.allowed.shape
    scores = np.where(block.allowed, block.scores, -np.inf)
    k = min(keep, m)
    cut = np.full(n, np.inf) if k == 0 else -np.partition(-scores, k - 1, axis=1)[:, k - 1]
    above = scores > cut[:, None]
    tied = (scores == cut[:, None]) & block.allowed
    room = k - above.sum(axis=1)
    kept = above | (tied & (np.cumsum(tied, axis=1) <= room[:, None]))
    r, c = np.nonzero(kept)
    order = np.lexsort((c, -scores[r, c], r))
    allowed = block.allowed.sum(axis=1).astype(np.int64)
    refused = {
        first + int(i): {
            rule.value: int(np.count_nonzero(mask[i]))
            for rule, mask in block.refused.items()
            if mask[i].any()
        }
        for i in np.flatnonzero(allowed == 0).tolist()
    }
    return Shortlists(
        (r[order] + first).astype(np.int64),
        c[order].astype(np.int64),
        scores[r, c][order],
        allowed,
        np.where(kept, -np.inf, scores).max(axis=1, initial=-np.inf),
        refused,
    )


def _joined(parts: list[NDArray[Any]], dtype: type[np.generic]) -> NDArray[Any]:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
