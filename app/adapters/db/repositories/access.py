"""API tokens, OIDC issuers and the audit log, each scoped to one organisation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.auth.token_cache import TOKENS
from app.adapters.db.repositories.trail import Trail
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import api_tokens as tok
from app.adapters.db.tables import audit_events as aud
from app.adapters.db.tables import oidc_issuers as iss
from app.domain.access import ApiToken, AuditEvent, OidcIssuer, Role
from app.domain.errors import Conflict

_ORG: sa.BindParameter[object] = sa.bindparam("org")
_TOKEN_COLUMNS = (
    tok.c.id,
    tok.c.name,
    tok.c.hint,
    tok.c.role,
    tok.c.employee_id,
    tok.c.scopes,
    tok.c.created_by,
    tok.c.created_at,
    tok.c.expires_at,
    tok.c.revoked_at,
    tok.c.last_used_at,
)
_INSERT_TOKEN = compile_statement(
    tok.insert()
    .values(
        organization_id=_ORG,
        **{
            c: sa.bindparam(c)
            for c in (
                "id",
                "name",
                "hint",
                "token_hash",
                "role",
                "employee_id",
                "scopes",
                "created_by",
                "expires_at",
            )
        },
    )
    .returning(*_TOKEN_COLUMNS)
)
_LIST_TOKENS = compile_statement(
    sa.select(*_TOKEN_COLUMNS).where(tok.c.organization_id == _ORG).order_by(tok.c.created_at)
)
_REVOKE_TOKEN = compile_statement(
    tok.update()
    .where(tok.c.organization_id == _ORG, tok.c.id == sa.bindparam("id"))
    .values(revoked_at=sa.func.coalesce(tok.c.revoked_at, sa.func.now()))
    .returning(*_TOKEN_COLUMNS, tok.c.token_hash)
)

_ISSUER_COLUMNS = (
    iss.c.id,
    iss.c.issuer,
    iss.c.audience,
    iss.c.jwks_url,
    iss.c.role_claim,
    iss.c.employee_claim,
    iss.c.default_role,
)
_INSERT_ISSUER = compile_statement(
    iss.insert().values(
        organization_id=_ORG, **{c.name: sa.bindparam(c.name) for c in _ISSUER_COLUMNS}
    )
)
_LIST_ISSUERS = compile_statement(
    sa.select(*_ISSUER_COLUMNS).where(iss.c.organization_id == _ORG).order_by(iss.c.issuer)
)
_DELETE_ISSUER = compile_statement(
    iss.delete()
    .where(iss.c.organization_id == _ORG, iss.c.id == sa.bindparam("id"))
    .returning(iss.c.id)
)

_AUDIT_COLUMNS = (
    aud.c.actor,
    aud.c.actor_role,
    aud.c.action,
    aud.c.resource_type,
    aud.c.resource_id,
    aud.c.reason,
    aud.c.details,
    aud.c.occurred_at,
    aud.c.id,
    aud.c.request_id,
)
_AUDIT_PAGE = compile_statement(
    sa.select(*_AUDIT_COLUMNS)
    .where(
        aud.c.organization_id == _ORG,
        aud.c.id
        < sa.func.coalesce(
            sa.bindparam("before", type_=sa.BigInteger), sa.literal_column("9223372036854775807")
        ),
    )
    .order_by(aud.c.id.desc())
    .limit(sa.bindparam("limit"))
)
# The page before a cursor (newer events), read up from it; the caller restores newest first.
_AUDIT_PAGE_BACK = compile_statement(
    sa.select(*_AUDIT_COLUMNS)
    .where(
        aud.c.organization_id == _ORG,
        aud.c.id
        > sa.func.coalesce(sa.bindparam("before", type_=sa.BigInteger), sa.literal_column("0")),
    )
    .order_by(aud.c.id)
    .limit(sa.bindparam("limit"))
)


def _token(row: Any) -> ApiToken:
    values = list(row)[:11]
    values[3] = Role(values[3])
    values[5] = tuple(values[5])
    return ApiToken(*values)


def _issuer(row: Any) -> OidcIssuer:
    values = list(row)
    values[6] = Role(values[6]) if values[6] else None
    return OidcIssuer(*values)


class SqlAccessRepository:
    """Credentials and audit of one organisation."""

    def __init__(
        self, connection: asyncpg.Connection, organization_id: UUID | None, trail: Trail
    ) -> None:
        self._connection = connection
        self._org = organization_id
        self._trail = trail

    async def add_token(self, token: ApiToken, token_hash: bytes) -> ApiToken:
        values = {
            "org": self._org,
            "token_hash": token_hash,
            "id": token.id,
            "name": token.name,
            "hint": token.hint,
            "role": token.role.value,
            "employee_id": token.employee_id,
            "scopes": list(token.scopes),
            "created_by": token.created_by,
            "expires_at": token.expires_at,
        }
        return _token(
            await self._connection.fetchrow(_INSERT_TOKEN.sql, *_INSERT_TOKEN.args(values))
        )

    async def tokens(self) -> list[ApiToken]:
        rows = await self._connection.fetch(_LIST_TOKENS.sql, self._org)
        return [_token(r) for r in rows]

    async def revoke_token(self, token_id: UUID) -> ApiToken | None:
        row = await self._connection.fetchrow(
            _REVOKE_TOKEN.sql, *_REVOKE_TOKEN.args({"org": self._org, "id": token_id})
        )
        if row is None:
            return None
        TOKENS.forget(bytes(row["token_hash"]))  # this process stops honouring it at once
        return _token(row)

    async def add_issuer(self, issuer: OidcIssuer) -> None:
        values = {
            "org": self._org,
            "id": issuer.id,
            "issuer": issuer.issuer,
            "audience": issuer.audience,
            "jwks_url": issuer.jwks_url,
            "role_claim": issuer.role_claim,
            "employee_claim": issuer.employee_claim,
            "default_role": issuer.default_role.value if issuer.default_role else None,
        }
        try:
            await self._connection.execute(_INSERT_ISSUER.sql, *_INSERT_ISSUER.args(values))
        except asyncpg.UniqueViolationError:
            # Sign-in finds the organisation by issuer and audience, so the pair is unique.
            raise Conflict(
                "this issuer and audience are already registered", field="audience"
            ) from None

    async def issuers(self) -> list[OidcIssuer]:
        return [_issuer(r) for r in await self._connection.fetch(_LIST_ISSUERS.sql, self._org)]

    async def remove_issuer(self, issuer_id: UUID) -> bool:
        return (
            await self._connection.fetchval(
                _DELETE_ISSUER.sql, *_DELETE_ISSUER.args({"org": self._org, "id": issuer_id})
            )
            is not None
        )

    async def record(self, event: AuditEvent) -> None:
        await self._trail.audit([event])

    async def audit_page(
        self, *, before: int | None, limit: int, backward: bool = False
    ) -> list[AuditEvent]:
        await self._trail.write()  # what this unit of work recorded is part of the log
        statement = _AUDIT_PAGE_BACK if backward else _AUDIT_PAGE
        rows = await self._connection.fetch(
            statement.sql, *statement.args({"org": self._org, "before": before, "limit": limit})
        )
        found = [AuditEvent(*r) for r in rows]
        return found[::-1] if backward else found

    async def record_many(self, events: Sequence[AuditEvent]) -> None:
        """Several events at once (a batch read audits every pair it read)."""
        if events:
            await self._trail.audit(events)
