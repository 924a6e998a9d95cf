"""A ranked shortlist counts by rank in matching (issue 22, item 6)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.score import rank_value, stated_preference


def test_the_protege_interviews_the_suggested_mentors_and_their_first_choice_counts_most():
    # seed 004_5b4c852a2ca2c393.txt "Interview between mentor & protégé: ... Protégé then
    # contacts/interviews the suggested mentors": after the interviews their ranking decides.
    mentee = MatchCandidate(
        "p", 3, preferred_mentors=frozenset({"a", "b", "c"}), ranked_mentors=("b", "a", "c")
    )
    values = {m: stated_preference(mentee, MatchCandidate(m, 9)) for m in ("a", "b", "c", "d")}
    assert values["b"] == 1.0
    assert values["b"] > values["a"] > values["c"] > values["d"] == 0.0


@given(st.lists(st.integers(0, 50), min_size=1, max_size=20, unique=True))
def test_each_ranked_mentor_counts_less_than_the_one_before_and_more_than_none(ranked):
    order = tuple(ranked)
    values = [rank_value(order, m) for m in order]
    assert values[0] == 1.0
    assert all(a > b > 0.0 for a, b in pairwise(values))
    assert rank_value(order, -1) == 0.0
