"""What the matching repositories share: one organisation's connection, and who is in each
pair already read in this request."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.db.sql import Statement
from app.services.programs.records import KnownPairs


class MatchingStatements:
    """Statements run on one connection, scoped to one organisation (`:org`)."""

    def __init__(
        self,
        connection: asyncpg.Connection,
        organization_id: UUID | None,
        known_pairs: KnownPairs | None = None,
    ) -> None:
        self._connection = connection
        self._org = organization_id
        # Who is in a pair never changes once it is stored, so what one unit of work of a
        # request has read, the next need not ask again (a GraphQL page's batches).
        self._known_pairs = {} if known_pairs is None else known_pairs

    async def _execute(self, statement: Statement, **values: Any) -> None:
        await self._connection.execute(statement.sql, *statement.args({"org": self._org, **values}))

    async def _row(self, statement: Statement, **values: Any) -> Any:
        return await self._connection.fetchrow(
            statement.sql, *statement.args({"org": self._org, **values})
        )

    async def _rows(self, statement: Statement, **values: Any) -> list[Any]:
        return list(
            await self._connection.fetch(
                statement.sql, *statement.args({"org": self._org, **values})
            )
        )
