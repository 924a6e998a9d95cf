"""`Idempotency-Key` on POST: a retry with the same key and body gets the first answer.

Same key, other body: 422. Same key while the first request is still running: 409. The key
and its response are stored in the transaction that made the change (see
the database adapter's `KeyedTransaction`), so a crash can never keep one without the other. Server
errors (5xx) are not stored: the change rolled back, and the client may retry.
"""

from __future__ import annotations

import hashlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.deps import KeyedTransaction, StoredResponse, principal_or_none
from app.api.errors import problem
from app.domain.access import Principal

HEADER = b"idempotency-key"
MAX_KEY_LENGTH = 255
_KEPT_HEADERS = {"content-type", "location", "etag"}


class Idempotency:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        if (key := _header(scope, HEADER)) is None:
            return await self.app(scope, receive, send)
        if not 0 < len(key) <= MAX_KEY_LENGTH:
            detail = f"Idempotency-Key must have 1 to {MAX_KEY_LENGTH} characters"
            return await problem(422, "invalid-idempotency-key", "Invalid input", detail)(
                scope, receive, send
            )
        body = await _read_body(receive)
        principal = await _principal(scope)
        if principal is None:  # the route itself answers 401
            return await self.app(scope, _replaying(body), send)
        response = await self._once(scope, principal, key, _fingerprint(scope, body), body)
        await _send(send, response)

    async def _once(
        self, scope: Scope, principal: Principal, key: str, fingerprint: bytes, body: bytes
    ) -> StoredResponse:
        database = scope["app"].state.database
        async with KeyedTransaction(database, principal.organization_id, key) as keyed:
            if not await keyed.try_lock():
                return _problem(
                    409, "idempotency-key-in-flight", "a request with this key is running"
                )
            stored = await keyed.stored()
            if stored is not None and stored.fingerprint != fingerprint:
                return _problem(
                    422, "idempotency-key-reused", "this key was used with another request"
                )
            if stored is not None:
                return StoredResponse(
                    stored.fingerprint,
                    stored.status,
                    [*stored.headers, ["idempotent-replayed", "true"]],
                    stored.body,
                )
            token = keyed.pin()
            try:
                response = await _capture(self.app, scope, body, fingerprint)
            finally:
                keyed.unpin(token)
            if response.status < 500:
                await keyed.commit(response)
            return response


def _header(scope: Scope, name: bytes) -> str | None:
    value = next((v for k, v in scope["headers"] if k == name), None)
    return None if value is None else value.decode("latin-1").strip()


def _fingerprint(scope: Scope, body: bytes) -> bytes:
    digest = hashlib.sha256()
    for part in (scope["method"].encode(), scope["path"].encode(), scope["query_string"], body):
        digest.update(part + b"\0")
    return digest.digest()


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _replaying(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _principal(scope: Scope) -> Principal | None:
    header = _header(scope, b"authorization")
    return await principal_or_none(scope["app"].state.authenticator, header)


async def _capture(app: ASGIApp, scope: Scope, body: bytes, fingerprint: bytes) -> StoredResponse:
    status, headers, chunks = 500, [], []

    async def collect(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = [
                [k.decode("latin-1"), v.decode("latin-1")]
                for k, v in message.get("headers", [])
                if k.decode("latin-1").lower() in _KEPT_HEADERS
            ]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, _replaying(body), collect)
    return StoredResponse(fingerprint, status, headers, b"".join(chunks))


def _problem(status: int, code: str, detail: str) -> StoredResponse:
    response = problem(status, code, "Conflict" if status == 409 else "Invalid input", detail)
    headers = [[k.decode(), v.decode()] for k, v in response.raw_headers]
    return StoredResponse(b"", status, headers, bytes(response.body))


async def _send(send: Send, response: StoredResponse) -> None:
    headers = [
        (k.encode("latin-1"), v.encode("latin-1"))
        for k, v in response.headers
        if k.lower() != "content-length"
    ]
    headers.append((b"content-length", str(len(response.body)).encode()))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})
