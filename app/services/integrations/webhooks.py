"""Webhook subscriptions: where an organisation's events go, signed with a secret.

Events are written to the outbox by the use case that caused them; a delivery worker
(`app.services.integrations.webhook_delivery`) sends them. Here: subscribing, changing, rotating the
secret, and asking for a delivery again.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput, NotFound, PreconditionFailed
from app.domain.events import unknown_subscriptions
from app.domain.outbound_urls import OutboundPolicy, url_refusal
from app.services.integrations.ports import WebhookDelivery, WebhookEndpoint
from app.services.paging import Page, check_limit, page_of
from app.services.ports import Clock, UnitOfWork

# A rotated-out secret keeps signing this long, so receivers can switch without a gap.
OLD_SECRET_GRACE = timedelta(hours=24)


StaleVersion = PreconditionFailed  # the resource changed since the caller read it


@dataclass(frozen=True, slots=True)
class EndpointWithSecret:
    endpoint: WebhookEndpoint
    secret: str  # shown at creation and rotation only


def new_secret(random: Callable[[int], bytes] = secrets.token_bytes) -> str:
    """A Standard Webhooks secret: `whsec_` and base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(random(32)).decode()


def _check(url: str | None, event_types: Sequence[str] | None, outbound: OutboundPolicy) -> None:
    if url is not None and (why := url_refusal(url, outbound)):
        raise InvalidInput(why, field="url")
    if event_types is not None:
        if not event_types:
            raise InvalidInput("name at least one event type, or '*'", field="event_types")
        if bad := unknown_subscriptions(tuple(event_types)):
            raise InvalidInput(
                f"not event types this service sends: {', '.join(bad)} "
                "(the OpenAPI document's webhooks list them)",
                field="event_types",
            )


async def create_webhook_endpoint(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    url: str,
    event_types: Sequence[str],
    description: str = "",
    outbound: OutboundPolicy = OutboundPolicy(),
) -> EndpointWithSecret:
    """Subscribe a URL to event types; the signing secret is in this answer (and rotations).
    `outbound` says which URLs the deployment lets the service call (strict by default)."""
    reach(principal, Resource.WEBHOOKS, Action.WRITE)
    _check(url, event_types, outbound)
    now = clock.now()
    endpoint = WebhookEndpoint(
        uuid.uuid4(), url, description, tuple(sorted(set(event_types))), True, None, 1, now, now
    )
    secret = new_secret()
    async with uow:
        await uow.integrations.add_endpoint(endpoint, secret)
        await uow.access.record(
            AuditEvent.by(principal, "webhook_endpoint.created", "webhook_endpoint", endpoint.id)
        )
        await uow.commit()
    return EndpointWithSecret(endpoint, secret)


async def list_webhook_endpoints(*, uow: UnitOfWork, principal: Principal) -> list[WebhookEndpoint]:
    """The organisation's subscriptions (never their secrets)."""
    reach(principal, Resource.WEBHOOKS, Action.READ)
    async with uow.read_only():
        return await uow.integrations.endpoints()


async def get_webhook_endpoint(
    *, uow: UnitOfWork, principal: Principal, endpoint_id: UUID
) -> WebhookEndpoint:
    """One subscription, or NotFound."""
    reach(principal, Resource.WEBHOOKS, Action.READ)
    async with uow.read_only():
        found = await uow.integrations.endpoint(endpoint_id)
    if found is None:
        raise NotFound("no such webhook endpoint", field="id")
    return found


async def update_webhook_endpoint(
    *,
    uow: UnitOfWork,
    principal: Principal,
    endpoint_id: UUID,
    changes: dict[str, Any],
    if_version: int | None = None,
    outbound: OutboundPolicy = OutboundPolicy(),
) -> WebhookEndpoint:
    """Change url, event types, description or enabled; `if_version` guards lost updates.
    A field sent as null is left as it is (url, event types and enabled cannot be empty);
    a null description clears it."""
    reach(principal, Resource.WEBHOOKS, Action.WRITE)
    changes = {k: v for k, v in changes.items() if v is not None or k == "description"}
    if "description" in changes and changes["description"] is None:
        changes["description"] = ""  # null clears the description, which is never null
    _check(changes.get("url"), changes.get("event_types"), outbound)
    if "event_types" in changes:
        changes["event_types"] = sorted(set(changes["event_types"]))
    if changes.get("enabled") is True:
        changes["disabled_reason"] = None
    async with uow:
        if await uow.integrations.endpoint(endpoint_id) is None:
            raise NotFound("no such webhook endpoint", field="id")
        updated = await uow.integrations.update_endpoint(endpoint_id, if_version, changes)
        if updated is None:
            raise StaleVersion("the endpoint changed since it was read", field="If-Match")
        await uow.access.record(
            AuditEvent.by(
                principal,
                "webhook_endpoint.updated",
                "webhook_endpoint",
                endpoint_id,
                fields=sorted(changes),
            )
        )
        await uow.commit()
    return updated


async def rotate_webhook_secret(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, endpoint_id: UUID
) -> EndpointWithSecret:
    """A new signing secret; the old one keeps signing too for a day, then stops."""
    reach(principal, Resource.WEBHOOKS, Action.WRITE)
    secret = new_secret()
    async with uow:
        updated = await uow.integrations.rotate_secret(
            endpoint_id, secret, clock.now() + OLD_SECRET_GRACE
        )
        if updated is None:
            raise NotFound("no such webhook endpoint", field="id")
        await uow.access.record(
            AuditEvent.by(principal, "webhook_endpoint.rotated", "webhook_endpoint", endpoint_id)
        )
        await uow.commit()
    return EndpointWithSecret(updated, secret)


async def ping_webhook_endpoint(
    *, uow: UnitOfWork, principal: Principal, endpoint_id: UUID
) -> UUID:
    """Send a `webhook.ping` event to this endpoint only, to test a receiver; its event id."""
    reach(principal, Resource.WEBHOOKS, Action.WRITE)
    async with uow:
        if await uow.integrations.endpoint(endpoint_id) is None:
            raise NotFound("no such webhook endpoint", field="id")
        event_id = await uow.outbox.emit("webhook.ping", {"endpoint_id": str(endpoint_id)})
        await uow.commit()
    return event_id


async def remove_webhook_endpoint(
    *, uow: UnitOfWork, principal: Principal, endpoint_id: UUID
) -> None:
    """Unsubscribe; pending deliveries to it are dropped."""
    reach(principal, Resource.WEBHOOKS, Action.WRITE)
    async with uow:
        if not await uow.integrations.remove_endpoint(endpoint_id):
            raise NotFound("no such webhook endpoint", field="id")
        await uow.access.record(
            AuditEvent.by(principal, "webhook_endpoint.removed", "webhook_endpoint", endpoint_id)
        )
        await uow.commit()


async def list_webhook_deliveries(
    *,
    uow: UnitOfWork,
    principal: Principal,
    endpoint_id: UUID,
    before: int | None = None,
    limit: int = 50,
    backward: bool = False,
) -> Page[WebhookDelivery]:
    """An endpoint's deliveries, newest first, with their state and last answer; `backward`:
    the newer ones just above `before` instead, still newest first."""
    reach(principal, Resource.WEBHOOKS, Action.READ)
    check_limit(limit)
    async with uow.read_only():
        if await uow.integrations.endpoint(endpoint_id) is None:
            raise NotFound("no such webhook endpoint", field="id")
        found = await uow.integrations.deliveries(
            endpoint_id, before=before, limit=limit + 1, backward=backward
        )
    return page_of(found, limit, backward=backward)


async def redeliver_webhook(
    *, uow: UnitOfWork, principal: Principal, delivery_id: int
) -> WebhookDelivery:
    """Send a delivery again (whatever its state): it is queued to go out at once."""
    reach(principal, Resource.WEBHOOKS, Action.WRITE)
    async with uow:
        delivery = await uow.integrations.redeliver(delivery_id)
        if delivery is None:
            raise NotFound("no such delivery", field="delivery_id")
        await uow.access.record(
            AuditEvent.by(principal, "webhook_delivery.requeued", "webhook_delivery", delivery_id)
        )
        await uow.commit()
    return delivery
