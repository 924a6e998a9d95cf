"""NC's conclusion: the final meeting reviews the plan's outcomes; they reach the coordinator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.forms.handbooks import NC_OUTCOME_REVIEW
from app.domain.outcome_review import PlanItem, require_outcomes, shared_with_coordinator


def test_the_review_waits_for_each_goal_and_objectives_outcome() -> None:
    # seed 003_e5d42bff8b56600f.txt: "A review of the plan and the outcomes of the
    # partnership, relative to goals set and achieved, should be discussed, and documented
    # during the final meeting".
    plan = [
        PlanItem(1, "objective", "present the budget", 100, "presented in November"),
        PlanItem(2, "objective", "lead a project", 40, None),
        PlanItem(3, "action_step", "book the room", 0, None),
    ]
    with pytest.raises(InvalidInput) as refused:
        require_outcomes(plan)
    assert refused.value.rule == "plan_outcomes_missing"
    assert "'lead a project'" in refused.value.detail
    assert "book the room" not in refused.value.detail  # steps are not reviewed one by one
    require_outcomes([*plan[:1], plan[2]])


def test_outcomes_are_shared_with_the_coordinator_but_not_the_free_text() -> None:
    # seed 003_e5d42bff8b56600f.txt: "Outcomes should also be shared with the program
    # coordinator."
    answers = {"goals_achieved": 4, "reflections": "what we said to each other"}
    assert shared_with_coordinator(NC_OUTCOME_REVIEW, answers) == {"goals_achieved": 4}


@given(st.dictionaries(st.sampled_from(["goals_achieved", "reflections"]), st.integers(1, 5)))
def test_nothing_confidential_ever_reaches_the_coordinator(answers: dict[str, int]) -> None:
    assert "reflections" not in shared_with_coordinator(NC_OUTCOME_REVIEW, answers)
