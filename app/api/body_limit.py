"""Refuse request bodies over a size limit with a problem document, before they are parsed.

Ordinary requests are small; bulk imports get their own, larger limit. A declared
Content-Length is checked up front (the server never delivers more than it); chunked bodies
are counted as they stream.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _TooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, default: int, per_path: Mapping[str, int]) -> None:
        self.app = app
        self.default = default
        self.per_path = dict(per_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.per_path.get(scope["path"], self.default)
        declared = declared_length(scope)
        if declared is not None and declared > limit:
            return await _refuse(send, limit)
        if declared is not None:  # the server delivers no more than it says
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, _counting(receive, limit), tracking_send)
        except _TooLarge:
            if not started:
                await _refuse(send, limit)


def declared_length(scope: Scope) -> int | None:
    """The body's length when known before reading it: its Content-Length, or 0 for an
    HTTP/1 request with neither that nor Transfer-Encoding (RFC 9112, 6.3), as GETs are."""
    framed = False
    for name, value in scope["headers"]:
        if name == b"content-length" and value.isdigit():
            return int(value)
        framed = framed or name in (b"content-length", b"transfer-encoding")
    return 0 if not framed and scope.get("http_version", "1.1").startswith("1") else None


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            raise _TooLarge
        return message

    return wrapped


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(
        {
            "type": "/problems/payload-too-large",
            "title": "Payload too large",
            "status": 413,
            "detail": f"the request body may be at most {limit} bytes here",
        }
    ).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
