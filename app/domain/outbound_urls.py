"""Which URLs the service may call: webhook receivers, identity providers' key sets, and any
other address an organisation gives it to fetch.

An organisation's admin chooses these URLs, so each is a way to make the server send requests
on the admin's behalf. Outside development only https is accepted, and never an address on
the service's own network (loopback, private, link-local, shared, reserved or multicast
ranges): checked when the URL is registered, from its text, and again before every fetch,
against what its host resolves to then (`app.adapters.outbound`).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class OutboundPolicy:
    """How strict the guard is: strict unless the deployment says otherwise."""

    require_https: bool = True
    allow_private_addresses: bool = False  # local receivers and tests only


def is_public(address: str) -> bool:
    """An address on the public internet (an IPv4-mapped IPv6 address judged as its IPv4)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _literal_address(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def url_refusal(url: str, policy: OutboundPolicy) -> str | None:
    """Why the service must not call `url`, judged from its text alone; None if it may."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port out of range raises here
    except ValueError:
        return "must be an absolute http(s) URL"
    allowed = ("https",) if policy.require_https else ("https", "http")
    if parts.scheme not in allowed or not parts.hostname:
        return f"must be an absolute {'https' if policy.require_https else 'http(s)'} URL"
    if parts.username is not None or parts.password is not None:
        return "must not carry credentials"
    if policy.allow_private_addresses:
        return None
    host = parts.hostname.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return f"refused: {host} is this machine"
    address = _literal_address(host)
    if address is not None and not is_public(address):
        return f"refused: {host} is not a public address"
    return None


def resolved_refusal(host: str, addresses: list[str]) -> str | None:
    """Why the addresses `host` resolved to must not be called; None if all are public."""
    private = sorted({a for a in addresses if not is_public(a)})
    return f"refused: {host} resolves to non-public {', '.join(private)}" if private else None
