"""Refuse NUL characters anywhere in a request, before anything tries to store them, and
JSON nested deeper than any document of this API (see app.api.json_depth).

PostgreSQL cannot hold U+0000 in text or jsonb, so a NUL that reached a query would fail
there as a server error. One guard at the edge covers every field of every route.
"""

from __future__ import annotations

import asyncio
import json
import re
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.json_depth import MAX_JSON_DEPTH, nests_deeper_than

# A JSON `\u0000` escape not itself escaped (an even run of backslashes before it).
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
MEASURE_IN_THREAD_BYTES = 256 * 1024


class RejectNulCharacters:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if await refused_url(scope, send):
            return None
        if scope["method"] not in ("POST", "PUT", "PATCH") or _is_upload(scope):
            # Uploaded files (XLSX is a zip) may hold NUL bytes; their readers refuse NUL text.
            return await self.app(scope, receive, send)
        messages = await _read(receive)
        has_nul, too_deep = await _flaws_of(messages)
        if has_nul:
            return await _refuse(send, "the request body")
        if too_deep:
            return await _refuse_deep(send)
        await self.app(scope, _replay(messages, receive), send)


async def refused_url(scope: Scope, send: Send) -> bool:
    """Answer a problem document and say so when the URL holds a NUL or nests too deep."""
    query = scope.get("query_string", b"")
    if b"%00" in query or "\x00" in scope["path"]:
        await _refuse(send, "the URL")
        return True
    if _query_too_deep(query):
        await _refuse_deep(send)  # GraphQL over GET: variables in the URL
        return True
    return False


def _is_upload(scope: Scope) -> bool:
    content_type: bytes = dict(scope["headers"]).get(b"content-type", b"")
    return content_type.startswith(b"multipart/form-data")


async def _read(receive: Receive) -> list[Message]:
    messages = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body"):
            return messages


async def _flaws_of(messages: list[Message]) -> tuple[bool, bool]:
    """`_flaws` of the whole body. Its joined copy lives only here: the request goes on
    with the messages, each released as the app reads it."""
    body = b"".join(m.get("body", b"") for m in messages)
    # A large body (an import) is searched in a worker thread: the loop keeps serving.
    if len(body) <= MEASURE_IN_THREAD_BYTES:
        return _flaws(body)
    return await asyncio.to_thread(_flaws, body)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


def _flaws(body: bytes) -> tuple[bool, bool]:
    """(holds a NUL, nests too deep)"""
    # The plain search first: the regular expression tries every position of the body in
    # one call, which for an import's megabytes holds the interpreter (and so the loop).
    has_nul = b"\x00" in body or (b"\\u0000" in body and _JSON_NUL.search(body) is not None)
    return has_nul, not has_nul and nests_deeper_than(body)


def _query_too_deep(query: bytes) -> bool:
    return len(query) > MAX_JSON_DEPTH and nests_deeper_than(unquote_to_bytes(query))


async def _refuse_deep(send: Send) -> None:
    await _answer(
        send,
        400,
        {
            "type": "/problems/too-deeply-nested",
            "title": "Malformed request",
            "status": 400,
            "detail": f"JSON nests more than {MAX_JSON_DEPTH} arrays or objects deep",
            "field": "body",
        },
    )


async def _refuse(send: Send, where: str) -> None:
    problem = {
        "type": "/problems/validation-error",
        "title": "Invalid request",
        "status": 422,
        "detail": f"{where} contains a NUL (U+0000) character, which cannot be stored",
    }
    await _answer(send, 422, problem)


async def _answer(send: Send, status: int, problem: dict[str, object]) -> None:
    body = json.dumps(problem).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
