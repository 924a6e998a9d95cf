"""Maine's four confidentiality exceptions (seed 004) as records: who told whom what, about
whom, why and when, with the protege's consent or knowledge where the exception asks for it.
The protege can list every disclosure about them; a disclosure lets its recipients read
exactly the parts it names."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from app.domain import consent
from app.domain.access import AuditEvent, Principal, Role
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality import recording
from app.domain.confidentiality.disclosure import (
    Consent,
    DisclosingParty,
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
    Recipient,
)
from app.domain.confidentiality.parts import ContentPart
from app.domain.errors import InvalidInput, NotFound
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import open_pair, participant, readable
from app.services.relationships.records import DisclosureRecord


@dataclass(frozen=True, slots=True)
class RecipientInput:
    role: str
    person_id: UUID


def as_domain(record: DisclosureRecord) -> Disclosure:
    """The stored record as the confidentiality rules read it."""
    return Disclosure(
        kind=DisclosureKind(record.kind),
        by=record.by_id,
        by_party=DisclosingParty(record.by_party),
        to=tuple(
            Recipient(DisclosureRecipient(r["role"]), UUID(r["person_id"]))
            for r in record.recipients
        ),
        about=record.about_id,
        parts=frozenset(ContentPart(p) for p in record.parts),
        description=record.description,
        purpose=record.purpose,
        occurred_at=record.occurred_at,
        protege_consent=record.protege_consent,
        protege_informed=record.protege_informed,
        consent=Consent(record.consent),
        acknowledged_at=record.acknowledged_at,
        meetings=frozenset(record.meeting_ids),
    )


async def granted(uow: UnitOfWork, mentorship_id: UUID) -> list[Disclosure]:
    """The mentorship's disclosures, as grants the confidentiality rules consult."""
    return [as_domain(d) for d in await uow.relationships.disclosures(mentorship_id)]


async def record_disclosure(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    mentorship_id: UUID,
    kind: DisclosureKind,
    to: Sequence[RecipientInput],
    parts: Sequence[ContentPart] = (),
    description: str = "",
    purpose: str = "",
    protege_consent: bool = False,
    protege_informed: bool = False,
    occurred_at: datetime | None = None,
    meeting_ids: Sequence[UUID] = (),
) -> DisclosureRecord:
    """Record a confidence passed on under one of the program's exceptions, or refuse it."""
    scope = reach(principal, Resource.DISCLOSURES, Action.WRITE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        party = participant(pair)
        recipients = await _recipients(uow, pair.mentorship.mentee_id, to)
        when = occurred_at or clock.now()
        await _check_meetings(uow, mentorship_id, meeting_ids, when)
        disclosure = recording.record_disclosure(
            kind=kind,
            by=principal.employee_id,
            by_party=DisclosingParty(party.value),
            to=recipients,
            about=pair.mentorship.mentee_id,
            occurred_at=when,
            allowed=pair.policy.disclosure_exceptions,
            parts=parts,
            description=description,
            purpose=purpose,
            protege_consent=protege_consent,
            protege_informed=protege_informed,
            meetings=meeting_ids,
        )
        assert principal.employee_id is not None
        stored = await uow.relationships.add_disclosure(
            _record(mentorship_id, disclosure, principal.employee_id)
        )
        await _announce(uow, principal, stored, disclosure)
        await uow.commit()
    return stored


async def _announce(
    uow: UnitOfWork, principal: Principal, stored: DisclosureRecord, disclosure: Disclosure
) -> None:
    """The audit record (the kind and parts, never the content) and the event."""
    await uow.access.record(
        AuditEvent.by(
            principal,
            "disclosure.recorded",
            "mentorship",
            stored.mentorship_id,
            kind=disclosure.kind.value,
            parts=sorted(p.value for p in disclosure.parts),
        )
    )
    await uow.outbox.emit(
        "disclosure.recorded",
        {
            "mentorship_id": str(stored.mentorship_id),
            "disclosure_id": str(stored.id),
            "kind": disclosure.kind.value,
        },
    )


async def list_disclosures(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[DisclosureRecord]:
    """The mentorship's disclosures: the pair and program staff keep this file (004)."""
    scope = reach(principal, Resource.DISCLOSURES, Action.READ)
    async with uow.read_only():
        pair = await open_pair(uow, principal, mentorship_id, scope)
        if not readable(pair, principal, ContentPart.DISCLOSURE_RECORD):
            raise NotFound("no such mentorship", field="id")
        return await uow.relationships.disclosures(mentorship_id)


async def disclosures_about_me(*, uow: UnitOfWork, principal: Principal) -> list[DisclosureRecord]:
    """Every disclosure about the caller, in any of their mentorships (the protege's right)."""
    reach(principal, Resource.DISCLOSURES, Action.READ)
    if principal.employee_id is None:
        return []
    async with uow.read_only():
        return await uow.relationships.disclosures_about(principal.employee_id)


async def answer_consent(
    *, uow: UnitOfWork, principal: Principal, disclosure_id: UUID, grant: bool
) -> DisclosureRecord:
    """The protege grants or refuses the mentor's request to speak with their supervisor;
    the disclosure takes effect only once granted (004 exception 2)."""
    reach(principal, Resource.DISCLOSURES, Action.WRITE)
    async with uow:
        record = await _mine(uow, principal, disclosure_id)
        answered = consent.answer_consent(as_domain(record), by=principal.employee_id, grant=grant)
        stored = await _save_act(uow, principal, record, answered, "disclosure.consent_answered")
        await uow.commit()
    return stored


async def acknowledge_disclosure(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, disclosure_id: UUID
) -> DisclosureRecord:
    """The protege records that they know of a safety disclosure about them (exception 4)."""
    reach(principal, Resource.DISCLOSURES, Action.WRITE)
    async with uow:
        record = await _mine(uow, principal, disclosure_id)
        known = consent.acknowledge(as_domain(record), by=principal.employee_id, at=clock.now())
        stored = await _save_act(uow, principal, record, known, "disclosure.acknowledged")
        await uow.commit()
    return stored


async def _check_meetings(
    uow: UnitOfWork, mentorship_id: UUID, meeting_ids: Sequence[UUID], when: datetime
) -> None:
    """The meetings a mentor names are this pair's, held by the time of the disclosure."""
    if not meeting_ids:
        return
    held = {m.id: m.held_on for m in await uow.relationships.meetings([mentorship_id])}
    for index, meeting_id in enumerate(meeting_ids):
        day = held.get(meeting_id)
        if day is None or day > when.date():
            raise InvalidInput(
                "not a meeting of this pair held by then", field=f"meeting_ids[{index}]"
            )


async def _mine(uow: UnitOfWork, principal: Principal, disclosure_id: UUID) -> DisclosureRecord:
    """A disclosure about the caller; for anyone else it does not exist."""
    record = await uow.relationships.disclosure(disclosure_id)
    if record is None or principal.employee_id is None or record.about_id != principal.employee_id:
        raise NotFound("no such disclosure about you", field="id")
    return record


async def _save_act(
    uow: UnitOfWork,
    principal: Principal,
    record: DisclosureRecord,
    after: Disclosure,
    event: str,
) -> DisclosureRecord:
    changed = replace(
        record,
        consent=after.consent.value,
        protege_consent=after.protege_consent,
        acknowledged_at=after.acknowledged_at,
    )
    stored = await uow.relationships.save_protege_act(changed)
    await uow.access.record(
        AuditEvent.by(principal, event, "mentorship", record.mentorship_id, consent=changed.consent)
    )
    payload = {"mentorship_id": str(record.mentorship_id), "disclosure_id": str(record.id)}
    await uow.outbox.emit(event, payload)
    return stored


async def _administrators(uow: UnitOfWork) -> set[UUID]:
    """The people holding the coordinator (program administrator) role: a live token of it."""
    return {
        t.employee_id
        for t in await uow.access.tokens()
        if t.role in (Role.COORDINATOR, Role.ORG_ADMIN)
        and t.employee_id is not None
        and t.revoked_at is None
    }


async def _recipients(
    uow: UnitOfWork, mentee_id: UUID, to: Sequence[RecipientInput]
) -> list[Recipient]:
    people = {e.id: e for e in await uow.employees.get_many([r.person_id for r in to])}
    administrators = (
        await _administrators(uow)
        if any(r.role == DisclosureRecipient.ADMINISTRATOR.value for r in to)
        else set()
    )
    mentee = await uow.employees.get(mentee_id)
    found = []
    for index, r in enumerate(to):
        try:
            role = DisclosureRecipient(r.role)
        except ValueError:
            raise InvalidInput(
                "a recipient is the administrator or the supervisor", field=f"to[{index}].role"
            ) from None
        if r.person_id not in people:
            raise InvalidInput("no such employee", field=f"to[{index}].person_id")
        supervisor = mentee.manager_id if mentee else None
        if role is DisclosureRecipient.SUPERVISOR and r.person_id != supervisor:
            raise InvalidInput(
                "the supervisor named is not the protege's supervisor",
                field=f"to[{index}].person_id",
            )
        # 004: "the Mentoring Program Administrator" is a role holder, not anyone named.
        if role is DisclosureRecipient.ADMINISTRATOR and r.person_id not in administrators:
            raise InvalidInput(
                "the person named does not hold the program administrator (coordinator) role",
                field=f"to[{index}].person_id",
                rule="not_an_administrator",
            )
        found.append(Recipient(role, r.person_id))
    return found


def _record(mentorship_id: UUID, d: Disclosure, by: UUID) -> DisclosureRecord:
    assert isinstance(d.about, UUID)
    return DisclosureRecord(
        id=uuid.uuid4(),
        mentorship_id=mentorship_id,
        kind=d.kind.value,
        by_id=by,
        by_party=d.by_party.value,
        recipients=tuple({"role": r.role.value, "person_id": str(r.person_id)} for r in d.to),
        about_id=d.about,
        parts=tuple(sorted(p.value for p in d.parts)),
        description=d.description,
        purpose=d.purpose,
        occurred_at=d.occurred_at,
        protege_consent=d.protege_consent,
        protege_informed=d.protege_informed,
        consent=d.consent.value,
        acknowledged_at=d.acknowledged_at,
        meeting_ids=tuple(sorted(m for m in d.meetings if isinstance(m, UUID))),
    )
