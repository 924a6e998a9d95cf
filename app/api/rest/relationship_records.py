"""REST routes of what a pair keeps: meetings, journal, goals, evaluations, disclosures."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller, SystemTime
from app.api.pagination import PageQuery, bounded
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.disclosures import (
    DisclosureCreate,
    DisclosurePageRead,
    DisclosureRead,
)
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
from app.api.rest.schemas.relationships.meetings import (
    JournalEntryCreate,
    JournalEntryPageRead,
    JournalEntryRead,
    MeetingCreate,
    MeetingLogRead,
    MeetingRead,
)
from app.services.relationships import disclosures, evaluations, goals, journal, meetings
from app.services.relationships.disclosures import RecipientInput
from app.services.relationships.records import Meeting

router = APIRouter(prefix="/v1", tags=["mentorships"])
_PROBLEMS = problems(400, 403, 404, 409)


@router.post(
    "/mentorships/{mentorship_id}/meetings",
    operation_id="logMeeting",
    status_code=201,
    response_model=MeetingRead,
    responses=_PROBLEMS,
)
async def log_meeting(
    mentorship_id: UUID,
    body: MeetingCreate,
    caller: CurrentCaller,
    clock: SystemTime,
) -> Any:
    """Log a meeting (from confirmation on); `notes` stay between the pair."""
    draft = Meeting(
        id=mentorship_id,
        mentorship_id=mentorship_id,
        **{**body.model_dump(), "topics": tuple(body.topics)},
    )
    return await meetings.log_meeting(
        uow=caller.uow, principal=caller.principal, clock=clock, meeting=draft
    )


@router.post(
    "/meetings/{meeting_id}/cancel",
    operation_id="cancelMeeting",
    response_model=MeetingRead,
    responses=_PROBLEMS,
)
async def cancel_meeting(meeting_id: UUID, caller: CurrentCaller, clock: SystemTime) -> Any:
    """Either participant cancels a meeting; it stays on record and stops counting."""
    return await meetings.cancel_meeting(
        uow=caller.uow, principal=caller.principal, clock=clock, meeting_id=meeting_id
    )


@router.get(
    "/mentorships/{mentorship_id}/meetings",
    operation_id="listMeetings",
    response_model=MeetingLogRead,
    responses=_PROBLEMS,
)
async def list_meetings(mentorship_id: UUID, caller: CurrentCaller, clock: SystemTime) -> Any:
    """The meeting log and cadence; others than the pair see dates and hours only."""
    return await meetings.list_meetings(
        uow=caller.uow, principal=caller.principal, clock=clock, mentorship_id=mentorship_id
    )


@router.post(
    "/mentorships/{mentorship_id}/journal",
    operation_id="writeJournalEntry",
    status_code=201,
    response_model=JournalEntryRead,
    responses=_PROBLEMS,
)
async def write_journal_entry(
    mentorship_id: UUID, body: JournalEntryCreate, caller: CurrentCaller
) -> Any:
    """The mentee adds to their own journal."""
    columns = body.model_dump(exclude={"entry_on"}, exclude_none=True)
    return await journal.write_journal_entry(
        uow=caller.uow,
        principal=caller.principal,
        mentorship_id=mentorship_id,
        entry_on=body.entry_on,
        entry=columns,
    )


@router.get(
    "/mentorships/{mentorship_id}/journal",
    operation_id="readJournal",
    response_model=JournalEntryPageRead,
    responses=_PROBLEMS,
)
async def read_journal(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The mentee's own entries; no one else may read them."""
    everything = await journal.read_journal(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)


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
    clock: SystemTime,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """A participant comments on a goal (the mentor's part in a mentee-driven plan). With
    `If-Match` (the goal's `ETag`), only if nobody changed the goal since you read it."""
    commented = await goals.comment_on_goal(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
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
    clock: SystemTime,
) -> Any:
    """A checkup (Likert 1-5 per item), mid-point or final evaluation; the answers stay yours."""
    return await evaluations.submit_evaluation(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
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
    """Evaluations done; only the respondent sees their answers."""
    everything = await evaluations.list_evaluations(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)


@router.post(
    "/mentorships/{mentorship_id}/disclosures",
    operation_id="recordDisclosure",
    status_code=201,
    response_model=DisclosureRead,
    responses=_PROBLEMS,
)
async def record_disclosure(
    mentorship_id: UUID,
    body: DisclosureCreate,
    caller: CurrentCaller,
    clock: SystemTime,
) -> Any:
    """Record a confidentiality exception (Maine): who, to whom, what, why, with what consent."""
    values = body.model_dump(exclude={"to"})
    return await disclosures.record_disclosure(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
        mentorship_id=mentorship_id,
        to=[RecipientInput(r.role, r.person_id) for r in body.to],
        **values,
    )


@router.get(
    "/mentorships/{mentorship_id}/disclosures",
    operation_id="listDisclosures",
    response_model=DisclosurePageRead,
    responses=_PROBLEMS,
)
async def list_disclosures(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The mentorship's recorded disclosures (the pair and program staff)."""
    everything = await disclosures.list_disclosures(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)


@router.get(
    "/me/disclosures",
    operation_id="listDisclosuresAboutMe",
    response_model=DisclosurePageRead,
    responses=problems(403),
)
async def list_disclosures_about_me(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Every disclosure about the caller (the protege's right to know, seed 004)."""
    everything = await disclosures.disclosures_about_me(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, everything, page)
