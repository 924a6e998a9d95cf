"""REST routes of the program year: the coordinator's worklist, a cohort's calendar as an
iCalendar feed, and the coordinator's edits to the calendar laid out from the preset."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, answer, place, single_key
from app.api.rest.relationship_calendar import ICALENDAR, render
from app.api.rest.responses import problems
from app.api.rest.schemas.program_year import CohortEventUpdate, WorkItemRead, WorklistRead
from app.api.rest.schemas.programs import CohortEventRead
from app.services.paging import encode_cursor
from app.services.program_year import calendars
from app.services.program_year.worklist import coordinator_worklist

router = APIRouter(prefix="/v1", tags=["program year"])


@router.get("/worklist", operation_id="getWorklist", responses=problems(400, 403, 404))
async def get_worklist(
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
    cohort_id: UUID | None = None,
    within_days: Annotated[int, Query(ge=0, le=366)] = 14,
) -> WorklistRead:
    """What is overdue and what comes due within `within_days`, for one cohort or the whole
    organisation: each item names the pair, the rule, its seed and the date it was due. The
    list is worked out at each request, so its cursor is a place in it."""
    offset = single_key(page, place) or 0
    found = await coordinator_worklist(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        within_days=within_days,
        offset=offset,
        limit=page.limit,
    )
    items = [WorkItemRead.model_validate(i, from_attributes=True) for i in found.items]
    next_cursor = encode_cursor([offset + len(items)]) if found.has_more else None
    body = answer(request, response, items, next_cursor)
    return WorklistRead(**body, total=found.total)


@router.get(
    "/cohorts/{cohort_id}/calendar.ics",
    operation_id="getCohortCalendarFeed",
    response_class=Response,  # iCalendar text, not JSON
    responses={200: {"content": {"text/calendar": {}}}, **problems(403, 404)},
)
async def get_cohort_calendar(cohort_id: UUID, caller: CurrentCaller) -> Response:
    """The cohort's calendar as an iCalendar (RFC 5545) feed."""
    entries = await calendars.cohort_calendar_entries(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    return Response(render(entries), media_type=ICALENDAR)


@router.put(
    "/cohort-events/{event_id}",
    operation_id="updateCohortEvent",
    responses=problems(400, 403, 404, 412, 422),
)
async def update_cohort_event(
    event_id: UUID,
    body: CohortEventUpdate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> CohortEventRead:
    """Move or rename an event of the cohort's calendar (a confirm-by date, an evaluation);
    its kind, which the rules read, stays. With `If-Match` (the event's `ETag`), only if
    nobody changed the event since you read it (412 otherwise)."""
    event = await calendars.update_cohort_event(
        uow=caller.uow,
        principal=caller.principal,
        event_id=event_id,
        title=body.title,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        clear_end=body.ends_on is None,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return CohortEventRead.model_validate(fingerprinted(response, event), from_attributes=True)


@router.delete(
    "/cohort-events/{event_id}",
    operation_id="removeCohortEvent",
    status_code=204,
    responses=problems(403, 404, 409),
)
async def remove_cohort_event(event_id: UUID, caller: CurrentCaller) -> Response:
    """Take an event off the cohort's calendar (not one with anyone recorded at it)."""
    await calendars.remove_cohort_event(
        uow=caller.uow, principal=caller.principal, event_id=event_id
    )
    return Response(status_code=204)
