"""The transactional outbox: events written with the change that caused them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import asyncpg


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
