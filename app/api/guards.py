"""The guards a request passes before the app, as one middleware: a request without a body
goes past the ones that concern bodies in one step. The same layer gives single-resource
reads their ETag (`app.api.etags`), rather than a layer of its own.

Every ASGI layer costs every request that passes through it, on each of its turns (the
request, then each resumption after an await on the database, then the answer), even a
layer that only hands the request on. The body's size limit (`body_limit`), the NUL and
nesting check of the body (`text_guard`) and `Idempotency-Key` (POST only) have nothing to
do for a request that carries no body, the most common kind (reads): such a request has its
URL checked (`text_guard.refused_url`) and goes straight to the app. Every other request
goes through all three, in that order: the limit before anything reads the body, then
`ETags` (a GET may carry a body too).
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.body_limit import BodyLimit, declared_length
from app.api.etags import ETags, answer_tagged, tagged
from app.api.idempotency import Idempotency
from app.api.text_guard import RejectNulCharacters, refused_url


class RequestGuards:
    def __init__(self, app: ASGIApp, max_body_bytes: int, per_path: Mapping[str, int]) -> None:
        self.app = app
        self.with_body: ASGIApp = BodyLimit(
            RejectNulCharacters(Idempotency(ETags(app))), default=max_body_bytes, per_path=per_path
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A POST without a body may still carry an Idempotency-Key, so it is never bodiless.
        if scope["type"] != "http" or scope["method"] == "POST" or declared_length(scope) != 0:
            return await self.with_body(scope, receive, send)
        if await refused_url(scope, send):
            return
        if not tagged(scope):
            return await self.app(scope, receive, send)
        await answer_tagged(self.app, scope, receive, send)
