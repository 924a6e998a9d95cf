"""What a unit of work leaves behind it: its audit records and its outbox events, written
together with its commit.

A write use case ends by recording what it did (the audit) and what others should hear of
it (the outbox), then commits. Sent one by one, those were two of a logged meeting's seven
round trips. Held here, they go in one statement just before COMMIT, however many there are,
and only then: what a rolled-back transaction would have undone is never sent. Without a
transaction (a read-only unit of work auditing a read), each is written as it comes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.db import json_codec
from app.domain.access import AuditEvent
from app.observability import request_id

_AUDIT = (
    "INSERT INTO audit_events (organization_id, actor, actor_role, action, resource_type,"
    " resource_id, reason, request_id, details)"
    " SELECT $1::uuid, actor, actor_role, action, resource_type, resource_id, reason,"
    " request_id, details::jsonb"
    " FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
    " $8::text[], $9::text[])"
    " AS a(actor, actor_role, action, resource_type, resource_id, reason, request_id, details)"
)
_EVENTS = (
    "INSERT INTO outbox_events (organization_id, event_id, event_type, payload)"
    " SELECT $1::uuid, event_id, event_type, payload::jsonb"
    " FROM unnest({}::uuid[], {}::text[], {}::text[]) AS e(event_id, event_type, payload)"
)
_EVENTS_ONLY = _EVENTS.format("$2", "$3", "$4")
_BOTH = f"WITH audit AS ({_AUDIT}) {_EVENTS.format('$10', '$11', '$12')}"


class Trail:
    def __init__(
        self, connection: asyncpg.Connection, organization_id: UUID | None, *, deferred: bool
    ) -> None:
        self._connection = connection
        self._org = organization_id
        self._deferred = deferred
        # Each record with the request it was made in (read then: the trail is sent later).
        self._audit: list[tuple[AuditEvent, str | None]] = []
        self._events: list[tuple[UUID, str, Mapping[str, Any]]] = []

    async def audit(self, events: Sequence[AuditEvent]) -> None:
        made_in = request_id.get()
        self._audit += [(event, made_in) for event in events]
        if not self._deferred:
            await self.write()

    async def event(self, event_id: UUID, event_type: str, payload: Mapping[str, Any]) -> None:
        self._events.append((event_id, event_type, payload))
        if not self._deferred:
            await self.write()

    async def write(self) -> None:
        """Send what is held, in one statement (the unit of work does, before COMMIT)."""
        audit, events = self._audit, self._events
        if not audit and not events:
            return
        self._audit, self._events = [], []
        args: list[Any] = [self._org]
        if audit:
            args += [
                [e.actor for e, _ in audit],
                [e.actor_role for e, _ in audit],
                [e.action for e, _ in audit],
                [e.resource_type for e, _ in audit],
                [e.resource_id for e, _ in audit],
                [e.reason for e, _ in audit],
                [made_in for _, made_in in audit],
                [json_codec.dumps(dict(e.details)) for e, _ in audit],
            ]
        if events:
            args += [
                [e[0] for e in events],
                [e[1] for e in events],
                [json_codec.dumps(dict(e[2])) for e in events],
            ]
        sql = _BOTH if audit and events else _AUDIT if audit else _EVENTS_ONLY
        await self._connection.execute(sql, *args)
