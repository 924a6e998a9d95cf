"""Domain states written into SQL text: in their enum's order, so a statement and a partial
index read the same in every process (a set's order changes with the hash seed)."""

from __future__ import annotations

from enum import StrEnum

import pytest

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories.matching import queue as run_queue
from app.adapters.db.sql import literals
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.run_state import PENDING, RunState


def test_states_are_written_in_their_enums_order():
    assert literals(PENDING) == "'queued', 'computing'"
    assert literals(OPEN_STATES) == "'proposed', 'confirmed', 'active'"
    assert literals(reversed(list(RunState))) == (
        "'queued', 'computing', 'computed', 'failed', 'published'"
    )


def test_the_queue_claims_with_the_pending_indexs_own_predicate():
    (index,) = [i for i in tp.matching_runs.indexes if i.name == "ix_matching_runs_pending"]
    predicate = str(index.dialect_options["postgresql"]["where"])
    assert predicate == "state IN ('queued', 'computing')"
    assert f"WHERE {predicate} AND" in run_queue._CLAIM.sql


def test_a_value_that_is_not_a_plain_name_is_refused():
    class Odd(StrEnum):
        QUOTE = "it's"

    with pytest.raises(ValueError, match="plain state name"):
        literals([Odd.QUOTE])
