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

from app.adapters.db import audit_chain, json_codec
from app.domain.access import AuditEvent
from app.observability import request_id

# In the order given (WITH ORDINALITY): the chain's hashes were computed in that order.
_AUDIT = (
    "INSERT INTO audit_events (organization_id, actor, actor_role, action, resource_type,"
    " resource_id, reason, request_id, details, chain_hash)"
    " SELECT $1::uuid, actor, actor_role, action, resource_type, resource_id, reason,"
    " request_id, details::jsonb, chain_hash"
    " FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
    " $8::text[], $9::text[], $10::text[]) WITH ORDINALITY"
    " AS a(actor, actor_role, action, resource_type, resource_id, reason, request_id, details,"
    " chain_hash, n) ORDER BY n"
)
_EVENTS = (
    "INSERT INTO outbox_events (organization_id, event_id, event_type, payload)"
    " SELECT $1::uuid, event_id, event_type, payload::jsonb"
    " FROM unnest({}::uuid[], {}::text[], {}::text[]) AS e(event_id, event_type, payload)"
)
_EVENTS_ONLY = _EVENTS.format("$2", "$3", "$4")
_BOTH = f"WITH audit AS ({_AUDIT}) {_EVENTS.format('$11', '$12', '$13')}"


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
        """Send what is held, in one statement (the unit of work does, before COMMIT); audit
        records first learn the chain's head, which holds the organisation's other writers
        back until this transaction ends."""
        audit, events = self._audit, self._events
        if not audit and not events:
            return
        self._audit, self._events = [], []
        if audit and not self._connection.is_in_transaction():
            async with self._connection.transaction():  # the head's lock lasts to the insert
                await self._send(audit, events)
        else:
            await self._send(audit, events)

    async def _send(
        self,
        audit: list[tuple[AuditEvent, str | None]],
        events: list[tuple[UUID, str, Mapping[str, Any]]],
    ) -> None:
        args: list[Any] = [self._org]
        if audit:
            fields = [
                [e.actor for e, _ in audit],
                [e.actor_role for e, _ in audit],
                [e.action for e, _ in audit],
                [e.resource_type for e, _ in audit],
                [e.resource_id for e, _ in audit],
                [e.reason for e, _ in audit],
                [made_in for _, made_in in audit],
            ]
            details = [json_codec.dumps(dict(e.details)) for e, _ in audit]
            args += [
                *fields,
                details,
                await self._chained(list(zip(*fields, strict=True)), details),
            ]
        if events:
            args += [
                [e[0] for e in events],
                [e[1] for e in events],
                [json_codec.dumps(dict(e[2])) for e in events],
            ]
        sql = _BOTH if audit and events else _AUDIT if audit else _EVENTS_ONLY
        await self._connection.execute(sql, *args)

    async def _chained(self, records: list[tuple[Any, ...]], details: list[str]) -> list[str]:
        if self._org is None:  # refused by the insert anyway: no organisation, no chain
            return [""] * len(records)
        head = await self._connection.fetchval(audit_chain.HEAD, self._org)
        contents = [
            audit_chain.content(self._org, r, d) for r, d in zip(records, details, strict=True)
        ]
        return audit_chain.links(audit_chain.chain_key(), head, contents)
