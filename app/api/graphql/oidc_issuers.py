"""The identity providers whose tokens are accepted, in GraphQL: the same services as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.api_tokens import Role
from app.api.graphql.context import context_of
from app.api.graphql.problems import Problem
from app.domain.access import OidcIssuer as OidcIssuerRecord
from app.domain.errors import DomainError
from app.services import access as service


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
class Removed:
    id: UUID


RegisterOidcIssuerResult = Annotated[
    OidcIssuer | Problem, strawberry.union("RegisterOidcIssuerResult")
]
RemoveOidcIssuerResult = Annotated[Removed | Problem, strawberry.union("RemoveOidcIssuerResult")]


@strawberry.type
class IssuerQuery:
    @strawberry.field(description="Identity providers whose tokens are accepted (administrators)")
    async def oidc_issuers(self, info: strawberry.Info) -> list[OidcIssuer]:
        context = context_of(info)
        issuers = await service.list_oidc_issuers(
            uow=context.new_uow(), principal=context.principal
        )
        return [OidcIssuer.of(i) for i in issuers]


@strawberry.type
class IssuerMutation:
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
