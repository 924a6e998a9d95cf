"""How GraphQL is reached: POST over HTTP only."""

from __future__ import annotations

import asyncio

from app.main import create_app


async def test_a_websocket_is_closed_not_failed(settings):
    """The schema has no subscriptions. A websocket used to reach the context getter, which
    authenticates HTTP requests only, and fail there with a server error."""
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"test")],
        "subprotocols": ["graphql-transport-ws"],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    incoming = [{"type": "websocket.connect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        if incoming:
            return incoming.pop(0)
        await asyncio.Event().wait()  # the client says nothing more
        raise AssertionError

    async def send(message: dict) -> None:
        sent.append(message)

    await asyncio.wait_for(create_app(settings)(scope, receive, send), timeout=5)
    assert [m["type"] for m in sent] == ["websocket.close"]
