"""Charlotte: "Every effort will be made" to rematch; a declined mentor is never proposed again."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import TransitionRefused
from app.domain.lifecycle.parties import Party
from app.domain.rematch import PendingRematch, decline, excluded_mentors, pending


def test_declining_with_nothing_pending_is_refused_by_name():
    with pytest.raises(TransitionRefused) as refused:
        pending(None)
    assert refused.value.rule == "no_rematch_pending"


def test_a_pending_change_reads_back_as_stored():
    stored = {"asked_by": "mentor", "mentor_id": "m2", "score": 1.0, "declined": ["m1"]}
    assert pending(stored) == PendingRematch(Party.MENTOR, "m2", ("m1",))
    # Proposals stored before declines existed have none.
    assert pending({"asked_by": "mentee", "mentor_id": "m1"}).declined == ()


@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=10))
def test_every_declined_mentor_stays_excluded_with_the_mentor_left(proposed):
    """Whatever is proposed and declined in turn, the excluded set only grows."""
    declined: tuple[str, ...] = ()
    for mentor in proposed:
        before = excluded_mentors("old", declined)
        declined = decline(PendingRematch(Party.MENTEE, mentor, declined))
        after = excluded_mentors("old", declined)
        assert before <= after
        assert {"old", mentor} <= after
    assert len(declined) == len(set(declined))
    assert set(declined) == set(proposed)
