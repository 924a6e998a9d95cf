"""SCIM Groups <-> the organisation's role groups (`scim_groups`).

A group here is a role group kept by the identity provider: the people it assigns to a
function of the programs, such as "Mentoring coordinators" or "Selection committee". The
service keeps each group, its externalId and its members (provisioned Users), so Okta's
and Entra's group push work and a group reads back as it was written. Members are Users
only (no nested groups); a deprovisioned user leaves every group's reading.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar
from uuid import UUID

import sqlalchemy as sa
from scim2_models import (
    Group,
    GroupMember,
    InvalidValueException,
    Meta,
    Mutability,
    NotFoundException,
    PreconditionFailedException,
    SearchRequest,
    UniquenessException,
)

from app.adapters.db.tables_integrations import scim_groups as g
from app.adapters.scim import filters, users
from app.domain.directory import Employee
from app.domain.errors import DomainError, NotFound
from app.services.integrations import scim_directory as service
from app.services.integrations.ports import ScimGroup

DESCRIPTION = (
    "A role group of the identity provider: the people it assigns to a function of the "
    "mentoring programs (e.g. coordinators, selection committee). Members are Users."
)


class HrGroupMember(GroupMember):
    """A member is a User, by id and `$ref`; `display` (not in RFC 7643's Group schema) is
    read-only and left out, so a group reads back exactly as it was written."""

    display: Annotated[str | None, Mutability.read_only] = None


class HrGroup(Group):
    members: list[HrGroupMember] | None = None  # type: ignore[assignment]
    Members: ClassVar[type[GroupMember]] = HrGroupMember


def _id(resource_id: str) -> UUID:
    try:
        return UUID(resource_id)
    except ValueError:
        raise NotFoundException(detail="no such group") from None


def version(group: ScimGroup) -> str:
    changed = group.updated_at
    return f'W/"{int(changed.timestamp() * 1_000_000)}"' if changed else 'W/"0"'


def to_resource(group: ScimGroup, people: dict[UUID, Employee], base_url: str) -> HrGroup:
    members = [
        HrGroupMember(
            value=str(m),
            ref=f"{base_url.rstrip('/')}/Users/{m}",
            type="User",
        )
        for m in group.member_ids
        if m in people and not people[m].attributes.get(users.DELETED)
    ]
    resource = HrGroup(
        id=str(group.id),
        display_name=group.display_name,
        external_id=group.external_id,
        members=members or None,
    )
    resource.meta = Meta(
        resource_type="Group",
        created=group.created_at,
        last_modified=group.updated_at,
        version=version(group),
    )
    return resource


def _from_resource(resource: HrGroup, group_id: UUID) -> ScimGroup:
    member_ids: list[UUID] = []
    for member in resource.members or []:
        if member.type and member.type != "User":
            raise InvalidValueException(detail="members: only Users can be members here")
        try:
            member_ids.append(UUID(str(member.value)))
        except ValueError:
            raise InvalidValueException(detail=f"members: no such user: {member.value}") from None
    return ScimGroup(
        group_id, (resource.display_name or "").strip(), resource.external_id, tuple(member_ids)
    )


class GroupStore:
    """The Group half of the SCIM storage; `caller` gives the request's unit of work."""

    def __init__(self, caller: Any) -> None:
        self.caller = caller

    async def _people(self, groups: Sequence[ScimGroup]) -> dict[UUID, Employee]:
        ids = [m for group in groups for m in group.member_ids]
        if not ids:
            return {}
        found = await service.group_members(
            uow=self.caller.new_uow(), principal=self.caller.principal, employee_ids=ids
        )
        return {e.id: e for e in found}

    async def stored(self, resource_id: str) -> ScimGroup:
        try:
            return await service.provisioned_group(
                uow=self.caller.new_uow(),
                principal=self.caller.principal,
                group_id=_id(resource_id),
            )
        except NotFound:
            raise NotFoundException(detail="no such group") from None

    async def get(self, resource_id: str) -> HrGroup:
        group = await self.stored(resource_id)
        return to_resource(group, await self._people([group]), self.caller.base_url)

    async def search(
        self, search_request: SearchRequest[Any], offset: int, limit: int
    ) -> tuple[int, list[HrGroup]]:
        scim_filter = search_request.filter
        condition = filters.where_group(scim_filter.ast if scim_filter else None)
        total, found = await service.search_provisioned_groups(
            uow=self.caller.new_uow(),
            principal=self.caller.principal,
            condition=condition,
            offset=offset,
            limit=limit,
        )
        people = await self._people(found)
        return total, [to_resource(group, people, self.caller.base_url) for group in found]

    async def _write(self, group: ScimGroup) -> HrGroup:
        await self._check_name(group)
        try:
            saved = await service.write_provisioned_group(
                uow=self.caller.new_uow(), principal=self.caller.principal, group=group
            )
        except DomainError as error:
            if error.field == "displayName" and "exists" in error.detail:
                raise UniquenessException(detail=error.detail) from None
            where = f"{error.field}: " if error.field else ""
            raise InvalidValueException(detail=where + error.detail) from None
        return to_resource(saved, await self._people([saved]), self.caller.base_url)

    async def _check_name(self, group: ScimGroup) -> None:
        """displayName is unique in the organisation, compared without case."""
        taken = sa.and_(
            sa.func.lower(g.c.display_name) == group.display_name.lower(), g.c.id != group.id
        )
        total, _ = await service.search_provisioned_groups(
            uow=self.caller.new_uow(),
            principal=self.caller.principal,
            condition=taken,
            offset=0,
            limit=0,
        )
        if total:
            raise UniquenessException(detail="a group with this displayName exists")

    async def create(self, resource: HrGroup) -> HrGroup:
        return await self._write(_from_resource(resource, uuid.uuid4()))

    async def update(self, resource: HrGroup, expected_version: str | None) -> HrGroup:
        existing = await self.stored(str(resource.id))
        if expected_version is not None and expected_version != version(existing):
            raise PreconditionFailedException(detail="the group changed since it was read")
        return await self._write(_from_resource(resource, existing.id))

    async def delete(self, resource_id: str, expected_version: str | None) -> None:
        existing = await self.stored(resource_id)
        if expected_version is not None and expected_version != version(existing):
            raise PreconditionFailedException(detail="the group changed since it was read")
        try:
            await service.remove_provisioned_group(
                uow=self.caller.new_uow(), principal=self.caller.principal, group_id=existing.id
            )
        except NotFound:
            raise NotFoundException(detail="no such group") from None
