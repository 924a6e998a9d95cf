"""REST routes of the records a pair keeps as it meets: the meeting log and the mentee's journal."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.meetings import (
    JournalEntryCreate,
    JournalEntryPageRead,
    JournalEntryRead,
    MeetingCreate,
    MeetingLogRead,
    MeetingRead,
)
from app.services.relationships import journal, meetings
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
) -> Any:
    """Log a meeting (from confirmation on); `notes` stay between the pair."""
    draft = Meeting(
        id=mentorship_id,
        mentorship_id=mentorship_id,
        **{**body.model_dump(), "topics": tuple(body.topics)},
    )
    return await meetings.log_meeting(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, meeting=draft
    )


@router.post(
    "/meetings/{meeting_id}/cancel",
    operation_id="cancelMeeting",
    response_model=MeetingRead,
    responses=_PROBLEMS,
)
async def cancel_meeting(meeting_id: UUID, caller: CurrentCaller) -> Any:
    """Either participant cancels a meeting; it stays on record and stops counting."""
    return await meetings.cancel_meeting(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, meeting_id=meeting_id
    )


@router.get(
    "/mentorships/{mentorship_id}/meetings",
    operation_id="listMeetings",
    response_model=MeetingLogRead,
    responses=_PROBLEMS,
)
async def list_meetings(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """The meeting log and cadence; others than the pair see dates and hours only."""
    return await meetings.list_meetings(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, mentorship_id=mentorship_id
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
