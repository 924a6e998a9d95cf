"""The mentee's plan (Caltrans: goals, objectives, developmental needs; NC: an Action Plan
or IDP of at most three objectives): mentee-driven, so the mentee owns it and the mentor
comments on it."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.development_plan import GoalKind as GoalKind
from app.domain.development_plan import check_objective_room, check_plan_entry
from app.domain.errors import InvalidInput, NotFound, NotPermitted, TransitionRefused
from app.domain.lifecycle.parties import Party
from app.domain.smart_goals import check_smart
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pair_batches import reachable_parties, scope_or_none
from app.services.relationships.pairs import Pair, open_pair, participant
from app.services.relationships.records import Goal
from app.services.versions import check_unchanged

MAX_TEXT = 4000
DEFAULT_PAGE = 20
MAX_PAGE = 100


async def add_goal(
    *,
    uow: UnitOfWork,
    principal: Principal,
    mentorship_id: UUID,
    kind: GoalKind,
    text: str,
    parent_id: UUID | None = None,
    smart: Mapping[str, object] | None = None,
) -> Goal:
    """The mentee adds to their plan, in the form its program gives it (a SWOT in Charlotte,
    competencies in Maine); NC allows at most three objectives, each SMART."""
    scope = reach(principal, Resource.GOALS, Action.WRITE)
    _check_text(text)
    # The pair's row is held while the plan is counted: two objectives added at once
    # cannot both see room for one more (NC: "up to three").
    async with uow.holding_pair(mentorship_id):
        pair = await _mentee_pair(uow, principal, mentorship_id, scope)
        check_plan_entry(pair.policy.goals.plan, kind)
        checked = check_smart(kind.value, smart, required=pair.policy.goals.smart_goals)
        plan = await uow.relationships.goals(mentorship_id)
        check_objective_room(pair.policy.goals.max_objectives, kind, (g.kind for g in plan))
        if parent_id is not None and all(g.id != parent_id for g in plan):
            raise InvalidInput("no such goal in this plan", field="parent_id")
        stored = await uow.relationships.add_goal(
            Goal(uuid.uuid4(), mentorship_id, kind.value, parent_id, text.strip(), smart=checked)
        )
        await uow.access.record(
            AuditEvent.by(principal, "goal.added", "mentorship", mentorship_id, kind=kind.value)
        )
        await uow.commit()
    return stored


async def update_goal(
    *,
    uow: UnitOfWork,
    principal: Principal,
    goal_id: UUID,
    progress: int | None = None,
    outcome: str | None = None,
    if_fingerprint: str | None = None,
) -> Goal:
    """The mentee records progress (percent) or the outcome against the plan (NC).
    `if_fingerprint` (an `If-Match`): refused as stale unless the goal is as it was read."""
    scope = reach(principal, Resource.GOALS, Action.WRITE)
    if progress is not None and not 0 <= progress <= 100:
        raise InvalidInput("progress is a percentage, 0 to 100", field="progress")
    async with uow:
        goal = await _goal(uow, goal_id, lock=if_fingerprint is not None)
        await _mentee_pair(uow, principal, goal.mentorship_id, scope, allow_closed=True)
        check_unchanged(goal, if_fingerprint, "goal")
        changed = replace(
            goal,
            progress=goal.progress if progress is None else progress,
            outcome=goal.outcome if outcome is None else outcome,
        )
        stored = await uow.relationships.save_goal(changed)
        await uow.commit()
    return stored


async def comment_on_goal(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    goal_id: UUID,
    text: str,
    if_fingerprint: str | None = None,
) -> Goal:
    """Either participant comments on a goal (the mentor's part in a mentee-driven plan).
    `if_fingerprint` (an `If-Match`): refused as stale unless the goal is as it was read."""
    scope = reach(principal, Resource.GOALS, Action.WRITE)
    _check_text(text)
    async with uow:
        goal = await _goal(uow, goal_id, lock=if_fingerprint is not None)
        pair = await open_pair(uow, principal, goal.mentorship_id, scope)
        check_unchanged(goal, if_fingerprint, "goal")
        by = participant(pair)
        comment = {"by": by.value, "text": text.strip(), "at": clock.now().isoformat()}
        stored = await uow.relationships.save_goal(
            replace(goal, comments=(*goal.comments, comment))
        )
        await uow.commit()
    return stored


async def list_goals(*, uow: UnitOfWork, principal: Principal, mentorship_id: UUID) -> list[Goal]:
    """The plan; the coordinator reviews its outcomes with the pair (NC)."""
    scope = reach(principal, Resource.GOALS, Action.READ)
    async with uow.read_only():
        await open_pair(uow, principal, mentorship_id, scope)
        return await uow.relationships.goals(mentorship_id)


async def _mentee_pair(
    uow: UnitOfWork,
    principal: Principal,
    mentorship_id: UUID,
    scope: Reach,
    *,
    allow_closed: bool = False,
) -> Pair:
    pair = await open_pair(uow, principal, mentorship_id, scope)
    if participant(pair) is not Party.MENTEE:
        raise NotPermitted(
            "the plan is the mentee's; the mentor comments on it", rule="mentee_owns_plan"
        )
    if pair.status.is_terminal and not allow_closed:
        raise TransitionRefused(
            f"the mentorship is {pair.status.state}; that is final", rule="terminal_state"
        )
    return pair


async def _goal(uow: UnitOfWork, goal_id: UUID, *, lock: bool = False) -> Goal:
    found = await uow.relationships.goal(goal_id, lock=lock)
    if found is None:
        raise NotFound("no such goal", field="goal_id")
    return found


def _check_text(text: str) -> None:
    if not text.strip() or len(text) > MAX_TEXT:
        raise InvalidInput(f"1 to {MAX_TEXT} characters", field="text")


@dataclass(frozen=True, slots=True)
class GoalPage:
    """Part of one mentorship's plan, in plan order, and whether more follows."""

    goals: tuple[Goal, ...]
    has_more: bool


async def goal_pages(
    *,
    uow: UnitOfWork,
    principal: Principal,
    mentorship_ids: Sequence[UUID],
    first: int = DEFAULT_PAGE,
    after: UUID | None = None,
    backward: bool = False,
) -> list[GoalPage | None]:
    """Batch read for DataLoaders: each mentorship's plan a page at a time, in one query; None
    where `list_goals` would answer "not found" (another pair's, or a role that may not read).
    `backward`: the `first` goals just before goal `after` (the last ones without it)."""
    field = "last" if backward else "first"
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput(f"{field} must be between 1 and {MAX_PAGE}", field=field)
    scope = scope_or_none(principal, Resource.GOALS, Action.READ)
    if scope is None:
        return [None for _ in mentorship_ids]
    async with uow.read_only():
        seen = await reachable_parties(uow, principal, mentorship_ids, scope)
        found = (
            await uow.relationships.goal_pages(
                list(seen), limit=first + 1, after=after, backward=backward
            )
            if seen
            else []
        )
    plans: dict[UUID, list[Goal]] = defaultdict(list)
    for goal in found:
        plans[goal.mentorship_id].append(goal)
    return [
        GoalPage(tuple(_page(plans[i], first, backward)), len(plans[i]) > first)
        if i in seen
        else None
        for i in mentorship_ids
    ]


def _page(plan: list[Goal], size: int, backward: bool) -> list[Goal]:
    """`size` goals of `size + 1` read; the extra one, furthest from the cursor, is dropped."""
    return plan[-size:] if backward else plan[:size]
