"""SCIM provisioning's reads and writes: users (the directory's employees) and groups."""

from __future__ import annotations

from uuid import UUID

from app.adapters.db.repositories.integrations import scim_groups, scim_users
from app.adapters.db.repositories.integrations.statements import IntegrationStatements
from app.domain.directory import Employee
from app.services.integrations.ports import ScimGroup


class SqlScimRecords(IntegrationStatements):
    """What an identity provider provisions."""

    async def scim_search(
        self, condition: object, *, offset: int, limit: int
    ) -> tuple[int, list[Employee]]:
        """Built per request (a filter is the client's), still one statement per page."""
        return await scim_users.search(self._connection, self._org, condition, offset, limit)

    async def scim_group(self, group_id: UUID) -> ScimGroup | None:
        return await scim_groups.get(self._connection, self._org, group_id)

    async def scim_group_search(
        self, condition: object, *, offset: int, limit: int
    ) -> tuple[int, list[ScimGroup]]:
        return await scim_groups.search(self._connection, self._org, condition, offset, limit)

    async def save_scim_group(self, group: ScimGroup) -> ScimGroup:
        return await scim_groups.save(self._connection, self._org, group)

    async def remove_scim_group(self, group_id: UUID) -> bool:
        return await scim_groups.remove(self._connection, self._org, group_id)
