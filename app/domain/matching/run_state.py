"""A matching run's states: `queued` and `computing` while the background computes it, then
`computed` or `failed`; `published` once its proposals became mentorships. Only a computed
run has proposals to read or publish."""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import Conflict


class RunState(StrEnum):
    """Where a matching run is; the order is the run's life."""

    QUEUED = "queued"
    COMPUTING = "computing"
    COMPUTED = "computed"
    FAILED = "failed"
    PUBLISHED = "published"


# Waiting for the background: a poller is told when to ask again.
PENDING = frozenset({RunState.QUEUED, RunState.COMPUTING})
# A run whose proposals may be read.
HAS_PROPOSALS = frozenset({RunState.COMPUTED, RunState.PUBLISHED})


def not_computed(state: RunState) -> Conflict:
    """The refusal of reading or publishing a run that has no proposals (yet)."""
    if state in PENDING:
        detail = f"this matching run is {state}: its proposals are not computed yet"
    else:
        detail = f"this matching run is {state}: it has no proposals"
    return Conflict(detail, field="id", rule="run_computed")


def publish_refusal(state: RunState) -> Conflict:
    """Why a run in `state` cannot be published: only a computed run can, and only once."""
    if state is RunState.PUBLISHED:
        return Conflict("this matching run is already published", field="id")
    return not_computed(state)
