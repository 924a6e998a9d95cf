"""REST routes of the mentee's plan (goals, their progress and comments) and of evaluations."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.goals import (
    EvaluationCreate,
    EvaluationPageRead,
    EvaluationRead,
    GoalCommentCreate,
    GoalCreate,
    GoalPageRead,
    GoalRead,
    GoalUpdate,
)
from app.services.relationships import evaluations, goals

router = APIRouter(prefix="/v1", tags=["mentorships"])
_PROBLEMS = problems(400, 403, 404, 409)


@router.post(
    "/mentorships/{mentorship_id}/goals",
    operation_id="addGoal",
    status_code=201,
    response_model=GoalRead,
    responses=_PROBLEMS,
)
async def add_goal(
    mentorship_id: UUID, body: GoalCreate, caller: CurrentCaller, response: Response
) -> Any:
    """The mentee adds a goal, objective, developmental need or action step (its `ETag` is
    the `If-Match` of a later update)."""
    added = await goals.add_goal(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id, **body.model_dump()
    )
    return fingerprinted(response, added)


@router.get(
    "/mentorships/{mentorship_id}/goals",
    operation_id="listGoals",
    response_model=GoalPageRead,
    responses=_PROBLEMS,
)
async def list_goals(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The mentee's plan."""
    everything = await goals.list_goals(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)


@router.patch(
    "/goals/{goal_id}",
    operation_id="updateGoal",
    response_model=GoalRead,
    responses=problems(400, 403, 404, 409, 412),
)
async def update_goal(
    goal_id: UUID,
    caller: CurrentCaller,
    response: Response,
    body: GoalUpdate | None = None,
    if_match: IfMatch = None,
) -> Any:
    """The mentee records progress or the outcome against the plan. With `If-Match` (the
    goal's `ETag`), only if nobody changed the goal since you read it (412 otherwise)."""
    changes = (body or GoalUpdate()).model_dump()
    updated = await goals.update_goal(
        uow=caller.uow,
        principal=caller.principal,
        goal_id=goal_id,
        if_fingerprint=expected_fingerprint(if_match),
        **changes,
    )
    return fingerprinted(response, updated)


@router.post(
    "/goals/{goal_id}/comments",
    operation_id="commentOnGoal",
    status_code=201,
    response_model=GoalRead,
    responses=problems(400, 403, 404, 409, 412),
)
async def comment_on_goal(
    goal_id: UUID,
    body: GoalCommentCreate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """A participant comments on a goal (the mentor's part in a mentee-driven plan). With
    `If-Match` (the goal's `ETag`), only if nobody changed the goal since you read it."""
    commented = await goals.comment_on_goal(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        goal_id=goal_id,
        text=body.text,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return fingerprinted(response, commented)


@router.post(
    "/mentorships/{mentorship_id}/evaluations",
    operation_id="submitEvaluation",
    status_code=201,
    response_model=EvaluationRead,
    responses=_PROBLEMS,
)
async def submit_evaluation(
    mentorship_id: UUID,
    body: EvaluationCreate,
    caller: CurrentCaller,
) -> Any:
    """A checkup (Likert 1-5 per item), mid-point or final evaluation; the answers stay yours,
    but for the free text of a kind the program shares with the pair, which your partner reads
    (`partner_reads_free_text` in the answer)."""
    return await evaluations.submit_evaluation(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        **body.model_dump(),
    )


@router.get(
    "/mentorships/{mentorship_id}/evaluations",
    operation_id="listEvaluations",
    response_model=EvaluationPageRead,
    responses=_PROBLEMS,
)
async def list_evaluations(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """Evaluations done; the respondent sees their answers, the partner the free text of a kind
    the program shares with the pair (`partner_reads_free_text`), others kind, date and side."""
    everything = await evaluations.list_evaluations(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)
