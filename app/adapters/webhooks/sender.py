"""Send webhooks over HTTP, signed by the Standard Webhooks spec, never to private addresses.

The address guard resolves the host and refuses loopback, private, link-local and other
non-public addresses, so a subscription cannot be used to probe the service's own network.
Tests (whose receivers listen on 127.0.0.1) turn it off with `allow_private_addresses`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from datetime import datetime
from urllib.parse import urlsplit

import httpx
import orjson
from standardwebhooks.webhooks import Webhook

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


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def refused_address(url: str) -> str | None:
    """Why `url` must not be called, or None if every address it resolves to is public."""
    host = urlsplit(url).hostname or ""
    port = urlsplit(url).port or 443
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return f"cannot resolve {host}: {error}"
    private = sorted({str(info[4][0]) for info in infos if not is_public(str(info[4][0]))})
    return f"refused: {host} resolves to non-public {', '.join(private)}" if private else None


class HttpWebhookSender:
    def __init__(
        self, client: httpx.AsyncClient | None = None, *, allow_private_addresses: bool = False
    ) -> None:
        self._client = client or httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False)
        self._allow_private = allow_private_addresses

    async def send(self, delivery: DueDelivery, now: datetime) -> SendResult:
        if not self._allow_private and (why := await refused_address(delivery.url)):
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
