"""Organisations (tenants)."""

from __future__ import annotations

from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db.rls import ORG_SETTING
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import organizations as t
from app.services.ports import Organization

_SELECT = sa.select(t.c.id, t.c.slug, t.c.name, t.c.max_open_pairs_per_mentor, t.c.version)
_BY_SLUG = compile_statement(_SELECT.where(t.c.slug == sa.bindparam("slug")))
_BY_ID = compile_statement(_SELECT.where(t.c.id == sa.bindparam("id")))
_EVERY = compile_statement(_SELECT.order_by(t.c.slug))
_INSERT = compile_statement(
    t.insert().values(id=sa.bindparam("id"), slug=sa.bindparam("slug"), name=sa.bindparam("name"))
)

_LOAD_CAP = compile_statement(
    sa.select(t.c.max_open_pairs_per_mentor).where(t.c.id == sa.bindparam("id"))
)
# The version check and the change are one statement, so two writers can never both win.
_SET_LOAD_CAP = compile_statement(
    sa.text(
        "UPDATE organizations SET max_open_pairs_per_mentor = :cap, version = version + 1, "
        "updated_at = now() WHERE id = :id "
        "AND (CAST(:if_version AS integer) IS NULL OR version = :if_version) "
        "RETURNING id, slug, name, max_open_pairs_per_mentor, version"
    )
)


class SqlOrganizationRepository:
    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._organization_id = organization_id

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

    async def load_cap(self) -> int | None:
        """The bound organisation's cap across its programs (None: none, or no organisation)."""
        if self._organization_id is None:
            return None
        cap: int | None = await self._connection.fetchval(_LOAD_CAP.sql, self._organization_id)
        return cap

    async def set_load_cap(
        self, organization_id: UUID, cap: int | None, *, if_version: int | None
    ) -> Organization | None:
        values = {"id": organization_id, "cap": cap, "if_version": if_version}
        row = await self._connection.fetchrow(_SET_LOAD_CAP.sql, *_SET_LOAD_CAP.args(values))
        return Organization(*row) if row else None

    async def every(self) -> list[Organization]:
        """Every organisation row-level security lets this session see (all, for operators)."""
        return [Organization(*row) for row in await self._connection.fetch(_EVERY.sql)]

    async def mentorships_by_state(self) -> dict[str, int]:
        """Counts over every organisation, through the one function that may cross them."""
        rows = await self._connection.fetch("SELECT state, count FROM mentorship_counts_by_state()")
        return {row["state"]: row["count"] for row in rows}
