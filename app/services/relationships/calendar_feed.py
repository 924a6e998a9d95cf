"""A person's calendar: their meetings, their mentorships' key dates and their cohorts'
events, served at a secret URL a calendar client can subscribe to. Entries carry facts
only (a title and a date), never what a meeting was about; dates of a mentorship that
closed early are kept, marked cancelled, so subscribed calendars drop them. A cohort event
whose attendance was recorded says whether the person was recorded present (Charlotte's
mandatory group sessions, 000 "Group Learning") and whether they were excused from it: their
own facts, nobody else's."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal, Role
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.calendar.group_sessions import own_attendance, own_excusal
from app.domain.errors import NotFound
from app.domain.lifecycle.states import MentorshipState
from app.services.ports import UnitOfWork
from app.services.programs.records import Mentorship
from app.services.relationships.pairs import status_of
from app.services.relationships.records import Progress

AT_MOST = 10_000


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One event of the feed; `uid` stays the same for the same thing, always. `attended`:
    at a cohort event whose attendance was recorded, whether the calendar's owner was;
    `excused`: whether the owner was excused from it."""

    uid: str
    title: str
    starts_on: date
    ends_on: date | None
    cancelled: bool
    attended: bool | None = None
    excused: bool = False


@dataclass(frozen=True, slots=True)
class IssuedFeed:
    """A new feed secret: shown once; the URL is built from it."""

    organization_id: UUID
    secret: str


def _hash(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


async def issue_calendar_feed(*, uow: UnitOfWork, principal: Principal) -> IssuedFeed:
    """A new secret for the caller's feed; any earlier feed URL stops working."""
    reach(principal, Resource.CALENDAR, Action.READ)
    if principal.employee_id is None:
        raise NotFound("a calendar belongs to a person; this token names none", field="token")
    secret = secrets.token_urlsafe(32)
    async with uow:
        await uow.relationships.set_calendar_feed(principal.employee_id, _hash(secret))
        await uow.access.record(
            AuditEvent.by(principal, "calendar_feed.issued", "employee", principal.employee_id)
        )
        await uow.commit()
    return IssuedFeed(principal.organization_id, secret)


async def calendar_for_secret(
    *, uow: UnitOfWork, organization_id: UUID, secret: str
) -> list[CalendarEntry]:
    """The feed the secret opens, or NotFound (an unknown secret reveals nothing)."""
    async with uow.read_only():
        owner = await uow.relationships.calendar_feed_owner(_hash(secret))
        if owner is None:
            raise NotFound("no such calendar", field="secret")
        principal = Principal(organization_id, Role.PARTICIPANT, "calendar-feed", owner)
        reach(principal, Resource.CALENDAR, Action.READ)
        return await _entries(uow, owner)


async def my_calendar(*, uow: UnitOfWork, principal: Principal) -> list[CalendarEntry]:
    """The caller's own calendar entries (what their feed serves)."""
    reach(principal, Resource.CALENDAR, Action.READ)
    if principal.employee_id is None:
        return []
    async with uow.read_only():
        return await _entries(uow, principal.employee_id)


async def _entries(uow: UnitOfWork, owner: UUID) -> list[CalendarEntry]:
    found = await uow.programs.mentorships(people=[owner], limit=AT_MOST)
    progress = await uow.relationships.progress_of([m.id for m in found])
    meetings = await uow.relationships.meetings([m.id for m in found])
    events = await uow.programs.events_of(sorted({m.cohort_id for m in found}))
    entries = [e for m in found for e in _key_dates(m, progress.get(m.id))]
    entries += [
        CalendarEntry(
            f"meeting-{m.id}@mentoring", "Mentoring meeting", m.held_on, None, m.cancelled
        )
        for m in meetings
    ]
    entries += [
        CalendarEntry(
            f"cohort-event-{e.id}@mentoring",
            e.title or e.kind,
            e.starts_on,
            e.ends_on,
            False,
            own_attendance(owner, e.attendees),
            own_excusal(owner, e.excused),
        )
        for e in events
    ]
    return sorted(entries, key=lambda e: (e.starts_on, e.uid))


def _key_dates(mentorship: Mentorship, progress: Progress | None) -> list[CalendarEntry]:
    status = status_of(mentorship, progress or Progress(mentorship.id))
    if status.state is MentorshipState.PROPOSED:
        return []
    timeline = status.timeline
    dates = {
        "checkpoint": timeline.checkpoint_opens_on,
        "midpoint": timeline.midpoint_on,
        "term-end": timeline.ends_on,
        "initial-meeting": timeline.initial_meeting_due_on,
    }
    dates |= {f"checkup-{n}": day for n, day in enumerate(timeline.checkups, start=1)}
    closed = status.closed_on
    return [
        CalendarEntry(
            f"{name}-{mentorship.id}@mentoring",
            _TITLES.get(name.split("-")[0], name),
            day,
            None,
            closed is not None and day > closed,
        )
        for name, day in sorted(dates.items())
        if day is not None
    ]


_TITLES = {
    "checkpoint": "Compatibility checkpoint opens",
    "midpoint": "Mid-point evaluation",
    "term": "Mentorship term ends",
    "initial": "Initial meeting due",
    "checkup": "Relationship checkup",
}
