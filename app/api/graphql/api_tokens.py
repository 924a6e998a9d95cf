"""API tokens in GraphQL: the same services as REST."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.context import context_of
from app.api.graphql.problems import Problem
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.domain.access import ApiToken as ApiTokenRecord
from app.domain.access import Role as DomainRole
from app.domain.errors import DomainError
from app.services import access as service

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


CreateApiTokenResult = Annotated[IssuedApiToken | Problem, strawberry.union("CreateApiTokenResult")]
RevokeApiTokenResult = Annotated[ApiToken | Problem, strawberry.union("RevokeApiTokenResult")]


@strawberry.type
class TokenQuery:
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


@strawberry.type
class TokenMutation:
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
