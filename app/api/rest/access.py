"""REST routes for API tokens, OIDC issuers, the audit log and the organisation's settings
(organisation administrators)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import IfMatch, expected_version, tagged
from app.api.deps import CurrentCaller, OutboundUrls
from app.api.pagination import PageQuery, bigint, bounded, keyset, single_key
from app.api.rest.responses import problems
from app.api.rest.schemas.access import (
    ApiTokenCreate,
    ApiTokenCreatedRead,
    ApiTokenPageRead,
    ApiTokenRead,
    AuditEventPageRead,
    OidcIssuerCreate,
    OidcIssuerPageRead,
    OidcIssuerRead,
    OrganizationPageRead,
    OrganizationSettingsRead,
    OrganizationUpdate,
)
from app.services import access as service
from app.services import organizations

router = APIRouter(prefix="/v1", tags=["access"])


@router.post(
    "/api-tokens",
    operation_id="createApiToken",
    status_code=201,
    responses=problems(403),
)
async def create_api_token(body: ApiTokenCreate, caller: CurrentCaller) -> ApiTokenCreatedRead:
    """Mint a token for a script or integration. The token is in this response only."""
    issued = await service.create_api_token(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, **body.model_dump()
    )
    read = ApiTokenRead.model_validate(issued.record, from_attributes=True)
    return ApiTokenCreatedRead(**read.model_dump(), token=issued.token)


@router.get(
    "/api-tokens",
    operation_id="listApiTokens",
    response_model=ApiTokenPageRead,
    responses=problems(403),
)
async def list_api_tokens(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The organisation's tokens (never the tokens themselves)."""
    everything = await service.list_api_tokens(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, everything, page)


@router.delete(
    "/api-tokens/{token_id}",
    operation_id="revokeApiToken",
    response_model=ApiTokenRead,
    responses=problems(403, 404),
)
async def revoke_api_token(token_id: UUID, caller: CurrentCaller) -> Any:
    """Revoke a token: it stops working at once. The record stays, for the audit trail."""
    return await service.revoke_api_token(
        uow=caller.uow, principal=caller.principal, token_id=token_id
    )


@router.post(
    "/oidc-issuers",
    operation_id="registerOidcIssuer",
    status_code=201,
    response_model=OidcIssuerRead,
    responses=problems(403),
)
async def register_oidc_issuer(
    body: OidcIssuerCreate, caller: CurrentCaller, outbound: OutboundUrls
) -> Any:
    """Accept sign-ins from an identity provider (its JWTs as bearer tokens)."""
    return await service.register_oidc_issuer(
        uow=caller.uow, principal=caller.principal, outbound=outbound, **body.model_dump()
    )


@router.get(
    "/oidc-issuers",
    operation_id="listOidcIssuers",
    response_model=OidcIssuerPageRead,
    responses=problems(403),
)
async def list_oidc_issuers(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The identity providers this organisation accepts."""
    everything = await service.list_oidc_issuers(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, everything, page)


@router.delete(
    "/oidc-issuers/{issuer_id}",
    operation_id="removeOidcIssuer",
    status_code=204,
    responses=problems(403, 404),
)
async def remove_oidc_issuer(issuer_id: UUID, caller: CurrentCaller) -> Response:
    """Stop accepting an identity provider's tokens."""
    await service.remove_oidc_issuer(
        uow=caller.uow, principal=caller.principal, issuer_id=issuer_id
    )
    return Response(status_code=204)


@router.get(
    "/audit-events",
    operation_id="listAuditEvents",
    response_model=AuditEventPageRead,
    responses=problems(403),
)
async def list_audit_events(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Who did what and when, newest first. Facts only, never confidential content."""
    events = await service.list_audit_events(
        uow=caller.uow,
        principal=caller.principal,
        before=single_key(page, bigint),
        limit=page.limit,
    )
    return keyset(request, response, events.items, events.has_more, key=lambda e: [e.id])


@router.get(
    "/organizations",
    operation_id="listOrganizations",
    response_model=OrganizationPageRead,
    responses=problems(403),
)
async def list_organizations(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The organisations this token can see: the one it is bound to (administrators,
    coordinators)."""
    found = await organizations.list_organizations(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, found, page)


@router.get(
    "/organizations/{organization_id}",
    operation_id="getOrganization",
    response_model=OrganizationSettingsRead,
    responses=problems(403, 404),
)
async def get_organization(organization_id: UUID, caller: CurrentCaller, response: Response) -> Any:
    """The caller's organisation and its settings; the settings' version is the `ETag`."""
    found = await organizations.get_organization(
        uow=caller.uow, principal=caller.principal, organization_id=organization_id
    )
    tagged(response, found.version)
    return found


@router.patch(
    "/organizations/{organization_id}",
    operation_id="updateOrganization",
    response_model=OrganizationSettingsRead,
    responses=problems(403, 404, 412),
)
async def update_organization(
    organization_id: UUID,
    caller: CurrentCaller,
    response: Response,
    body: OrganizationUpdate | None = None,
    if_match: IfMatch = None,
) -> Any:
    """Change the organisation's settings (administrators). With `If-Match` (the `ETag`),
    only if nobody changed them since you read them (412 otherwise)."""
    updated = await organizations.update_organization_settings(
        uow=caller.uow,
        principal=caller.principal,
        organization_id=organization_id,
        changes=body.model_dump(exclude_unset=True) if body else {},
        if_version=expected_version(if_match),
    )
    tagged(response, updated.version)
    return updated
