"""The meeting log (Caltrans): date, hours, topics, the goal it served, the competency worked
on, observations and follow-ups. What was said is the pair's; staff see dates and hours, and
the cadence signal when a pair falls behind the policy's meetings and hours a month."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.cadence import CadenceReport, MeetingFact, pair_cadence
from app.domain.confidentiality.disclosure import Disclosure
from app.domain.confidentiality.parts import ContentPart
from app.domain.confidentiality.reading import may_read
from app.domain.confidentiality.viewers import Viewer
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.meeting_log import (
    held_face_to_face,
    meeting_mode,
    require_cancellable,
    require_goal_of_plan,
    require_loggable,
)
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.disclosures import as_domain, granted
from app.services.relationships.needs_assessment import require_before_initial_meeting
from app.services.relationships.pair_batches import reachable_parties, scope_or_none
from app.services.relationships.pairs import (
    Pair,
    audit_read,
    open_pair,
    participant,
    readable,
    relation_of,
)
from app.services.relationships.records import Meeting

MAX_TEXT = 10_000


@dataclass(frozen=True, slots=True)
class MeetingLog:
    """The meetings the caller may see (content withheld unless they may read it) and the
    pair's cadence against the policy."""

    meetings: tuple[Meeting, ...]
    content_withheld: bool
    cadence: CadenceReport


async def log_meeting(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, meeting: Meeting
) -> Meeting:
    """A participant logs a meeting dated inside the term, from confirmation on (the agreement
    is made at the first), or from the proposal on where the policy says so (Maine); the goal
    it names, if any, is one of the pair's plan."""
    scope = reach(principal, Resource.MEETINGS, Action.WRITE)
    _check(meeting, clock.now().date())
    # Shared: a pair's meetings may be logged side by side; a transition waits for them.
    async with uow.holding_pair(meeting.mentorship_id, shared=True):
        pair = await open_pair(uow, principal, meeting.mentorship_id, scope)
        participant(pair)
        require_loggable(pair.status, meeting.held_on)
        if meeting.goal_id is not None:
            plan = await uow.relationships.goals(pair.id)
            require_goal_of_plan(meeting.goal_id, {goal.id for goal in plan})
        await require_before_initial_meeting(uow, pair)
        logged = replace(meeting, id=uuid.uuid4(), logged_by=principal.employee_id, cancelled=False)
        facts = {
            "meeting_id": str(logged.id),
            "held_on": logged.held_on.isoformat(),
            "hours": logged.hours,
        }
        # Recorded before the meeting is added, so that all three are written in one go.
        await uow.access.record(
            AuditEvent.by(principal, "meeting.logged", "mentorship", pair.id, **facts)
        )
        await uow.outbox.emit("meeting.logged", {"mentorship_id": str(pair.id), **facts})
        stored = await uow.relationships.add_meeting(logged)
        await uow.commit()
    return stored


async def cancel_meeting(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, meeting_id: UUID
) -> Meeting:
    """Either participant cancels a meeting: it stays on record (who, when) and on calendars
    as cancelled, and no longer counts for the cadence, hours or reports."""
    scope = reach(principal, Resource.MEETINGS, Action.WRITE)
    # The pair is held from BEGIN, as for any change to it: the meeting read afterwards is as
    # a cancellation that held the pair before left it.
    async with uow.holding_pair_of_meeting(meeting_id):
        found = await uow.relationships.meeting(meeting_id)
        if found is None:
            raise NotFound("no such meeting", field="meeting_id")
        pair = await open_pair(uow, principal, found.mentorship_id, scope)
        require_cancellable(pair.status, by=participant(pair), already_cancelled=found.cancelled)
        assert principal.employee_id is not None
        # Recorded before the cancellation, so that all three are written in one go; if a
        # concurrent cancellation landed first, the refusal rolls the record back with it.
        await uow.access.record(
            AuditEvent.by(
                principal, "meeting.cancelled", "mentorship", pair.id, meeting_id=str(meeting_id)
            )
        )
        payload = {"mentorship_id": str(pair.id), "meeting_id": str(meeting_id)}
        await uow.outbox.emit("meeting.cancelled", payload)
        stored = await uow.relationships.cancel_meeting(
            meeting_id, cancelled_at=clock.now(), cancelled_by=principal.employee_id
        )
        if stored is None:  # a concurrent cancellation landed first (a conditional update)
            raise Conflict("this meeting is already cancelled", rule="already_cancelled")
        await uow.commit()
    return stored


async def list_meetings(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID
) -> MeetingLog:
    """The meeting log: the pair read everything; others read facts, or what was disclosed."""
    scope = reach(principal, Resource.MEETINGS, Action.READ)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        found = await uow.relationships.meetings([mentorship_id])
        grants = await granted(uow, pair.id)
        # A disclosure opens the notes as they stood when it was made, not later ones (004).
        notes = [
            readable(pair, principal, ContentPart.MEETING_NOTES, grants, m.held_on, m.id)
            for m in found
        ]
        if not readable(pair, principal, ContentPart.MEETING_FACTS, grants):
            found = [m for m, ok in zip(found, notes, strict=True) if ok]
            notes = [True] * len(found)
        if any(notes):
            await audit_read(uow, principal, pair, ContentPart.MEETING_NOTES, sum(notes))
        shown = tuple(m if ok else facts_only(m) for m, ok in zip(found, notes, strict=True))
        withheld = (
            not all(notes)
            if found
            else not readable(pair, principal, ContentPart.MEETING_NOTES, grants)
        )
        frequency = await agreed_frequency(uow, pair)
        report = cadence_of(pair.status, found, clock.now().date(), frequency)
        await uow.commit()
    return MeetingLog(shown, withheld, report)


def cadence_of(
    status: MentorshipStatus, meetings: list[Meeting], today: date, frequency: str | None = None
) -> CadenceReport:
    """The pair's cadence under its policy (``frequency``: what its agreement states)."""
    facts = [meeting_fact(m) for m in meetings]
    return pair_cadence(status.timeline, status.policy, facts, today, frequency)


def meeting_fact(meeting: Meeting) -> MeetingFact:
    """What the cadence reads of a logged meeting: its date, hours, and whether it was held
    face to face (a stored mode was checked when the meeting was logged)."""
    mode = meeting_mode(meeting.mode)
    return MeetingFact(meeting.held_on, meeting.hours, meeting.cancelled, held_face_to_face(mode))


async def agreed_frequency(uow: UnitOfWork, pair: Pair) -> str | None:
    """The meeting frequency the pair's agreement states, where the policy has the pair agree
    its cadence (Charlotte: "weekly, bi-weekly, monthly"); None otherwise."""
    if not pair.policy.cadence.agreed_in_agreement:
        return None
    agreement = await uow.relationships.agreement(pair.id)
    found = agreement.terms.get("frequency") if agreement else None
    return str(found) if found else None


def facts_only(meeting: Meeting) -> Meeting:
    """The meeting without what was said: date, hours and who logged it."""
    # The facts named one by one (what is not named keeps its empty default, so a field added
    # later is withheld until named here), and without `dataclasses.replace`, which walks
    # every field of the record: a dashboard withholds each pair's latest meeting this way.
    # That it was cancelled is a fact; who cancelled it singles someone out.
    return Meeting(
        id=meeting.id,
        mentorship_id=meeting.mentorship_id,
        held_on=meeting.held_on,
        hours=meeting.hours,
        logged_by=meeting.logged_by,
        cancelled=meeting.cancelled,
        cancelled_at=meeting.cancelled_at,
        created_at=meeting.created_at,
        mode=meeting.mode,  # how they met is a fact, as its date and hours are
    )


def _check(meeting: Meeting, today: date) -> None:
    if meeting.held_on > today:
        raise InvalidInput("a meeting is logged once it has been held", field="held_on")
    if not 0 < meeting.hours <= 24:
        raise InvalidInput("hours are more than 0 and at most 24", field="hours")
    meeting_mode(meeting.mode)
    for name in ("competency", "observations", "follow_ups", "notes"):
        value = getattr(meeting, name)
        if value is not None and len(value) > MAX_TEXT:
            raise InvalidInput(f"at most {MAX_TEXT} characters", field=name)


async def last_meetings(
    *, uow: UnitOfWork, principal: Principal, mentorship_ids: Sequence[UUID]
) -> list[Meeting | None]:
    """Batch read for DataLoaders: each mentorship's latest meeting not cancelled, in a fixed
    number of queries. As in `list_meetings`: the content for those who may read the notes
    (and the read is audited), facts for the rest, None where the log is out of reach."""
    scope = scope_or_none(principal, Resource.MEETINGS, Action.READ)
    if scope is None:
        return [None for _ in mentorship_ids]
    # Read without a transaction; only reading someone's notes writes (its audit record).
    async with uow.read_only():
        seen = await reachable_parties(uow, principal, mentorship_ids, scope)
        latest = await uow.relationships.last_meetings(list(seen)) if seen else []
        # A disclosure is made to named people: a reader who is no one in the directory (a
        # staff or integration token) can be granted nothing by one, so none are looked up.
        ids = [m.mentorship_id for m in latest] if principal.employee_id is not None else []
        grants: dict[UUID, list[Disclosure]] = defaultdict(list)
        for record in await uow.relationships.disclosures_of(ids) if ids else []:
            grants[record.mentorship_id].append(as_domain(record))
        shown: dict[UUID, Meeting] = {}
        read: list[UUID] = []
        for meeting in latest:
            pair = seen[meeting.mentorship_id]
            viewer = Viewer(relation_of(principal, pair), principal.employee_id)
            given = grants[pair.id]
            if may_read(
                viewer,
                ContentPart.MEETING_NOTES,
                given,
                written_on=meeting.held_on,
                item=meeting.id,
            ).allowed:
                shown[pair.id] = meeting
                read.append(pair.id)
            elif may_read(viewer, ContentPart.MEETING_FACTS, given).allowed:
                shown[pair.id] = facts_only(meeting)
    if read:
        async with uow:
            await uow.access.record_many([_notes_read(principal, i) for i in read])
            await uow.commit()
    return [shown.get(i) for i in mentorship_ids]


def _notes_read(principal: Principal, mentorship_id: UUID) -> AuditEvent:
    return AuditEvent.by(
        principal,
        "confidential.read",
        "mentorship",
        mentorship_id,
        part=ContentPart.MEETING_NOTES.value,
        items=1,
    )
