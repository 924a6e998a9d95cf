"""API tokens, OIDC issuers and the audit log in GraphQL: the same services as REST."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.context import context_of
from app.api.graphql.preconditions import ETAG, IF_MATCH, version_etag, versioned
from app.api.graphql.problems import Problem
from app.api.graphql.relay import (
    Connection,
    PageInfo,
    bounded,
    cursor_argument,
    direction,
    page_info,
)
from app.api.pagination import bigint, by, key_in
from app.domain.access import ApiToken as ApiTokenRecord
from app.domain.access import AuditEvent as AuditEventRecord
from app.domain.access import OidcIssuer as OidcIssuerRecord
from app.domain.access import Role as DomainRole
from app.domain.errors import DomainError
from app.services import access as service
from app.services import organizations
from app.services.paging import encode_cursor
from app.services.ports import Organization as OrganizationRecord

Role = strawberry.enum(DomainRole, name="Role")


@strawberry.type
class ApiToken:
    id: UUID
    name: str
    hint: str
    role: Role  # type: ignore[valid-type]
    employee_id: UUID | None
    scopes: list[str]
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def of(cls, t: ApiTokenRecord) -> ApiToken:
        return cls(
            id=t.id,
            name=t.name,
            hint=t.hint,
            role=t.role,
            employee_id=t.employee_id,
            scopes=list(t.scopes),
            created_by=t.created_by,
            created_at=t.created_at,
            expires_at=t.expires_at,
            revoked_at=t.revoked_at,
            last_used_at=t.last_used_at,
        )


@strawberry.type(description="A new token; `token` is shown this once")
class IssuedApiToken:
    token: str
    record: ApiToken


@strawberry.type
class OidcIssuer:
    id: UUID
    issuer: str
    audience: str
    jwks_url: str
    role_claim: str
    employee_claim: str
    default_role: Role | None  # type: ignore[valid-type]

    @classmethod
    def of(cls, i: OidcIssuerRecord) -> OidcIssuer:
        return cls(
            id=i.id,
            issuer=i.issuer,
            audience=i.audience,
            jwks_url=i.jwks_url,
            role_claim=i.role_claim,
            employee_claim=i.employee_claim,
            default_role=i.default_role,
        )


@strawberry.type
class AuditEvent:
    id: int
    occurred_at: datetime
    actor: str = strawberry.field(
        description="Who acted: `employee:<id>` for a person's token or sign-in, else the "
        "token or service itself (`token:<id>`, `oidc:<subject>`, `cli`, `system:<job>`)"
    )
    actor_role: str
    action: str
    resource_type: str
    resource_id: str | None
    reason: str | None
    request_id: str | None
    details: JSON

    @classmethod
    def of(cls, e: AuditEventRecord) -> AuditEvent:
        return cls(
            id=e.id or 0,
            occurred_at=e.occurred_at or datetime.min.replace(tzinfo=UTC),
            actor=e.actor,
            actor_role=e.actor_role,
            action=e.action,
            resource_type=e.resource_type,
            resource_id=e.resource_id,
            reason=e.reason,
            request_id=e.request_id,
            details=cast(JSON, dict(e.details)),
        )


@strawberry.type
class AuditEventEdge:
    cursor: str
    node: AuditEvent


@strawberry.type(description="A page of the audit log, newest first")
class AuditEventConnection:
    edges: list[AuditEventEdge]
    page_info: PageInfo


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


@strawberry.type
class Removed:
    id: UUID


CreateApiTokenResult = Annotated[IssuedApiToken | Problem, strawberry.union("CreateApiTokenResult")]
RevokeApiTokenResult = Annotated[ApiToken | Problem, strawberry.union("RevokeApiTokenResult")]
RegisterOidcIssuerResult = Annotated[
    OidcIssuer | Problem, strawberry.union("RegisterOidcIssuerResult")
]
RemoveOidcIssuerResult = Annotated[Removed | Problem, strawberry.union("RemoveOidcIssuerResult")]
UpdateOrganizationResult = Annotated[
    Organization | Problem, strawberry.union("UpdateOrganizationResult")
]


@strawberry.type
class AccessQuery:
    @strawberry.field(
        description="The organisation's API tokens (administrators; Relay connection)"
    )
    async def api_tokens(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ApiToken]:
        context = context_of(info)
        tokens = await service.list_api_tokens(uow=context.new_uow(), principal=context.principal)
        return bounded(tokens, first, after, last, before, key=by("id"), make=ApiToken.of)

    @strawberry.field(description="Identity providers whose tokens are accepted (administrators)")
    async def oidc_issuers(self, info: strawberry.Info) -> list[OidcIssuer]:
        context = context_of(info)
        issuers = await service.list_oidc_issuers(
            uow=context.new_uow(), principal=context.principal
        )
        return [OidcIssuer.of(i) for i in issuers]

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

    @strawberry.field(
        description="Audit events, newest first (administrators; Relay connection: "
        "`first`/`after` towards older events, `last`/`before` towards newer ones)"
    )
    async def audit_events(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> AuditEventConnection:
        count, cursor, backward = direction(first, after, last, before, default=50)
        context = context_of(info)
        events = await service.list_audit_events(
            uow=context.new_uow(),
            principal=context.principal,
            before=key_in(cursor, bigint, cursor_argument(backward)),
            limit=count,
            backward=backward,
        )
        edges = [
            AuditEventEdge(cursor=encode_cursor([e.id]), node=AuditEvent.of(e))
            for e in events.items
        ]
        where = page_info(
            [e.cursor for e in edges],
            more=events.has_more,
            backward=backward,
            resumed=cursor is not None,
        )
        return AuditEventConnection(edges=edges, page_info=where)


@strawberry.type
class AccessMutation:
    @strawberry.mutation(description="Mint an API token; the token is in this answer only")
    async def create_api_token(
        self,
        info: strawberry.Info,
        name: str,
        role: Role,  # type: ignore[valid-type]
        scopes: list[str] | None = None,
        employee_id: UUID | None = None,
        expires_at: datetime | None = None,
    ) -> CreateApiTokenResult:
        context = context_of(info)
        try:
            issued = await service.create_api_token(
                uow=context.new_uow(),
                principal=context.principal,
                clock=context.clock,
                name=name,
                role=role,
                scopes=scopes or [],
                employee_id=employee_id,
                expires_at=expires_at,
            )
        except DomainError as error:
            return Problem.of(error)
        return IssuedApiToken(token=issued.token, record=ApiToken.of(issued.record))

    @strawberry.mutation(description="Revoke an API token; it stops working at once")
    async def revoke_api_token(self, info: strawberry.Info, id: UUID) -> RevokeApiTokenResult:
        context = context_of(info)
        try:
            record = await service.revoke_api_token(
                uow=context.new_uow(), principal=context.principal, token_id=id
            )
        except DomainError as error:
            return Problem.of(error)
        return ApiToken.of(record)

    @strawberry.mutation(description="Accept sign-ins from an identity provider")
    async def register_oidc_issuer(
        self,
        info: strawberry.Info,
        issuer: str,
        audience: str,
        jwks_url: str,
        role_claim: str = "mentoring_role",
        employee_claim: str = "employee_number",
        default_role: Role | None = None,  # type: ignore[valid-type]
    ) -> RegisterOidcIssuerResult:
        context = context_of(info)
        try:
            record = await service.register_oidc_issuer(
                uow=context.new_uow(),
                principal=context.principal,
                issuer=issuer,
                audience=audience,
                jwks_url=jwks_url,
                role_claim=role_claim,
                employee_claim=employee_claim,
                default_role=default_role,
                outbound=context.outbound,
            )
        except DomainError as error:
            return Problem.of(error)
        return OidcIssuer.of(record)

    @strawberry.mutation(description="Stop accepting an identity provider's tokens")
    async def remove_oidc_issuer(self, info: strawberry.Info, id: UUID) -> RemoveOidcIssuerResult:
        context = context_of(info)
        try:
            await service.remove_oidc_issuer(
                uow=context.new_uow(), principal=context.principal, issuer_id=id
            )
        except DomainError as error:
            return Problem.of(error)
        return Removed(id=id)

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
