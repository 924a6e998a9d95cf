"""The solver's candidate lists (app/services/matching/shortlists.py): each mentee's best
mentors, equally good mentors shared out between mentees, and every mentor with places
listing mentees of its own, so that the first solve can fill every place it could."""

from __future__ import annotations

from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from app.domain.matching.candidate import MatchCandidate
from app.domain.policy.model import MatchingPolicy
from app.services.matching import shortlists as shortlists_module
from app.services.matching.costs import cohort_features
from app.services.matching.shortlists import shortlists, spread_ties
from tests.services.test_matching_engine import cohorts, policies


@st.composite
def ties(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A mask of tied cells, how many each row may take, and the rows' numbers."""
    n, m = draw(st.integers(0, 6)), draw(st.integers(0, 8))
    tied = draw(hnp.arrays(np.bool_, (n, m)))
    room = np.array([draw(st.integers(0, m + 1)) for _ in range(n)], dtype=np.int64)
    rows = np.array(draw(st.lists(st.integers(0, 10_000), min_size=n, max_size=n)))
    return tied, room, rows.astype(np.int64)


@given(ties())
def test_a_row_takes_as_many_of_its_tied_mentors_as_it_has_room_for_and_no_others(
    case: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    tied, room, rows = case
    chosen = spread_ties(tied, room, rows)
    assert not np.any(chosen & ~tied)
    assert chosen.sum(axis=1).tolist() == np.minimum(room, tied.sum(axis=1)).tolist()


def test_mentees_tied_over_the_same_mentors_do_not_all_take_the_first_ones() -> None:
    tied = np.ones((2, 10), dtype=np.bool_)
    chosen = spread_ties(tied, np.array([3, 3]), np.array([0, 1]))
    assert not np.any(chosen[0] & chosen[1])


@settings(max_examples=120, deadline=None)
@given(cohorts(mentees=9, mentors=7), policies, st.integers(1, 4), st.integers(1, 30))
def test_lists_hold_each_mentees_best_and_each_mentors_best_allowed_pairs(
    cohort: tuple[list[MatchCandidate], list[MatchCandidate]],
    policy: MatchingPolicy,
    keep: int,
    block_cells: int,
) -> None:
    mentees, mentors = cohort
    features = cohort_features(mentees, mentors, policy)
    whole = features.block(np.arange(len(mentees), dtype=np.int64))
    with mock.patch.object(shortlists_module, "BLOCK_CELLS", block_cells):
        lists = shortlists(features, len(mentees), keep)
    listed = np.zeros(whole.allowed.shape, dtype=np.bool_)
    listed[lists.rows, lists.columns] = True
    assert len(lists.rows) == listed.sum()  # no pair twice
    assert np.all(whole.allowed[lists.rows, lists.columns])
    assert lists.scores.tolist() == whole.scores[lists.rows, lists.columns].tolist()
    order = np.lexsort((lists.columns, -lists.scores, lists.rows))
    assert order.tolist() == list(range(len(order)))  # by mentee, best first, then column
    scores = np.where(whole.allowed, whole.scores, -np.inf)
    for i in range(len(mentees)):
        allowed = int(whole.allowed[i].sum())
        mine = scores[i][listed[i]]
        assert len(mine) >= min(keep, allowed)
        # Whatever a mentee's list leaves out scores no better than its list's own best
        # `keep`, and `left_out` never claims less than the best of what is left out.
        off = scores[i][~listed[i] & whole.allowed[i]]
        if off.size:
            assert off.max() <= np.sort(mine)[::-1][min(keep, len(mine)) - 1]
            assert lists.left_out[i] >= off.max()
        assert lists.allowed[i] == allowed
    places = np.maximum(features.slots, 0) * shortlists_module.MENTEES_PER_PLACE
    for j in range(len(mentors)):
        reachable = int(whole.allowed[:, j].sum())
        assert listed[:, j].sum() >= min(int(places[j]), reachable)
