"""The integrations area in GraphQL: the same service functions as REST."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry

from app.api.graphql.context import context_of
from app.api.graphql.preconditions import ETAG, IF_MATCH, version_etag, versioned
from app.api.graphql.problems import Problem
from app.api.graphql.relay import PageInfo, cursor_argument, direction, page_info
from app.api.graphql.roster_files import RosterMutation, RosterQuery
from app.api.pagination import bigint, key_in
from app.domain.errors import DomainError, NotFound
from app.services.integrations import webhooks as service
from app.services.integrations.ports import WebhookDelivery as DeliveryRecord
from app.services.integrations.ports import WebhookEndpoint as EndpointRecord
from app.services.paging import encode_cursor


def _fields(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


@strawberry.type
class WebhookEndpoint:
    id: UUID
    url: str
    description: str
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None
    version: int = strawberry.field(description="Pass as `ifVersion` to guard an update")
    created_at: datetime
    updated_at: datetime
    previous_secret_expires_at: datetime | None

    @classmethod
    def of(cls, e: EndpointRecord) -> WebhookEndpoint:
        return cls(**{**_fields(e), "event_types": list(e.event_types)})

    @strawberry.field(description=f"{ETAG} (of `updateWebhookEndpoint`)")
    def etag(self) -> str:
        return version_etag(self.version)


@strawberry.type(description="An endpoint with its signing secret (creation and rotation only)")
class IssuedWebhookEndpoint:
    secret: str
    endpoint: WebhookEndpoint


@strawberry.type
class WebhookDelivery:
    id: int
    endpoint_id: UUID
    event_id: UUID
    event_type: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_status: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, d: DeliveryRecord) -> WebhookDelivery:
        return cls(**_fields(d))


@strawberry.type
class WebhookDeliveryEdge:
    cursor: str
    node: WebhookDelivery


@strawberry.type(description="A page of an endpoint's deliveries, newest first")
class WebhookDeliveryConnection:
    edges: list[WebhookDeliveryEdge]
    page_info: PageInfo


@strawberry.type
class WebhookPing:
    event_id: UUID


@strawberry.type
class WebhookEndpointRemoved:
    id: UUID


SecretResult = Annotated[
    IssuedWebhookEndpoint | Problem, strawberry.union("IssuedWebhookEndpointResult")
]
EndpointResult = Annotated[WebhookEndpoint | Problem, strawberry.union("WebhookEndpointResult")]
RemovedResult = Annotated[
    WebhookEndpointRemoved | Problem, strawberry.union("RemoveWebhookEndpointResult")
]
PingResult = Annotated[WebhookPing | Problem, strawberry.union("PingWebhookEndpointResult")]
DeliveryResult = Annotated[WebhookDelivery | Problem, strawberry.union("RedeliverWebhookResult")]


def _secret(issued: service.EndpointWithSecret) -> IssuedWebhookEndpoint:
    return IssuedWebhookEndpoint(secret=issued.secret, endpoint=WebhookEndpoint.of(issued.endpoint))


@strawberry.type
class IntegrationQuery(RosterQuery):
    @strawberry.field(description="Webhook subscriptions (administrators, integrations)")
    async def webhook_endpoints(self, info: strawberry.Info) -> list[WebhookEndpoint]:
        context = context_of(info)
        found = await service.list_webhook_endpoints(
            uow=context.new_uow(), principal=context.principal
        )
        return [WebhookEndpoint.of(e) for e in found]

    @strawberry.field(description="One webhook subscription")
    async def webhook_endpoint(self, info: strawberry.Info, id: UUID) -> WebhookEndpoint | None:
        context = context_of(info)
        try:
            found = await service.get_webhook_endpoint(
                uow=context.new_uow(), principal=context.principal, endpoint_id=id
            )
        except DomainError:
            return None
        return WebhookEndpoint.of(found)

    @strawberry.field(
        description="Deliveries to one endpoint, newest first (Relay connection: `first`/"
        "`after` towards older ones, `last`/`before` towards newer); null when not found"
    )
    async def webhook_deliveries(
        self,
        info: strawberry.Info,
        endpoint_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> WebhookDeliveryConnection | None:
        count, cursor, backward = direction(first, after, last, before, default=50)
        context = context_of(info)
        try:
            found = await service.list_webhook_deliveries(
                uow=context.new_uow(),
                principal=context.principal,
                endpoint_id=endpoint_id,
                before=key_in(cursor, bigint, cursor_argument(backward)),
                limit=count,
                backward=backward,
            )
        except NotFound:
            return None
        edges = [
            WebhookDeliveryEdge(cursor=encode_cursor([d.id]), node=WebhookDelivery.of(d))
            for d in found.items
        ]
        where = page_info(
            [e.cursor for e in edges],
            more=found.has_more,
            backward=backward,
            resumed=cursor is not None,
        )
        return WebhookDeliveryConnection(edges=edges, page_info=where)


async def _call(info: strawberry.Info, use_case: Any, **arguments: Any) -> Any:
    context = context_of(info)
    try:
        return await use_case(uow=context.new_uow(), principal=context.principal, **arguments)
    except DomainError as error:
        return Problem.of(error)


async def _update_endpoint(
    *, if_match: str | None, if_version: int | None, **arguments: Any
) -> EndpointRecord:
    return await versioned(
        if_match,
        lambda version: service.update_webhook_endpoint(**arguments, if_version=version),
        if_version,
    )


@strawberry.type
class IntegrationMutation(RosterMutation):
    @strawberry.mutation(description="Subscribe a URL to events; the secret is in this answer")
    async def create_webhook_endpoint(
        self, info: strawberry.Info, url: str, event_types: list[str], description: str = ""
    ) -> SecretResult:
        issued = await _call(
            info,
            service.create_webhook_endpoint,
            clock=context_of(info).clock,
            url=url,
            event_types=event_types,
            description=description,
            outbound=context_of(info).outbound,
        )
        return issued if isinstance(issued, Problem) else _secret(issued)

    @strawberry.mutation(
        description=f"Change a subscription; `ifVersion` refuses stale writes. {IF_MATCH}"
    )
    async def update_webhook_endpoint(
        self,
        info: strawberry.Info,
        id: UUID,
        url: str | None = None,
        event_types: list[str] | None = None,
        description: str | None = None,
        enabled: bool | None = None,
        if_version: int | None = None,
        if_match: str | None = None,
    ) -> EndpointResult:
        given: dict[str, Any] = {"url": url, "event_types": event_types}
        given |= {"description": description, "enabled": enabled}
        changes = {k: v for k, v in given.items() if v is not None}
        updated = await _call(
            info,
            _update_endpoint,
            if_match=if_match,
            if_version=if_version,
            endpoint_id=id,
            changes=changes,
            outbound=context_of(info).outbound,
        )
        return updated if isinstance(updated, Problem) else WebhookEndpoint.of(updated)

    @strawberry.mutation(description="Unsubscribe")
    async def remove_webhook_endpoint(self, info: strawberry.Info, id: UUID) -> RemovedResult:
        done = await _call(info, service.remove_webhook_endpoint, endpoint_id=id)
        return done if isinstance(done, Problem) else WebhookEndpointRemoved(id=id)

    @strawberry.mutation(description="A new signing secret; the old one signs too for a day")
    async def rotate_webhook_signing_key(self, info: strawberry.Info, id: UUID) -> SecretResult:
        issued = await _call(
            info, service.rotate_webhook_secret, clock=context_of(info).clock, endpoint_id=id
        )
        return issued if isinstance(issued, Problem) else _secret(issued)

    @strawberry.mutation(description="Send a `webhook.ping` event to this endpoint only")
    async def ping_webhook_endpoint(self, info: strawberry.Info, id: UUID) -> PingResult:
        event_id = await _call(info, service.ping_webhook_endpoint, endpoint_id=id)
        return event_id if isinstance(event_id, Problem) else WebhookPing(event_id=event_id)

    @strawberry.mutation(description="Send a delivery again, now")
    async def redeliver_webhook(self, info: strawberry.Info, delivery_id: int) -> DeliveryResult:
        found = await _call(info, service.redeliver_webhook, delivery_id=delivery_id)
        return found if isinstance(found, Problem) else WebhookDelivery.of(found)
