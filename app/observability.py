"""JSON logs with a request id, and the ASGI middleware that assigns it."""

from __future__ import annotations

import contextvars
import itertools
import json
import logging
import re
import secrets
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
access = logging.getLogger("mentoring.access")
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None)))
# A calendar feed's path is its secret: everything after the organisation's id goes, in any
# path under the feed's prefix (a mistyped feed URL still carries the secret), and in full URLs.
_SECRET_IN_PATH = re.compile(
    r"(/v1/calendar/(?:[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}/)?).*?(\.ics)?$", re.IGNORECASE
)


def loggable_path(path: str) -> str:
    """The path (or URL) as logs, metrics and traces may show it: a secret it carries is
    replaced."""
    return _SECRET_IN_PATH.sub(r"\1[redacted]\2", path, count=1)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: what log shippers expect."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (rid := request_id.get()) is not None:
            entry["request_id"] = rid
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True  # ours carries the request id
    # httpx logs every outgoing URL at INFO, and some webhook receivers (Slack's, say) put
    # their secret in the URL: the delivery log records the outcome without it.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


# Told of each HTTP request once answered: its scope, status and duration in seconds.
RequestObserver = Callable[[Scope, int, float], None]


class RequestContext:
    """Gives each request an id (the caller's X-Request-ID when sane), echoes it back, and
    writes one access line with the status and duration; `observe` (the metrics) is told
    the same status and duration."""

    def __init__(self, app: ASGIApp, observe: RequestObserver | None = None) -> None:
        self.app = app
        self.observe = observe

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        rid = _request_id(scope)
        token = request_id.set(rid)
        started, status = time.perf_counter(), 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                extra = [(b"x-request-id", rid.encode())]
                if limits := scope.get("state", {}).get("rate_limit_headers"):
                    # A 429 already carries them; every other response gets them here.
                    extra += [h for h in limits if h[0] not in dict(message.get("headers", []))]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            if self.observe is not None:
                self.observe(scope, status, seconds)
            if access.isEnabledFor(logging.INFO):
                access.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "path": loggable_path(scope["path"]),
                        "status": status,
                        "duration_ms": round(seconds * 1000, 2),
                    },
                )
            request_id.reset(token)


def _request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            given: str = value.decode("latin-1")
            if 0 < len(given) <= 128 and given.isprintable():
                return given
    return f"{_ID_PREFIX}{next(_serial):08x}"


# Unique per process start, then a counter: ids must not collide, not be unguessable, and
# a random UUID per request is a measurable share of a point read.
_ID_PREFIX = secrets.token_hex(12)
_serial = itertools.count(1)
