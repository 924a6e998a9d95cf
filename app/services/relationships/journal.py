"""The mentee's monthly journal (001 "Monthly Journaling"): the sample journal's columns,
readable by the mentee alone, whatever else is disclosed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.parts import ContentPart
from app.domain.development_plan import check_journal_offered
from app.domain.errors import NotPermitted, TransitionRefused
from app.domain.journal import check_journal_entry
from app.domain.lifecycle.parties import Party
from app.services.ports import UnitOfWork
from app.services.relationships.pairs import audit_read, open_pair, participant, readable
from app.services.relationships.records import JournalEntry


async def write_journal_entry(
    *,
    uow: UnitOfWork,
    principal: Principal,
    mentorship_id: UUID,
    entry_on: date,
    entry: Mapping[str, str],
) -> JournalEntry:
    """The mentee adds an entry to their own journal, where the program keeps one."""
    scope = reach(principal, Resource.JOURNAL, Action.WRITE)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        if participant(pair) is not Party.MENTEE:
            raise NotPermitted("the journal is the mentee's own", rule="journal_mentee_only")
        check_journal_offered(pair.policy.goals.mentee_journal)
        if pair.status.is_terminal:
            raise TransitionRefused(
                f"the mentorship is {pair.status.state}; that is final", rule="terminal_state"
            )
        check_journal_entry(pair.status.timeline, entry_on, entry)
        assert principal.employee_id is not None
        stored = await uow.relationships.add_journal_entry(
            JournalEntry(uuid.uuid4(), mentorship_id, principal.employee_id, entry_on, dict(entry))
        )
        await uow.access.record(
            AuditEvent.by(
                principal, "journal.written", "mentorship", mentorship_id, entry_id=str(stored.id)
            )
        )
        await uow.commit()
    return stored


async def read_journal(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[JournalEntry]:
    """The mentee's own entries; nobody else may read them."""
    scope = reach(principal, Resource.JOURNAL, Action.READ)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        participant(pair)
        if not readable(pair, principal, ContentPart.JOURNAL) or principal.employee_id is None:
            raise NotPermitted(
                "the journal is readable by the mentee alone", rule="journal_mentee_only"
            )
        entries = await uow.relationships.journal(mentorship_id, principal.employee_id)
        await audit_read(uow, principal, pair, ContentPart.JOURNAL, len(entries))
        await uow.commit()
    return entries
