"""Organisations (tenants)."""

from __future__ import annotations

from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db.rls import ORG_SETTING
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import organizations as t
from app.services.ports import Organization

_SELECT = sa.select(t.c.id, t.c.slug, t.c.name)
_BY_SLUG = compile_statement(_SELECT.where(t.c.slug == sa.bindparam("slug")))
_BY_ID = compile_statement(_SELECT.where(t.c.id == sa.bindparam("id")))
_EVERY = compile_statement(_SELECT.order_by(t.c.slug))
_INSERT = compile_statement(
    t.insert().values(id=sa.bindparam("id"), slug=sa.bindparam("slug"), name=sa.bindparam("name"))
)


class SqlOrganizationRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def add(self, organization: Organization) -> None:
        # Creating a tenant enters it for the rest of this transaction: the row-level policy
        # admits a new organisation row only when it is the current one.
        await self._connection.execute(
            "SELECT set_config($1, $2, true)", ORG_SETTING, str(organization.id)
        )
        values = {"id": organization.id, "slug": organization.slug, "name": organization.name}
        await self._connection.execute(_INSERT.sql, *_INSERT.args(values))

    async def by_slug(self, slug: str) -> Organization | None:
        row = await self._connection.fetchrow(_BY_SLUG.sql, slug)
        return Organization(*row) if row else None

    async def get(self, organization_id: UUID) -> Organization | None:
        row = await self._connection.fetchrow(_BY_ID.sql, organization_id)
        return Organization(*row) if row else None

    async def every(self) -> list[Organization]:
        """Every organisation row-level security lets this session see (all, for operators)."""
        return [Organization(*row) for row in await self._connection.fetch(_EVERY.sql)]

    async def mentorships_by_state(self) -> dict[str, int]:
        """Counts over every organisation, through the one function that may cross them."""
        rows = await self._connection.fetch("SELECT state, count FROM mentorship_counts_by_state()")
        return {row["state"]: row["count"] for row in rows}
