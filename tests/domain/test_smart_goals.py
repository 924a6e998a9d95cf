"""NC's SMART goals (seed 003 "Expectations": "setting SMART goals")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.smart_goals import SMART_FIELDS, check_smart

SMART = {
    "measure": "approved",
    "achievable": "yes",
    "relevant": "my role",
    "due_on": "2027-11-30",
}


def test_a_smart_goal_states_its_measure_achievability_relevance_and_due_date() -> None:
    # seed 003_e5d42bff8b56600f.txt: the mentee commits to "setting SMART goals".
    assert check_smart("objective", SMART, required=True) == SMART
    with pytest.raises(InvalidInput) as refused:
        check_smart("objective", None, required=True)
    assert refused.value.rule == "smart_goals"
    assert check_smart("action_step", None, required=True) is None
    assert check_smart("goal", None, required=False) is None


@given(st.sampled_from(SMART_FIELDS))
def test_each_smart_field_is_needed(missing: str) -> None:
    given_fields = {k: v for k, v in SMART.items() if k != missing}
    with pytest.raises(InvalidInput) as refused:
        check_smart("goal", given_fields, required=True)
    assert refused.value.field == f"smart.{missing}"


def test_a_due_date_is_a_date() -> None:
    with pytest.raises(InvalidInput) as refused:
        check_smart("goal", {**SMART, "due_on": "soon"}, required=True)
    assert refused.value.field == "smart.due_on"
