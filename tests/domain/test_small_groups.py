"""Reports never show the answers of a group under five."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.small_groups import SMALLEST_GROUP, aggregate, suppress_counts

scores = st.lists(st.integers(1, 5).map(float), max_size=30)


@given(scores)
def test_a_mean_is_shown_only_for_five_answers_or_more(values):
    found = aggregate(values)
    assert (found.mean is None) == (len(values) < SMALLEST_GROUP)
    if found.mean is not None:
        assert 1 <= found.mean <= 5


@given(st.dictionaries(st.sampled_from(["continue", "rematched", "withdrawn"]), st.integers(0, 20)))
def test_small_nonzero_counts_are_hidden(counts):
    shown = suppress_counts(counts)
    for key, n in counts.items():
        assert shown[key] == (n if n == 0 or n >= SMALLEST_GROUP else None)


def test_four_answers_are_suppressed_and_five_are_not():
    assert aggregate([5, 5, 5, 1]).suppressed
    assert aggregate([5, 5, 5, 1, 4]).mean == 4.0
