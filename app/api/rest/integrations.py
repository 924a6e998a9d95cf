"""REST routes of the integrations area: webhook subscriptions and their deliveries."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Header, Path, Request, Response

from app.api.concurrency import etag, expected_version
from app.api.deps import CurrentCaller, OutboundUrls
from app.api.errors import problem
from app.api.pagination import PageQuery, bigint, bounded, keyset, single_key
from app.api.rest import roster_files
from app.api.rest.responses import problems
from app.api.rest.schemas.integrations import (
    WebhookDeliveryPageRead,
    WebhookDeliveryRead,
    WebhookEndpointCreate,
    WebhookEndpointPageRead,
    WebhookEndpointRead,
    WebhookEndpointSecretRead,
    WebhookEndpointUpdate,
    WebhookPingRead,
)
from app.services.integrations import webhooks as service
from app.services.integrations.ports import WebhookEndpoint

router = APIRouter(prefix="/v1", tags=["integrations"])
ROSTER_MAX_BODY_BYTES = roster_files.ROSTER_MAX_BODY_BYTES
BIGINT = 2**63 - 1  # delivery ids are PostgreSQL bigints
IfMatch = Annotated[
    str | None,
    Header(
        pattern=r'^(\*|(W/)?"v[0-9]{1,9}")$',
        description="The `ETag` you read; 412 if the endpoint changed since",
    ),
]


def _tagged(response: Response, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """The endpoint, its version as the response's `ETag`."""
    response.headers["ETag"] = etag(endpoint.version)
    return endpoint


def _with_secret(response: Response, issued: service.EndpointWithSecret) -> dict[str, Any]:
    return {**asdict(_tagged(response, issued.endpoint)), "secret": issued.secret}


@router.post(
    "/webhook-endpoints",
    operation_id="createWebhookEndpoint",
    status_code=201,
    response_model=WebhookEndpointSecretRead,
    responses=problems(403),
)
async def create_webhook_endpoint(
    body: WebhookEndpointCreate,
    caller: CurrentCaller,
    outbound: OutboundUrls,
    response: Response,
) -> Any:
    """Subscribe a URL to events, signed per Standard Webhooks; the secret is shown once."""
    issued = await service.create_webhook_endpoint(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        outbound=outbound,
        **body.model_dump(),
    )
    return _with_secret(response, issued)


@router.get(
    "/webhook-endpoints",
    operation_id="listWebhookEndpoints",
    response_model=WebhookEndpointPageRead,
    responses=problems(403),
)
async def list_webhook_endpoints(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The organisation's webhook subscriptions."""
    found = await service.list_webhook_endpoints(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, found, page)


@router.get(
    "/webhook-endpoints/{endpoint_id}",
    operation_id="getWebhookEndpoint",
    response_model=WebhookEndpointRead,
    responses=problems(403, 404),
)
async def get_webhook_endpoint(endpoint_id: UUID, caller: CurrentCaller, response: Response) -> Any:
    """One subscription, with its `ETag`."""
    found = await service.get_webhook_endpoint(
        uow=caller.uow, principal=caller.principal, endpoint_id=endpoint_id
    )
    return _tagged(response, found)


@router.patch(
    "/webhook-endpoints/{endpoint_id}",
    operation_id="updateWebhookEndpoint",
    response_model=WebhookEndpointRead,
    responses=problems(403, 404, 412),
)
async def update_webhook_endpoint(
    endpoint_id: UUID,
    caller: CurrentCaller,
    outbound: OutboundUrls,
    response: Response,
    body: WebhookEndpointUpdate | None = None,
    if_match: IfMatch = None,
) -> Any:
    """Change a subscription; with `If-Match`, only if nobody changed it since you read it."""
    try:
        updated = await service.update_webhook_endpoint(
            uow=caller.uow,
            principal=caller.principal,
            endpoint_id=endpoint_id,
            changes=body.model_dump(exclude_unset=True) if body else {},
            if_version=expected_version(if_match),
            outbound=outbound,
        )
    except service.StaleVersion as error:
        return problem(412, error.code, "Precondition failed", error.detail, field="If-Match")
    return _tagged(response, updated)


@router.delete(
    "/webhook-endpoints/{endpoint_id}",
    operation_id="removeWebhookEndpoint",
    status_code=204,
    responses=problems(403, 404),
)
async def remove_webhook_endpoint(endpoint_id: UUID, caller: CurrentCaller) -> Response:
    """Unsubscribe; undelivered events to it are dropped."""
    await service.remove_webhook_endpoint(
        uow=caller.uow, principal=caller.principal, endpoint_id=endpoint_id
    )
    return Response(status_code=204)


@router.post(
    "/webhook-endpoints/{endpoint_id}/rotate-secret",
    operation_id="rotateWebhookSecret",
    response_model=WebhookEndpointSecretRead,
    responses=problems(403, 404),
)
async def rotate_webhook_secret(
    endpoint_id: UUID,
    caller: CurrentCaller,
    response: Response,
) -> Any:
    """A new secret. For 24 hours deliveries carry signatures by both, old and new."""
    issued = await service.rotate_webhook_secret(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, endpoint_id=endpoint_id
    )
    return _with_secret(response, issued)


@router.post(
    "/webhook-endpoints/{endpoint_id}/ping",
    operation_id="pingWebhookEndpoint",
    status_code=202,
    responses=problems(403, 404),
)
async def ping_webhook_endpoint(endpoint_id: UUID, caller: CurrentCaller) -> WebhookPingRead:
    """Queue a `webhook.ping` event for this endpoint only, to test the receiver."""
    event_id = await service.ping_webhook_endpoint(
        uow=caller.uow, principal=caller.principal, endpoint_id=endpoint_id
    )
    return WebhookPingRead(event_id=event_id)


@router.get(
    "/webhook-endpoints/{endpoint_id}/deliveries",
    operation_id="listWebhookDeliveries",
    response_model=WebhookDeliveryPageRead,
    responses=problems(403, 404),
)
async def list_webhook_deliveries(
    endpoint_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Deliveries to this endpoint, newest first: state, attempts, last answer."""
    found = await service.list_webhook_deliveries(
        uow=caller.uow,
        principal=caller.principal,
        endpoint_id=endpoint_id,
        before=single_key(page, bigint),
        limit=page.limit,
    )
    return keyset(request, response, found.items, found.has_more, key=lambda d: [d.id])


@router.post(
    "/webhook-deliveries/{delivery_id}/redeliver",
    operation_id="redeliverWebhook",
    status_code=202,
    response_model=WebhookDeliveryRead,
    responses=problems(403, 404),
)
async def redeliver_webhook(
    delivery_id: Annotated[int, Path(ge=1, le=BIGINT)], caller: CurrentCaller
) -> Any:
    """Send a delivery again, now, whatever became of it before."""
    return await service.redeliver_webhook(
        uow=caller.uow, principal=caller.principal, delivery_id=delivery_id
    )


# Every route of the integrations area, in matching order (see `app.main.create_app`).
routers = (roster_files.router, router)
