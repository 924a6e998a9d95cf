"""The transactional outbox: events written with the change that caused them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any
from uuid import UUID

from app.adapters.db.repositories.trail import Trail
from app.domain.events import check_event


class SqlOutbox:
    def __init__(self, trail: Trail) -> None:
        self._trail = trail

    async def emit(self, event_type: str, payload: Mapping[str, Any]) -> UUID:
        """Record an event; it is delivered only if this transaction commits (it is written
        with the commit: see `Trail`). Only what the event catalogue lists goes out."""
        check_event(event_type, payload)
        event_id = uuid.uuid4()
        await self._trail.event(event_id, event_type, payload)
        return event_id
