"""The plan takes its handbook's form; the journal is kept where the handbook keeps one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.development_plan import (
    PLAN_KINDS,
    GoalKind,
    PlanForm,
    check_journal_offered,
    check_objective_room,
    check_plan_entry,
)
from app.domain.errors import InvalidInput, PolicyError
from app.domain.policy.presets import PRESETS

SWOT = (GoalKind.STRENGTH, GoalKind.WEAKNESS, GoalKind.OPPORTUNITY, GoalKind.THREAT)


def test_the_mentee_may_prepare_a_personal_swot_analysis():
    # seed 000_4e18aab21704e587.txt "Mentee Learning Activities": "ask your Mentee to prepare a
    # personal SWOT analysis (Strengths, Weaknesses, Opportunities and Threats)".
    plan = PRESETS["charlotte-sll"].goals.plan
    for kind in (*SWOT, GoalKind.GOAL, GoalKind.OBJECTIVE):
        check_plan_entry(plan, kind)


def test_goals_objectives_and_developmental_needs_make_the_caltrans_plan():
    # seed 002_59333b271e9b4b69.txt "Establish Goals, Objectives, and Developmental Needs".
    plan = PRESETS["caltrans"].goals.plan
    for kind in (GoalKind.GOAL, GoalKind.OBJECTIVE, GoalKind.DEVELOPMENTAL_NEED):
        check_plan_entry(plan, kind)
    with pytest.raises(InvalidInput) as refused:
        check_plan_entry(plan, GoalKind.THREAT)
    assert (refused.value.field, refused.value.rule) == ("kind", "plan_form")
    assert "developmental_need" in refused.value.detail


def test_establish_goals_and_objectives_and_develop_an_action_plan_or_idp():
    # seed 003_e5d42bff8b56600f.txt "Setting Learning and Development Goals": "Establish goals
    # and objectives, and develop an Action Plan (AP) or Individual Development Plan (IDP)".
    plan = PRESETS["nc-model"].goals.plan
    for kind in (GoalKind.GOAL, GoalKind.OBJECTIVE, GoalKind.ACTION_STEP):
        check_plan_entry(plan, kind)
    with pytest.raises(InvalidInput):
        check_plan_entry(plan, GoalKind.COMPETENCY)


def test_the_competencies_upon_which_the_protege_wishes_to_focus():
    # seed 004_5b4c852a2ca2c393.txt criterion 1: "Correlation between the protégé's career path
    # and the competencies upon which the protégé wishes to focus".
    plan = PRESETS["maine-mms"].goals.plan
    check_plan_entry(plan, GoalKind.COMPETENCY)
    check_plan_entry(plan, GoalKind.GOAL)
    with pytest.raises(InvalidInput):
        check_plan_entry(plan, GoalKind.STRENGTH)


def test_keeping_a_journal_is_a_good_way_for_you_to_track_your_self_development():
    # seed 001_5dd4108eec679fcc.txt "Monthly Journaling": Charlotte's mentees keep a journal;
    # the other handbooks keep none.
    check_journal_offered(PRESETS["charlotte-sll"].goals.mentee_journal)
    for key in ("caltrans", "nc-model", "maine-mms"):
        with pytest.raises(PolicyError) as refused:
            check_journal_offered(PRESETS[key].goals.mentee_journal)
        assert refused.value.rule == "mentee_journal"


@given(st.sampled_from(PlanForm), st.sampled_from(GoalKind))
def test_a_plan_takes_exactly_the_entries_its_form_names(plan, kind):
    try:
        check_plan_entry(plan, kind)
    except InvalidInput:
        assert kind not in PLAN_KINDS[plan]
    else:
        assert kind in PLAN_KINDS[plan]
    assert GoalKind.GOAL in PLAN_KINDS[plan]  # every form has goals to work toward


@given(
    st.none() | st.integers(min_value=1, max_value=5),
    st.lists(st.sampled_from(list(GoalKind)), max_size=12),
    st.sampled_from(list(GoalKind)),
)
def test_the_mentee_should_identify_up_to_three_objectives(
    most: int | None, plan: list[GoalKind], kind: GoalKind
) -> None:
    # seed 003_e5d42bff8b56600f.txt "Setting Learning and Development Goals": "The mentee should
    # identify up to three (3) objectives": an objective past the limit is refused; goals, needs
    # and steps never count against it.
    held = sum(1 for k in plan if k is GoalKind.OBJECTIVE)
    refused = kind is GoalKind.OBJECTIVE and most is not None and held >= most
    if not refused:
        check_objective_room(most, kind, [k.value for k in plan])
        return
    with pytest.raises(InvalidInput) as error:
        check_objective_room(most, kind, [k.value for k in plan])
    assert error.value.rule == "max_objectives"
