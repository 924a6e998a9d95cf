"""REST shapes of credentials and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import access as ex
from app.domain.access import Role


class ApiTokenCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "HRIS nightly sync", "role": "integration"}]},
    )

    name: str = Field(min_length=1, max_length=200, description="What the token is for")
    role: Role
    scopes: list[str] = Field(default_factory=list, max_length=50)
    employee_id: UUID | None = Field(
        default=None, description="Required for participant and supervisor"
    )
    expires_at: datetime | None = Field(default=None, description="Timezone-aware; null = never")


class ApiTokenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.API_TOKEN_READ)

    id: UUID
    name: str
    hint: str = Field(description="The token's first characters, to tell tokens apart")
    role: Role
    employee_id: UUID | None
    scopes: list[str]
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


class ApiTokenPageRead(Page[ApiTokenRead]):
    """A page of API tokens."""


class ApiTokenCreatedRead(ApiTokenRead):
    model_config = ConfigDict(json_schema_extra=ex.API_TOKEN_CREATED_READ)

    token: str = Field(description="The token itself: shown this once, never again")


URL = r"^https?://[^\s/?#]+[^\s]*$"


class OidcIssuerCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "issuer": "https://sso.example.com/realms/city",
                    "audience": "mentoring-service",
                    "jwks_url": "https://login.example.org/.well-known/jwks.json",
                }
            ]
        },
    )

    issuer: str = Field(pattern=URL, max_length=2000, description="The `iss` of the tokens")
    audience: str = Field(min_length=1, max_length=500, description="The `aud` they must carry")
    jwks_url: str = Field(pattern=URL, max_length=2000, description="Where its signing keys are")
    role_claim: str = Field(default="mentoring_role", min_length=1, max_length=100)
    employee_claim: str = Field(default="employee_number", min_length=1, max_length=100)
    default_role: Role | None = None


class OidcIssuerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.OIDC_ISSUER_READ)

    id: UUID
    issuer: str
    audience: str
    jwks_url: str
    role_claim: str
    employee_claim: str
    default_role: Role | None


class OidcIssuerPageRead(Page[OidcIssuerRead]):
    """A page of OIDC issuers."""


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.AUDIT_EVENT_READ)

    id: int
    occurred_at: datetime
    actor: str = Field(
        description="Who acted: `employee:<id>` for a person's token or sign-in, else the "
        "token or service itself (`token:<id>`, `oidc:<subject>`, `cli`, `system:<job>`)"
    )
    actor_role: str
    action: str
    resource_type: str
    resource_id: str | None
    reason: str | None
    request_id: str | None
    details: dict[str, Any]


class AuditEventPageRead(Page[AuditEventRead]):
    """Audit events, newest first."""


class OrganizationRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.ORGANIZATION_READ)

    id: UUID
    slug: str
    name: str


class OrganizationPageRead(Page[OrganizationRead]):
    """The organisations the caller can see: its own."""


class OrganizationSettingsRead(OrganizationRead):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6c3f1e-8a3b-4a57-9d0e-2f1f3c5a7e10",
                    "slug": "example",
                    "name": "City of Example",
                    "max_open_pairs_per_mentor": 3,
                    "version": 2,
                }
            ]
        },
    )

    max_open_pairs_per_mentor: int | None = Field(
        description="Most open pairs one mentor may hold in all the organisation's programs "
        "together; null: no cap. Each program's capacity counts its own pairs only"
    )
    version: int = Field(description="Also the `ETag`; send it back in `If-Match`")


class OrganizationUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"max_open_pairs_per_mentor": 3}]}
    )

    max_open_pairs_per_mentor: int | None = Field(
        default=None, description="At least 1; null removes the cap; absent leaves it"
    )
