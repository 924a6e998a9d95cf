"""REST routes of a person's calendar feed (RFC 5545) at a secret URL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response
from icalendar import Calendar, Event
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import CurrentCaller, get_uow_factory
from app.api.pagination import Page, PageQuery, bounded, by
from app.api.rest.examples import relationships as ex
from app.api.rest.responses import problems
from app.domain.access import Principal, Role
from app.services.relationships import calendar_feed
from app.services.relationships.calendar_feed import CalendarEntry

router = APIRouter(prefix="/v1", tags=["mentorships"])
ICALENDAR = "text/calendar; charset=utf-8"


class CalendarFeedRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.CALENDAR_FEED_READ)

    url: str = Field(description="The feed's absolute URL, to paste into a calendar client")
    secret: str


class CalendarEntryRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.CALENDAR_ENTRY_READ)

    uid: str = Field(description="Stays the same for the same thing (the feed's UID)")
    title: str
    starts_on: date
    ends_on: date | None
    cancelled: bool
    attended: bool | None = Field(
        description="At a cohort event whose attendance was recorded (a group session): "
        "whether you were recorded present; null while nobody's attendance is recorded"
    )
    excused: bool = Field(
        description="Whether you were excused from this cohort event (an excused absence is "
        "not a missed session)"
    )


class CalendarEntryPageRead(Page[CalendarEntryRead]):
    """A page of your calendar, in date order."""


@router.get(
    "/me/calendar",
    operation_id="getMyCalendar",
    response_model=CalendarEntryPageRead,
    responses=problems(400, 403),
)
async def get_my_calendar(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Your calendar (what your feed serves): your meetings, your mentorships' key dates and
    your cohorts' events, each with whether you attended where attendance was recorded."""
    everything = await calendar_feed.my_calendar(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, everything, page, key=by("uid"))


@router.post(
    "/me/calendar-feed",
    operation_id="issueCalendarFeed",
    status_code=201,
    responses=problems(400, 403, 404),
)
async def issue_calendar_feed(caller: CurrentCaller, request: Request) -> CalendarFeedRead:
    """A new secret URL for your calendar; the previous one stops working. Shown once."""
    issued = await calendar_feed.issue_calendar_feed(uow=caller.uow, principal=caller.principal)
    url = request.url_for(
        "get_calendar_feed", organization_id=issued.organization_id, secret=issued.secret
    )
    return CalendarFeedRead(url=str(url), secret=issued.secret)


@router.get(
    "/calendar/{organization_id}/{secret}.ics",
    operation_id="getCalendarFeed",
    response_class=Response,  # iCalendar text, not JSON
    responses={200: {"content": {"text/calendar": {}}}, **problems(404)},
)
async def get_calendar_feed(organization_id: UUID, secret: str, request: Request) -> Response:
    """The calendar at its secret URL (no bearer token: calendar clients cannot send one)."""
    feed_reader = Principal(organization_id, Role.PARTICIPANT, "calendar-feed")
    uow = (await get_uow_factory(request, feed_reader))()
    entries = await calendar_feed.calendar_for_secret(
        uow=uow, organization_id=organization_id, secret=secret
    )
    return Response(render(entries), media_type=ICALENDAR)


def render(entries: list[CalendarEntry]) -> bytes:
    """RFC 5545: one VEVENT per entry, its UID stable, cancelled ones STATUS:CANCELLED."""
    calendar = Calendar()
    calendar.add("prodid", "-//mentoring//calendar feed//EN")
    calendar.add("version", "2.0")
    stamp = datetime.now(UTC)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.title)
        event.add("dtstart", entry.starts_on)
        if entry.ends_on is not None and entry.ends_on > entry.starts_on:
            event.add("dtend", entry.ends_on)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        # RFC 5545 3.8.7.4: a cancellation is a revision; clients apply the higher SEQUENCE.
        event.add("sequence", 1 if entry.cancelled else 0)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
