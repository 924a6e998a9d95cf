"""What a unit of work leaves behind it: its audit records and its outbox events, written
with its last write or its commit.

A write use case ends by recording what it did (the audit) and what others should hear of
it (the outbox), then commits. Held here, they go in one statement, however many there are,
and only once the transaction is sure to need them: what a rolled-back transaction would
have undone is never sent. That statement is either the use case's own last change
(`with_change`: its insert, the audit records and the events as one statement of CTEs) or
one sent just before COMMIT. Without a transaction (a read-only unit of work auditing a
read), each is written as it comes.

An audit record is written with its own MAC and queued for sealing (`audit_chain`): nothing
is read first and no lock is taken, so one organisation's writers do not queue behind each
other's commits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.db import audit_chain, json_codec
from app.domain.access import AuditEvent
from app.observability import request_id


@cache
def _statement(audit: bool, events: bool, first: int, change: str | None = None) -> str:
    """The trail's statement, its parameters numbered from `$first` (after `change`'s own),
    with `change` (a data-modifying statement with RETURNING) as its answer."""
    n = iter(range(first, first + 13))
    org = f"${next(n)}::uuid"
    parts = [f"change AS ({change})"] if change else []
    if audit:
        arrays = ", ".join(f"${next(n)}::text[]" for _ in range(9))
        parts.append(
            "audit AS (INSERT INTO audit_events (organization_id, actor, actor_role, action,"  # noqa: S608
            " resource_type, resource_id, reason, request_id, details, record_mac)"
            f" SELECT {org}, actor, actor_role, action, resource_type, resource_id, reason,"
            f" request_id, details::jsonb, record_mac FROM unnest({arrays}) WITH ORDINALITY"
            " AS a(actor, actor_role, action, resource_type, resource_id, reason, request_id,"
            " details, record_mac, n) ORDER BY n RETURNING organization_id, id)"
        )
        parts.append(
            "queued AS (INSERT INTO audit_unsealed (organization_id, event_id)"
            " SELECT organization_id, id FROM audit)"
        )
    if events:
        ids, types, payloads = (f"${next(n)}" for _ in range(3))
        parts.append(
            "events AS (INSERT INTO outbox_events (organization_id, event_id, event_type,"  # noqa: S608
            f" payload) SELECT {org}, event_id, event_type, payload::jsonb FROM"
            f" unnest({ids}::uuid[], {types}::text[], {payloads}::text[])"
            " AS e(event_id, event_type, payload))"
        )
    answer = "SELECT * FROM change" if change else "SELECT 1"
    return f"WITH {', '.join(parts)} {answer}"


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
        if self._audit or self._events:
            await self._connection.execute(*self._taken(None, 1))

    async def with_change(self, sql: str, args: Sequence[Any]) -> list[asyncpg.Record]:
        """Run a use case's last change (`sql`, with RETURNING) and send what is held with
        it, in one statement; answers the change's rows. Only inside a transaction: the
        change and the trail then commit or roll back together, as they would one by one."""
        if not self._connection.is_in_transaction():
            raise RuntimeError("a change carries the trail inside a transaction only")
        statement, *more = self._taken(sql, len(args) + 1)
        return list(await self._connection.fetch(statement, *args, *more))

    def _taken(self, change: str | None, first: int) -> list[Any]:
        audit, events = self._audit, self._events
        self._audit, self._events = [], []
        args: list[Any] = [self._org] if audit or events else []
        if audit:
            args += self._audit_arrays(audit)
        if events:
            args += [
                [e[0] for e in events],
                [e[1] for e in events],
                [json_codec.dumps(dict(e[2])) for e in events],
            ]
        if not args:  # nothing held: the change alone
            return [change]
        return [_statement(bool(audit), bool(events), first, change), *args]

    def _audit_arrays(self, audit: list[tuple[AuditEvent, str | None]]) -> list[list[Any]]:
        fields: list[list[Any]] = [
            [e.actor for e, _ in audit],
            [e.actor_role for e, _ in audit],
            [e.action for e, _ in audit],
            [e.resource_type for e, _ in audit],
            [e.resource_id for e, _ in audit],
            [e.reason for e, _ in audit],
            [made_in for _, made_in in audit],
        ]
        details = [json_codec.dumps(dict(e.details)) for e, _ in audit]
        return [*fields, details, self._macs(list(zip(*fields, strict=True)), details)]

    def _macs(self, records: list[tuple[Any, ...]], details: list[str]) -> list[str]:
        if self._org is None:  # refused by the insert anyway: no organisation, no record
            return [""] * len(records)
        key = audit_chain.chain_key()
        return [
            audit_chain.record_mac(key, audit_chain.content(self._org, r, d))
            for r, d in zip(records, details, strict=True)
        ]
