"""A matching run's states (issue 20 item 3; runs computed in the background, runjobs): a run
waits (queued, computing), then has proposals (computed, published) or failed; only a run with
proposals is read, only a computed one published, and only once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import Conflict
from app.domain.matching.run_state import (
    HAS_PROPOSALS,
    PENDING,
    RunState,
    not_computed,
    publish_refusal,
)


def test_every_run_state_is_pending_or_has_proposals_or_failed():
    assert PENDING.isdisjoint(HAS_PROPOSALS)
    assert set(RunState) - PENDING - HAS_PROPOSALS == {RunState.FAILED}


@given(st.sampled_from(sorted(PENDING)))
def test_a_pending_run_is_refused_as_not_computed_yet(state):
    refusal = not_computed(state)
    assert isinstance(refusal, Conflict)
    assert (refusal.field, refusal.rule) == ("id", "run_computed")
    assert "not computed yet" in refusal.detail


def test_a_failed_run_is_refused_as_having_no_proposals():
    assert "it has no proposals" in not_computed(RunState.FAILED).detail


def test_a_published_run_is_not_published_twice():
    refusal = publish_refusal(RunState.PUBLISHED)
    assert refusal.detail == "this matching run is already published"
    assert refusal.rule is None


@given(st.sampled_from(sorted(set(RunState) - {RunState.PUBLISHED, RunState.COMPUTED})))
def test_a_run_without_proposals_is_refused_publishing_as_not_computed(state):
    refusal = publish_refusal(state)
    assert refusal.rule == "run_computed"
    assert str(state) in refusal.detail
