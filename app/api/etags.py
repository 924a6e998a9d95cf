"""`ETag` on reads of single resources, and `If-None-Match` answered with 304.

Routes that version their resources set their own (strong) ETag, which `If-Match` checks on
writes (see `app.api.concurrency`). Every other single-resource read gets a weak ETag from
its representation here, so clients can cache and notice changes without each route
doing it.

Not a middleware layer of its own: a request without a body (every ordinary read) is tagged
by `app.api.guards.RequestGuards`, which it passes anyway, and only the rare request that
carries a body goes through `ETags` behind the body's guards.
"""

from __future__ import annotations

import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# One resource: `/v1/<collection>/<id>`, a report on one (`/v1/reports/cohorts/<id>`), or a
# resource that a mentorship or a cohort has exactly one of.
_ONE_RESOURCE = re.compile(
    r"^/v1/(?:reports/)?[a-z-]+/[0-9a-fA-F-]{36}"
    r"(?:/(?:agreement|checkpoint|progress|billing))?$"
)


def tagged(scope: Scope) -> bool:
    """Whether this HTTP request's answer gets an ETag (and may be answered 304)."""
    return scope["method"] == "GET" and _ONE_RESOURCE.match(scope["path"]) is not None


async def answer_tagged(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """The app's answer, held back whole, then sent with its ETag (a weak one from the body
    for a 200 that set none), or 304 with only its ETag and Cache-Control when
    `If-None-Match` names it."""
    held = _HeldAnswer()
    await app(scope, receive, held.collect)
    start, body = held.start, b"".join(held.chunks)
    headers = list(start.get("headers", []))
    tag = next((v for k, v in headers if k.lower() == b"etag"), None)
    if start.get("status") == 200 and tag is None:
        tag = b'W/"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'
        headers.append((b"etag", tag))
    wanted = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
    if tag is not None and wanted is not None and if_none_match(wanted, tag):
        kept = [(k, v) for k, v in headers if k.lower() in (b"etag", b"cache-control")]
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _HeldAnswer:
    """The app's `send` (`collect`), keeping the answer instead of sending it."""

    __slots__ = ("chunks", "start")

    def __init__(self) -> None:
        self.start: Message = {}
        self.chunks: list[bytes] = []

    async def collect(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        else:
            self.chunks.append(message.get("body", b""))


class ETags:
    """The same for a request that carries a body (see the module's note)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not tagged(scope):
            return await self.app(scope, receive, send)
        await answer_tagged(self.app, scope, receive, send)


def if_none_match(wanted: bytes, tag: bytes) -> bool:
    """Whether an `If-None-Match` value names `tag`: weak comparison, as RFC 9110 asks."""
    bare = tag.removeprefix(b"W/")
    return any(t.strip().removeprefix(b"W/") in (bare, b"*") for t in wanted.split(b","))
