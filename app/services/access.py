"""Credentials and the audit trail: API tokens, OIDC issuers, audit events."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from app.domain import api_tokens
from app.domain.access import ApiToken, AuditEvent, OidcIssuer, Principal, Role
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput, NotFound
from app.domain.outbound_urls import OutboundPolicy, url_refusal
from app.services.approvers import approver_name
from app.services.paging import Page, check_limit, page_of
from app.services.ports import Clock, UnitOfWork

# Roles that act as a person, so a token for them must say which employee it is.
PERSONAL_ROLES = (Role.PARTICIPANT, Role.SUPERVISOR)


@dataclass(frozen=True, slots=True)
class IssuedToken:
    record: ApiToken
    token: str  # shown once


async def create_api_token(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    name: str,
    role: Role,
    scopes: Sequence[str] = (),
    employee_id: uuid.UUID | None = None,
    expires_at: datetime | None = None,
    random: Callable[[int], bytes] = secrets.token_bytes,
) -> IssuedToken:
    """Mint a token bound to the caller's organisation; the token is returned only here."""
    reach(principal, Resource.API_TOKENS, Action.WRITE)
    if not name.strip():
        raise InvalidInput("must not be blank", field="name")
    if role in PERSONAL_ROLES and employee_id is None:
        raise InvalidInput(f"a {role} token must name its employee", field="employee_id")
    if expires_at is not None and expires_at <= clock.now():
        raise InvalidInput("must be in the future", field="expires_at")
    token = api_tokens.token_from_random(random(32))
    async with uow:
        if employee_id is not None and await uow.employees.get(employee_id) is None:
            raise InvalidInput("no such employee in this organisation", field="employee_id")
        # Who created it is named as a person reads it (item 9): the employee behind the
        # caller's token, or that token's label, never a bare token id.
        draft = ApiToken(
            uuid.uuid4(),
            name.strip(),
            api_tokens.hint(token),
            role,
            employee_id,
            tuple(sorted(set(scopes))),
            await approver_name(uow, principal),
            clock.now(),
            expires_at,
            None,
            None,
        )
        record = await uow.access.add_token(draft, api_tokens.token_hash(token))
        await uow.access.record(
            AuditEvent.by(principal, "api_token.created", "api_token", record.id, role=role.value)
        )
        await uow.commit()
    return IssuedToken(record, token)


async def list_api_tokens(*, uow: UnitOfWork, principal: Principal) -> list[ApiToken]:
    """Every token of the organisation, revoked ones included; never the tokens themselves."""
    reach(principal, Resource.API_TOKENS, Action.READ)
    async with uow.read_only():
        return await uow.access.tokens()


async def revoke_api_token(
    *, uow: UnitOfWork, principal: Principal, token_id: uuid.UUID
) -> ApiToken:
    """Revoke a token (idempotent); it stops working at once."""
    reach(principal, Resource.API_TOKENS, Action.WRITE)
    async with uow:
        record = await uow.access.revoke_token(token_id)
        if record is None:
            raise NotFound("no such token", field="id")
        await uow.access.record(
            AuditEvent.by(principal, "api_token.revoked", "api_token", token_id)
        )
        await uow.commit()
    return record


async def register_oidc_issuer(
    *,
    uow: UnitOfWork,
    principal: Principal,
    issuer: str,
    audience: str,
    jwks_url: str,
    role_claim: str = "mentoring_role",
    employee_claim: str = "employee_number",
    default_role: Role | None = None,
    outbound: OutboundPolicy = OutboundPolicy(),
) -> OidcIssuer:
    """Accept sign-ins from an identity provider: its tokens' claims map to role and employee.
    The service fetches `jwks_url`, so it passes the outbound URL guard (`outbound`)."""
    reach(principal, Resource.OIDC_ISSUERS, Action.WRITE)
    if not _is_web_url(issuer):
        raise InvalidInput("must be an absolute http(s) URL", field="issuer")
    if why := url_refusal(jwks_url, outbound):
        raise InvalidInput(why, field="jwks_url")
    if not audience.strip():
        raise InvalidInput("must not be blank", field="audience")
    record = OidcIssuer(
        uuid.uuid4(), issuer, audience, jwks_url, role_claim, employee_claim, default_role
    )
    async with uow:
        await uow.access.add_issuer(record)
        await uow.access.record(
            AuditEvent.by(
                principal, "oidc_issuer.registered", "oidc_issuer", record.id, issuer=issuer
            )
        )
        await uow.commit()
    return record


def _is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in ("https", "http") and bool(parts.netloc)


async def list_oidc_issuers(*, uow: UnitOfWork, principal: Principal) -> list[OidcIssuer]:
    """The identity providers this organisation accepts."""
    reach(principal, Resource.OIDC_ISSUERS, Action.READ)
    async with uow.read_only():
        return await uow.access.issuers()


async def remove_oidc_issuer(
    *, uow: UnitOfWork, principal: Principal, issuer_id: uuid.UUID
) -> None:
    """Stop accepting an identity provider's tokens."""
    reach(principal, Resource.OIDC_ISSUERS, Action.WRITE)
    async with uow:
        if not await uow.access.remove_issuer(issuer_id):
            raise NotFound("no such issuer", field="id")
        await uow.access.record(
            AuditEvent.by(principal, "oidc_issuer.removed", "oidc_issuer", issuer_id)
        )
        await uow.commit()


async def list_audit_events(
    *,
    uow: UnitOfWork,
    principal: Principal,
    before: int | None = None,
    limit: int = 50,
    backward: bool = False,
) -> Page[AuditEvent]:
    """The newest audit events first; pass the last event's id as `before` for older ones.
    `backward`: the newer events just above `before` instead, still newest first."""
    reach(principal, Resource.AUDIT_EVENTS, Action.READ)
    check_limit(limit)
    async with uow.read_only():
        found = await uow.access.audit_page(before=before, limit=limit + 1, backward=backward)
    return page_of(found, limit, backward=backward)
