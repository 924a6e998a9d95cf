"""Each mentee's shortlist: its best allowed mentors by score, the only pairs the solver sees.

Built a block of mentees at a time from the run's `CohortFeatures`, so a large cohort's full
matrix never sits in memory at once; rows can be widened later with every allowed mentor scoring
above a bound (what `assignment` asks for when it cannot prove a shortlist was enough).
Entries are kept sorted by mentee, then best score first, ties to the lower mentor column:
runners-up and explanations read them in that order.

The lists are spread so that the first solve is, as a rule, the last. Cohorts are full of equal
scores; were the mentors tied at a list's cut chosen by lowest column, every mentee would list
the same few and the solve would leave mentees unmatched while other mentors had room, each of
them then widened to every allowed mentor. So ties at the cut go round the mentors from a column
that differs row by row, and each mentor with places also lists its own best mentees
(`MENTEES_PER_PLACE` a place): every mentor with room can be reached, and what the solution
proves (LP duality, `assignment`) covers the rest of the cohort.
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
# Mentees each mentor lists per place of its own, besides those listing it: enough for the
# solve to fill every place a mentee could take, few beside a mentee's own list.
MENTEES_PER_PLACE = 2
# Where a row's tie-break starts going round the columns: the golden ratio spreads the starts
# of consecutive rows evenly over the columns.
_SPREAD = 0.6180339887498949


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
    """Every mentee's `keep` best allowed mentors (ties at the cut spread over the mentors),
    and each mentor's best allowed mentees beside them, a block of mentees at a time.
    `left_out` stays the best score off the mentee's own list: at least the best score off
    its whole list, so a proof that reads it is only ever more cautious."""
    rows = np.arange(mentees, dtype=np.int64)
    reach = _MentorSide(np.maximum(features.slots, 0) * MENTEES_PER_PLACE, mentees)
    parts = []
    for first, block in _blocks(features, rows):
        part, kept, scores = _best_of(block, keep, first)
        reach.add(scores, kept, first)
        parts.append(part)
    refused: dict[int, dict[str, int]] = {}
    for part in parts:
        refused.update(part.refused_by)
    extra_rows, extra_columns, extra_scores = reach.entries()
    new_rows = np.concatenate([_joined([p.rows for p in parts], np.int64), extra_rows])
    new_columns = np.concatenate([_joined([p.columns for p in parts], np.int64), extra_columns])
    new_scores = np.concatenate([_joined([p.scores for p in parts], np.float64), extra_scores])
    order = np.lexsort((new_columns, -new_scores, new_rows))
    return Shortlists(
        new_rows[order],
        new_columns[order],
        new_scores[order],
        _joined([p.allowed for p in parts], np.int64),
        _joined([p.left_out for p in parts], np.float64),
        refused,
    )


class _MentorSide:
    """Each mentor's `most[j]` best mentees seen so far (-inf: none), kept as the blocks of
    mentees go by: a block's pair is looked at only if it beats the worst its mentor keeps,
    few once the first blocks have been seen. Ties go round the mentees from a row that
    differs mentor by mentor (its `key`), so mentors share out equally good mentees."""

    def __init__(self, most: Ints, mentees: int) -> None:
        self.most, self.mentees = most, mentees
        self.depth = int(most.max(initial=0))
        self.start = _starts(np.arange(len(most), dtype=np.int64), mentees)
        self.scores: Floats = np.full((len(most), self.depth), -np.inf)
        self.rows: Ints = np.zeros((len(most), self.depth), dtype=np.int64)
        self.keys: Ints = np.full((len(most), self.depth), mentees, dtype=np.int64)

    def add(self, scores: Floats, listed: Mask, first: int) -> None:
        """Take in a block's scores (rows from `first`, -inf where refused), but for the
        pairs already `listed` on their mentee's own list."""
        if self.depth == 0:
            return
        worst, worst_key = self.scores[:, -1], self.keys[:, -1]
        open_scores = np.where(listed, -np.inf, scores)
        if len(scores) > self.depth and not np.isfinite(worst).all():
            # A first block: all its pairs beat "none kept"; the block's own depth-th best
            # score of each mentor bounds those that can be kept, at the cost of one partition.
            cut = -np.partition(-open_scores, self.depth - 1, axis=0)[self.depth - 1]
            worst = np.maximum(worst, cut)
        r, c = np.nonzero(open_scores >= worst)
        found, rows = open_scores[r, c], r + first
        keys = (rows - self.start[c]) % self.mentees
        better = np.isfinite(found) & ((found > worst[c]) | (keys < worst_key[c]))
        if not better.any():
            return
        c, found, rows, keys = c[better], found[better], rows[better], keys[better]
        mentors = len(self.most)
        columns = np.concatenate([np.repeat(np.arange(mentors), self.depth), c])
        values = np.concatenate([self.scores.ravel(), found])
        rows = np.concatenate([self.rows.ravel(), rows])
        ranks = np.concatenate([self.keys.ravel(), keys])
        order = np.lexsort((ranks, -values, columns))
        sizes = self.depth + np.bincount(c, minlength=mentors)
        rank = np.arange(len(order)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        kept = order[rank < self.depth]
        self.scores = values[kept].reshape(mentors, self.depth)
        self.rows = rows[kept].reshape(mentors, self.depth)
        self.keys = ranks[kept].reshape(mentors, self.depth)

    def entries(self) -> tuple[Ints, Ints, Floats]:
        """(mentee row, mentor column, score) of each mentor's `most` best mentees."""
        rank = np.arange(self.depth)[None, :]
        kept = (rank < self.most[:, None]) & np.isfinite(self.scores)
        columns = np.broadcast_to(np.arange(len(self.most))[:, None], self.scores.shape)
        return self.rows[kept], columns[kept].astype(np.int64), self.scores[kept]


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
        better = _best(open_scores - limit, most, at)
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


def _best(margins: Floats, most: int, rows: Ints) -> Mask:
    """Per row, the (at most) `most` largest positive margins; ties at the cut spread as in a
    first list, so however many mentors tie, a round adds no more than `most` per row."""
    positive: Mask = margins > 0
    if most >= margins.shape[1]:
        return positive
    cut = -np.partition(-margins, most - 1, axis=1)[:, most - 1]
    above = positive & (margins > cut[:, None])
    tied = positive & (margins == cut[:, None])
    room = most - above.sum(axis=1)
    kept: Mask = above | spread_ties(tied, room, rows)
    return kept


def _starts(numbers: Ints, size: int) -> Ints:
    """Where going round `size` places starts for each of `numbers`: evenly spread."""
    starts: Ints = np.floor((numbers * _SPREAD) % 1.0 * size).astype(np.int64)
    return starts


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


def _best_of(block: CohortMatrices, keep: int, first: int) -> tuple[Shortlists, Mask, Floats]:
    """The block's rows' `keep` best allowed columns (ties at the cut spread), which they
    are, and the block's scores (-inf where refused)."""
    n, m = block.allowed.shape
    scores = np.where(block.allowed, block.scores, -np.inf)
    k = min(keep, m)
    cut = np.full(n, np.inf) if k == 0 else -np.partition(-scores, k - 1, axis=1)[:, k - 1]
    above = scores > cut[:, None]
    tied = (scores == cut[:, None]) & block.allowed
    room = k - above.sum(axis=1)
    kept = above | spread_ties(tied, room, np.arange(first, first + n, dtype=np.int64))
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
    part = Shortlists(
        (r[order] + first).astype(np.int64),
        c[order].astype(np.int64),
        scores[r, c][order],
        allowed,
        np.where(kept, -np.inf, scores).max(axis=1, initial=-np.inf),
        refused,
    )
    return part, kept, scores


def spread_ties(tied: Mask, room: Ints, rows: Ints) -> Mask:
    """Per row, the first `room[i]` of its tied columns going round from column
    `start(rows[i])` (all of them when fewer): equally good mentors are shared out between
    mentees instead of every mentee taking the lowest columns."""
    n, m = tied.shape
    if n == 0 or m == 0:
        return np.zeros((n, m), dtype=np.bool_)
    start = _starts(rows, m)
    counts = np.cumsum(tied, axis=1)
    before = np.where(start > 0, counts[np.arange(n), start - 1], 0)
    from_start: Ints = counts[:, -1] - before
    late = np.arange(m)[None, :] >= start[:, None]
    chosen: Mask = tied & np.where(
        late,
        counts - before[:, None] <= room[:, None],
        counts <= (room - from_start)[:, None],
    )
    return chosen


def _joined(parts: list[NDArray[Any]], dtype: type[np.generic]) -> NDArray[Any]:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
