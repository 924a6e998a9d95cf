"""Organisations (tenants)."""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from app.adapters.db.tables import organizations
from app.services.ports import Organization

_COLUMNS = (organizations.c.id, organizations.c.slug, organizations.c.name)


class SqlOrganizationRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def add(self, organization: Organization) -> None:
        await self._connection.execute(
            organizations.insert().values(
                id=organization.id, slug=organization.slug, name=organization.name
            )
        )

    async def by_slug(self, slug: str) -> Organization | None:
        row = (
            await self._connection.execute(sa.select(*_COLUMNS).where(organizations.c.slug == slug))
        ).first()
        return Organization(*row) if row else None

    async def get(self, organization_id: UUID) -> Organization | None:
        row = (
            await self._connection.execute(
                sa.select(*_COLUMNS).where(organizations.c.id == organization_id)
            )
        ).first()
        return Organization(*row) if row else None
