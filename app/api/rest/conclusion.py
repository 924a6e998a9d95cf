"""REST routes of NC's conclusion: the coordinator's debriefs, each side's monthly reports."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import CurrentCaller
from app.api.pagination import Page, PageQuery, bounded
from app.api.rest.examples import relationships as ex
from app.api.rest.responses import problems
from app.domain.lifecycle.parties import Party
from app.services.relationships import conclusion

router = APIRouter(prefix="/v1", tags=["mentorships"])
_READ = ConfigDict(from_attributes=True)
M = "/mentorships/{mentorship_id}"


class DebriefCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"party": "mentee", "held_on": "2027-12-02", "notes": "Ready to mentor next year"}
            ]
        },
    )
    party: Party = Field(description="mentee or mentor")
    held_on: date
    notes: str | None = Field(default=None, max_length=10_000)


class DebriefRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.DEBRIEF_READ)
    id: UUID
    mentorship_id: UUID
    party: str
    participant_id: UUID
    held_on: date
    recorded_by: UUID | None
    notes: str | None = Field(description="The coordinator's notes (staff only)")
    created_at: datetime | None


class DebriefPageRead(Page[DebriefRead]):
    """A page of debriefs."""


class ProgressReportCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"on_track": True, "assignments_done": 3}]}
    )
    on_track: bool
    assignments_done: int = Field(ge=0)
    reflections: str | None = Field(default=None, max_length=10_000)


class ProgressReportRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.PROGRESS_REPORT_READ)
    id: UUID
    mentorship_id: UUID
    party: str
    author_id: UUID
    month: int = Field(description="The month of the term reported on")
    submitted_on: date
    on_track: bool
    assignments_done: int
    reflections: str | None = Field(description="The author's own; null for everyone else")


class ProgressReportPageRead(Page[ProgressReportRead]):
    """A page of progress reports."""


@router.post(
    f"{M}/debriefs",
    operation_id="recordDebrief",
    status_code=201,
    responses=problems(400, 403, 404, 409),
)
async def record_debrief(
    mentorship_id: UUID, body: DebriefCreate, caller: CurrentCaller
) -> DebriefRead:
    """The coordinator records the debrief held with the mentee or the mentor (NC)."""
    found = await conclusion.record_debrief(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id, **body.model_dump()
    )
    return DebriefRead.model_validate(found)


@router.get(
    f"{M}/debriefs",
    operation_id="listDebriefs",
    response_model=DebriefPageRead,
    responses=problems(403, 404),
)
async def list_debriefs(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The debriefs held (a participant: their own, without the coordinator's notes)."""
    found = await conclusion.list_debriefs(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    everything = [DebriefRead.model_validate(d) for d in found]
    return bounded(request, response, everything, page)


@router.post(
    f"{M}/progress-reports",
    operation_id="submitProgressReport",
    status_code=201,
    responses=problems(400, 403, 404, 409),
)
async def submit_progress_report(
    mentorship_id: UUID,
    body: ProgressReportCreate,
    caller: CurrentCaller,
) -> ProgressReportRead:
    """A participant's report for this month of the term (NC: monthly progress)."""
    found = await conclusion.submit_progress_report(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        **body.model_dump(),
    )
    return ProgressReportRead.model_validate(found)


@router.get(
    f"{M}/progress-reports",
    operation_id="listProgressReports",
    response_model=ProgressReportPageRead,
    responses=problems(403, 404),
)
async def list_progress_reports(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The reports' facts; each author alone reads their own reflections."""
    found = await conclusion.list_progress_reports(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    everything = [ProgressReportRead.model_validate(r) for r in found]
    return bounded(request, response, everything, page)
