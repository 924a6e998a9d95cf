"""Routes whose JSON bodies may be large (bulk imports): decoded off the event loop.

Decoding tens of megabytes holds the thread that does it; on the event loop that would hold
every other request of every organisation. FastAPI's documented way to change how a route
reads its request is a custom `APIRoute` class handing the handler a custom `Request`.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

# Below this a body decodes in a few milliseconds: not worth a thread hop.
DECODE_IN_THREAD_BYTES = 256 * 1024
_UNREAD = object()
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class LargeJsonRequest(Request):
    """A request whose large JSON body is decoded in a worker thread, in steps."""

    decoded: Any = _UNREAD

    async def json(self) -> Any:
        if self.decoded is _UNREAD:
            body = await self.body()
            large = len(body) > DECODE_IN_THREAD_BYTES
            self.decoded = (
                await asyncio.to_thread(decoded_in_steps, body) if large else json.loads(body)
            )
        return self.decoded


class LargeJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def with_large_json(request: Request) -> Response:
            return await handler(LargeJsonRequest(request.scope, request.receive))

        return with_large_json


def decoded_in_steps(body: bytes) -> Any:
    """`json.loads(body)`, the same value or the same error, but the arrays of a top-level
    object are decoded an element at a time. The decoder holds the interpreter lock for the
    whole of one call, even in a worker thread: in one call over a whole import, the event
    loop would wait as long; between elements it gets its turns."""
    text = body.decode(json.detect_encoding(body), "surrogatepass")
    try:
        return _object(text, _SPACE.match(text).end())  # type: ignore[union-attr]
    except (ValueError, IndexError):  # JSONDecodeError is a ValueError
        return json.loads(text)  # malformed: raises the standard error, with its position


def _object(text: str, i: int) -> Any:
    if not text.startswith("{", i):
        return json.loads(text)
    result: dict[str, Any] = {}
    i = _skip(text, i + 1)
    if text[i] == "}":
        return _end(text, i + 1, result)
    while True:
        key, i = _DECODER.raw_decode(text, i)
        if not isinstance(key, str) or text[i := _skip(text, i)] != ":":
            raise ValueError("not an object member")
        i = _skip(text, i + 1)
        result[key], i = _array(text, i) if text[i] == "[" else _DECODER.raw_decode(text, i)
        i = _skip(text, i)
        if text[i] == "}":
            return _end(text, i + 1, result)
        if text[i] != ",":
            raise ValueError("expected , or }")
        i = _skip(text, i + 1)


def _array(text: str, i: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    i = _skip(text, i + 1)
    if text[i] == "]":
        return items, i + 1
    while True:
        item, i = _DECODER.raw_decode(text, i)
        items.append(item)
        i = _skip(text, i)
        if text[i] == "]":
            return items, i + 1
        if text[i] != ",":
            raise ValueError("expected , or ]")
        i = _skip(text, i + 1)


def _skip(text: str, i: int) -> int:
    return _SPACE.match(text, i).end()  # type: ignore[union-attr]


def _end(text: str, i: int, result: dict[str, Any]) -> dict[str, Any]:
    if _skip(text, i) != len(text):
        raise ValueError("extra data")
    return result
