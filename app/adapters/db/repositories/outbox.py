"""The transactional outbox: events written with the change that caused them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.db import json_codec


class SqlOutbox:
    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    async def emit(self, event_type: str, payload: Mapping[str, Any]) -> UUID:
        """Record an event; it is delivered only if this transaction commits."""
        event_id = uuid.uuid4()
        await self._connection.execute(
            "INSERT INTO outbox_events (organization_id, event_id, event_type, payload) "
            "VALUES ($1, $2, $3, $4)",
            self._org,
            event_id,
            event_type,
            dict(payload),
        )
        return event_id

    async def emit_many(self, event_type: str, payloads: Sequence[Mapping[str, Any]]) -> None:
        """Record many events of one type in a single statement (bulk imports)."""
        if not payloads:
            return
        await self._connection.execute(
            "INSERT INTO outbox_events (organization_id, event_id, event_type, payload) "
            "SELECT $1, gen_random_uuid(), $2, p FROM unnest($3::jsonb[]) AS p",
            self._org,
            event_type,
            [json_codec.dumps(dict(p)) for p in payloads],
        )
