"""Refuse NUL characters anywhere in a request, before anything tries to store them.

PostgreSQL cannot hold U+0000 in text or jsonb, so a NUL that reached a query would fail
there as a server error. One guard at the edge covers every field of every route.
"""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# A JSON `\u0000` escape not itself escaped (an even run of backslashes before it).
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


class RejectNulCharacters:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            return await _refuse(send, "the URL")
        if scope["method"] not in ("POST", "PUT", "PATCH") or _is_upload(scope):
            # Uploaded files (XLSX is a zip) may hold NUL bytes; their readers refuse NUL text.
            return await self.app(scope, receive, send)
        messages, body = await _read(receive)
        if _JSON_NUL.search(body) or b"\x00" in body:
            return await _refuse(send, "the request body")
        await self.app(scope, _replay(messages, receive), send)


def _is_upload(scope: Scope) -> bool:
    content_type: bytes = dict(scope["headers"]).get(b"content-type", b"")
    return content_type.startswith(b"multipart/form-data")


async def _read(receive: Receive) -> tuple[list[Message], bytes]:
    messages, chunks = [], []
    while True:
        message = await receive()
        messages.append(message)
        chunks.append(message.get("body", b""))
        if message["type"] != "http.request" or not message.get("more_body"):
            return messages, b"".join(chunks)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


async def _refuse(send: Send, where: str) -> None:
    body = json.dumps(
        {
            "type": "/problems/validation-error",
            "title": "Invalid request",
            "status": 422,
            "detail": f"{where} contains a NUL (U+0000) character, which cannot be stored",
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 422,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
