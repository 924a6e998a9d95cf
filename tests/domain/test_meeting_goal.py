"""The goal a logged meeting served is one of the pair's own plan (seed 002 meeting log)."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.domain.meeting_log import require_goal_of_plan

PLAN = frozenset({uuid4(), uuid4()})


def test_goal_that_discussion_activity_related_to() -> None:
    # seed 002_59333b271e9b4b69.txt "Appendix: Mentoring Meeting Log Worksheet": "Goal that
    # discussion/activity related to": one of the mentee's goals in this pair's plan, or none.
    require_goal_of_plan(None, PLAN)
    require_goal_of_plan(next(iter(PLAN)), PLAN)
    with pytest.raises(InvalidInput) as refused:
        require_goal_of_plan(uuid4(), PLAN)  # another pair's goal, or none at all
    assert (refused.value.field, refused.value.rule) == ("goal_id", "goal_not_in_plan")
    with pytest.raises(InvalidInput):
        require_goal_of_plan(next(iter(PLAN)), frozenset())  # a pair with no plan yet


@given(plan=st.frozensets(st.uuids(), max_size=6), named=st.one_of(st.none(), st.uuids()))
def test_a_meeting_names_no_goal_or_one_of_its_plan(
    plan: frozenset[UUID], named: UUID | None
) -> None:
    # seed 002_59333b271e9b4b69.txt "Mentoring Meeting Log Worksheet": the goal it related to
    accepted = named is None or named in plan
    try:
        require_goal_of_plan(named, plan)
    except InvalidInput:
        assert not accepted
    else:
        assert accepted
    for goal in plan:
        require_goal_of_plan(goal, plan)
