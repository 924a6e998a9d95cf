"""Send webhooks over HTTP, signed by the Standard Webhooks spec, never to private addresses.

The outbound guard (`app.adapters.outbound`, shared with identity providers' key sets)
resolves the host and refuses loopback, private, link-local and other non-public addresses,
so a subscription cannot be used to probe the service's own network. Tests (whose receivers
listen on 127.0.0.1) turn it off with `allow_private_addresses`.
"""

from __future__ import annotations

from datetime import datetime

import httpx
import orjson
from standardwebhooks.webhooks import Webhook

from app.adapters.outbound import refused_address
from app.domain.outbound_urls import OutboundPolicy
from app.services.integrations.ports import DueDelivery, SendResult

TIMEOUT = httpx.Timeout(10.0, connect=5.0)


def body_of(delivery: DueDelivery) -> bytes:
    """The envelope the Standard Webhooks spec suggests: type, timestamp, data."""
    return orjson.dumps(
        {
            "type": delivery.event_type,
            "timestamp": delivery.occurred_at.isoformat(),
            "data": dict(delivery.payload),
        }
    )


def sign(delivery: DueDelivery, body: bytes, now: datetime) -> dict[str, str]:
    """Headers `webhook-id`, `-timestamp` and `-signature` (one signature per live secret)."""
    msg_id = str(delivery.event_id)  # the same on every retry: receivers dedupe by it
    text = body.decode()
    signatures = " ".join(Webhook(s).sign(msg_id, now, text) for s in delivery.secrets)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signatures,
        "content-type": "application/json",
    }


class HttpWebhookSender:
    def __init__(
        self, client: httpx.AsyncClient | None = None, *, allow_private_addresses: bool = False
    ) -> None:
        self._client = client or httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False)
        # The scheme was judged at registration (by the deployment's rules then); here, where
        # the host points now.
        self._policy = OutboundPolicy(
            require_https=False, allow_private_addresses=allow_private_addresses
        )

    async def send(self, delivery: DueDelivery, now: datetime) -> SendResult:
        if why := await refused_address(delivery.url, self._policy):
            return SendResult(None, why, retry=False)
        body = body_of(delivery)
        try:
            response = await self._client.post(
                delivery.url, content=body, headers=sign(delivery, body, now)
            )
        except httpx.HTTPError as error:
            return SendResult(None, f"{type(error).__name__}: {error}"[:500])
        return SendResult(response.status_code)

    async def close(self) -> None:
        await self._client.aclose()
