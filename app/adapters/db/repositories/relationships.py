"""Repository of running a mentorship. Every statement is scoped to one organisation."""

from __future__ import annotations

from uuid import UUID

import asyncpg


class SqlRelationshipRepository:
    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id
