"""Who is asking: a principal bound to one organisation, with a role."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any
from uuid import UUID


class Role(StrEnum):
    ORG_ADMIN = "org_admin"
    COORDINATOR = "coordinator"
    COMMITTEE = "committee"
    SUPERVISOR = "supervisor"
    PARTICIPANT = "participant"
    INTEGRATION = "integration"


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller. Every query is scoped to `organization_id`; nothing else is visible."""

    organization_id: UUID
    role: Role
    subject: str
    employee_id: UUID | None = None
    scopes: frozenset[str] = frozenset()
    token_id: UUID | None = None

    @property
    def actor(self) -> str:
        """Who the audit log names: the employee behind a token or sign-in bound to one (the
        same person whichever door they came through), else the subject (a service token, an
        operator, a background job)."""
        return self.subject if self.employee_id is None else f"employee:{self.employee_id}"

    @property
    def rate_key(self) -> str:
        """What rate limits count against: the token, or the signed-in person."""
        return str(self.token_id) if self.token_id else f"{self.organization_id}:{self.subject}"


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A token's record. The token itself is shown once, at creation, and never stored."""

    id: UUID
    name: str
    hint: str
    role: Role
    employee_id: UUID | None
    scopes: tuple[str, ...]
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class OidcIssuer:
    """An identity provider whose signed tokens this organisation accepts."""

    id: UUID
    issuer: str
    audience: str
    jwks_url: str
    role_claim: str
    employee_claim: str
    default_role: Role | None


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """Who did what, when and why. Facts only: never the content of what was read or written."""

    actor: str
    actor_role: str
    action: str
    resource_type: str
    resource_id: str | None = None
    reason: str | None = None
    details: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    occurred_at: datetime | None = None
    id: int | None = None
    request_id: str | None = None

    @classmethod
    def by(
        cls,
        principal: Principal,
        action: str,
        resource_type: str,
        resource_id: object = None,
        **details: Any,
    ) -> AuditEvent:
        return cls(
            principal.actor,
            principal.role.value,
            action,
            resource_type,
            None if resource_id is None else str(resource_id),
            details=MappingProxyType(details),
        )
