"""`ETag` on reads of single resources, and `If-None-Match` answered with 304.

Routes that version their resources set their own (strong) ETag, which `If-Match` checks on
writes (see `app.api.concurrency`). Every other single-resource read gets a weak ETag from
its representation here, so clients can cache and notice changes without each route
doing it.
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


class ETags:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not _ONE_RESOURCE.match(scope["path"])
        ):
            return await self.app(scope, receive, send)
        start: Message = {}
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, collect)
        body = b"".join(chunks)
        headers = list(start.get("headers", []))
        tag = next((v for k, v in headers if k.lower() == b"etag"), None)
        if start.get("status") == 200 and tag is None:
            tag = b'W/"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'
            headers.append((b"etag", tag))
        wanted = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
        if tag is not None and wanted is not None and _matches(wanted, tag):
            kept = [(k, v) for k, v in headers if k.lower() in (b"etag", b"cache-control")]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _matches(wanted: bytes, tag: bytes) -> bool:
    """Weak comparison, as RFC 9110 asks for If-None-Match."""
    bare = tag.removeprefix(b"W/")
    return any(t.strip().removeprefix(b"W/") in (bare, b"*") for t in wanted.split(b","))
