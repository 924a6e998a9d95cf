"""The caller's organisation and its settings in GraphQL: the same services as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.context import context_of
from app.api.graphql.preconditions import ETAG, IF_MATCH, version_etag, versioned
from app.api.graphql.problems import Problem
from app.domain.errors import DomainError
from app.services import organizations
from app.services.ports import Organization as OrganizationRecord


@strawberry.type(description="The caller's organisation and its settings")
class Organization:
    id: UUID
    slug: str
    name: str
    max_open_pairs_per_mentor: int | None = strawberry.field(
        description="Most open pairs one mentor may hold in all the organisation's programs "
        "together; null: no cap. Each program's capacity counts its own pairs only"
    )
    version: int = strawberry.field(description="Send it back as `ifVersion` to update")

    @classmethod
    def of(cls, o: OrganizationRecord) -> Organization:
        return cls(
            id=o.id,
            slug=o.slug,
            name=o.name,
            max_open_pairs_per_mentor=o.max_open_pairs_per_mentor,
            version=o.version,
        )

    @strawberry.field(description=f"{ETAG} (of `updateOrganization`)")
    def etag(self) -> str:
        return version_etag(self.version)


UpdateOrganizationResult = Annotated[
    Organization | Problem, strawberry.union("UpdateOrganizationResult")
]


@strawberry.type
class OrganizationQuery:
    @strawberry.field(
        description="The caller's organisation and its settings (administrators, coordinators)"
    )
    async def organization(self, info: strawberry.Info) -> Organization:
        context = context_of(info)
        principal = context.principal
        found = await organizations.get_organization(
            uow=context.new_uow(), principal=principal, organization_id=principal.organization_id
        )
        return Organization.of(found)


@strawberry.type
class OrganizationMutation:
    @strawberry.mutation(
        description="Change the organisation's settings (administrators): the cap on one "
        "mentor's open pairs across all programs (null: none; absent: unchanged); with "
        "`ifVersion`, only if the settings are still at that version. " + IF_MATCH
    )
    async def update_organization(
        self,
        info: strawberry.Info,
        max_open_pairs_per_mentor: int | None = strawberry.UNSET,
        if_version: int | None = None,
        if_match: str | None = None,
    ) -> UpdateOrganizationResult:
        context = context_of(info)
        principal = context.principal
        changes: dict[str, object] = {}
        if max_open_pairs_per_mentor is not strawberry.UNSET:
            changes["max_open_pairs_per_mentor"] = max_open_pairs_per_mentor
        try:
            updated = await versioned(
                if_match,
                lambda version: organizations.update_organization_settings(
                    uow=context.new_uow(),
                    principal=principal,
                    organization_id=principal.organization_id,
                    changes=changes,
                    if_version=version,
                ),
                if_version,
            )
        except DomainError as error:
            return Problem.of(error)
        return Organization.of(updated)
