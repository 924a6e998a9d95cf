"""The mentee's development plan takes the form their program's handbook gives it, and the
journal is kept only where the program offers one.

- Charlotte (000 "Mentee Learning Activities"): goals and objectives, and "a personal SWOT
  analysis (Strengths, Weaknesses, Opportunities and Threats)".
- Caltrans (002 "Establish Goals, Objectives, and Developmental Needs"): goals, objectives
  (milestones), developmental needs, and the smaller steps of an individual development plan.
- NC (003 "Setting Learning and Development Goals"): goals and objectives in an Action Plan
  (AP) or Individual Development Plan (IDP).
- Maine (004 matching criterion 1): "the competencies upon which the protégé wishes to focus",
  toward their career goals.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from app.domain.errors import InvalidInput, PolicyError


class GoalKind(StrEnum):
    """What an entry of the plan is."""

    GOAL = "goal"
    OBJECTIVE = "objective"
    DEVELOPMENTAL_NEED = "developmental_need"
    ACTION_STEP = "action_step"
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    OPPORTUNITY = "opportunity"
    THREAT = "threat"
    COMPETENCY = "competency"


class PlanForm(StrEnum):
    """The form of a program's development plan."""

    GOALS = "goals"
    GOALS_AND_SWOT = "goals_and_swot"
    IDP = "idp"
    ACTION_PLAN_OR_IDP = "action_plan_or_idp"
    COMPETENCIES = "competencies"


_STEPS = frozenset(
    {GoalKind.GOAL, GoalKind.OBJECTIVE, GoalKind.DEVELOPMENTAL_NEED, GoalKind.ACTION_STEP}
)
_SWOT = frozenset({GoalKind.STRENGTH, GoalKind.WEAKNESS, GoalKind.OPPORTUNITY, GoalKind.THREAT})

PLAN_KINDS: dict[PlanForm, frozenset[GoalKind]] = {
    PlanForm.GOALS: _STEPS,
    PlanForm.GOALS_AND_SWOT: frozenset({GoalKind.GOAL, GoalKind.OBJECTIVE, GoalKind.ACTION_STEP})
    | _SWOT,
    PlanForm.IDP: _STEPS,
    PlanForm.ACTION_PLAN_OR_IDP: _STEPS,
    PlanForm.COMPETENCIES: frozenset({GoalKind.GOAL, GoalKind.COMPETENCY}),
}


def check_plan_entry(plan: PlanForm, kind: GoalKind) -> None:
    """Refuse, naming what the plan holds, an entry its form has no place for."""
    accepted = PLAN_KINDS[plan]
    if kind not in accepted:
        names = ", ".join(sorted(k.value for k in accepted))
        raise InvalidInput(
            f"a plan of the form {plan.value} holds: {names}", field="kind", rule="plan_form"
        )


def check_objective_room(most: int | None, kind: GoalKind, plan: Iterable[str]) -> None:
    """Refuse an objective past the plan's limit (003 "Setting Learning and Development Goals":
    "The mentee should identify up to three (3) objectives"); ``plan``: the kinds it holds."""
    if kind is not GoalKind.OBJECTIVE or most is None:
        return
    if sum(1 for held in plan if held == GoalKind.OBJECTIVE) >= most:
        raise InvalidInput(
            f"this program's plan has at most {most} objectives",
            field="kind",
            rule="max_objectives",
        )


def check_journal_offered(offered: bool) -> None:
    """Refuse a journal entry where the program keeps no journal (001 "Monthly Journaling" is
    Charlotte's; the other handbooks name none)."""
    if not offered:
        raise PolicyError(
            "this program keeps no mentee journal",
            field="goals.mentee_journal",
            rule="mentee_journal",
        )


# 003 "Setting Learning and Development Goals": "At least a rough draft of the plan should be
# completed during the initial meeting". A "should": a nudge on the worklist, never a refusal.
PLAN_DRAFT_RULE = "at least a rough draft of the plan by the initial meeting"


def plan_draft_due(asked: bool, initial_meeting_on: date | None, drafted: bool) -> date | None:
    """The day a rough draft of the plan was due, while the plan is still empty: the initial
    meeting's, once held, in a program that `asked` for it; None when nothing is owed."""
    if not asked or drafted:
        return None
    return initial_meeting_on
