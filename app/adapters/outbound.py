"""The outbound URL guard at fetch time: a URL's host is resolved, and every address it
resolves to must be public (`app.domain.outbound_urls`), so a host whose DNS answers change
after registration (to 127.0.0.1 or a cloud metadata address) is refused then too.
Webhook deliveries and identity providers' key sets both pass through here."""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import urlsplit

from app.domain.outbound_urls import OutboundPolicy, resolved_refusal, url_refusal


def _host_and_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


async def refused_address(url: str, policy: OutboundPolicy) -> str | None:
    """Why `url` must not be called now, or None when it may (async: resolves on the loop)."""
    if (why := url_refusal(url, policy)) or policy.allow_private_addresses:
        return why
    host, port = _host_and_port(url)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return f"cannot resolve {host}: {error}"
    return resolved_refusal(host, [str(info[4][0]) for info in infos])


def refused_address_sync(url: str, policy: OutboundPolicy) -> str | None:
    """`refused_address` for code already in a worker thread (PyJWKClient's fetch)."""
    if (why := url_refusal(url, policy)) or policy.allow_private_addresses:
        return why
    host, port = _host_and_port(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return f"cannot resolve {host}: {error}"
    return resolved_refusal(host, [str(info[4][0]) for info in infos])
