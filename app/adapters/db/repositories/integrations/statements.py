"""What the integration repositories share: one connection, scoped to one organisation
(`:org`) unless an administrative unit of work reads across them."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa

ORG: sa.BindParameter[object] = sa.bindparam("org")
ID: sa.BindParameter[object] = sa.bindparam("id")


class IntegrationStatements:
    """Statements run on one connection for one organisation."""

    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    async def _fetch(self, statement: Any, **values: Any) -> list[asyncpg.Record]:
        rows: list[asyncpg.Record] = await self._connection.fetch(
            statement.sql, *statement.args({"org": self._org, **values})
        )
        return rows
