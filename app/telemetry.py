"""OpenTelemetry tracing: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set and the optional
packages are installed (`pip install 'mentoring[otel]'`). Nothing is imported otherwise."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings
from app.observability import loggable_path

logger = logging.getLogger(__name__)

# Where the shown scope keeps the real one, for the app behind the tracing middleware.
_REAL_SCOPE = "mentoring.real_scope"


def instrument(app: FastAPI, settings: Settings) -> bool:
    """Add tracing to the app when configured; say why not when it cannot be."""
    if not settings.otel_exporter_otlp_endpoint:
        return False
    try:
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        logger.warning("OTEL_EXPORTER_OTLP_ENDPOINT is set but the otel extra is not installed")
        return False
    provider = TracerProvider(resource=Resource.create({"service.name": "mentoring"}))
    endpoint = settings.otel_exporter_otlp_endpoint.rstrip("/") + "/v1/traces"
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)
    trace_requests(app)
    return True


def trace_requests(app: FastAPI, tracer_provider: Any = None) -> None:
    """A span for every request (the global tracer provider's, unless one is given)."""
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    app.add_middleware(
        TracedWithoutSecrets, traced=OpenTelemetryMiddleware, provider=tracer_provider
    )


class TracedWithoutSecrets:
    """OpenTelemetry's ASGI middleware, shown the path as the logs show it.

    It puts the path in the span's name, its attributes (`http.target`, `http.url`, or
    `url.path` and `url.full`, depending on the conventions chosen) and its metrics' labels,
    and a calendar feed's path is its secret. Redacting the scope it reads covers all of them
    in every convention; the app behind it is given the real scope back.
    """

    def __init__(self, app: ASGIApp, traced: Any, provider: Any = None) -> None:
        self.app = app
        self.traced: ASGIApp = traced(self._real, tracer_provider=provider)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (shown := loggable_path(scope["path"])) == scope["path"]:
            return await self.traced(scope, receive, send)
        shown_scope = {**scope, "path": shown, "raw_path": shown.encode(), _REAL_SCOPE: scope}
        await self.traced(shown_scope, receive, send)

    async def _real(self, scope: Scope, receive: Receive, send: Send) -> None:
        real = scope.get(_REAL_SCOPE)
        if real is None:
            return await self.app(scope, receive, send)
        try:
            await self.app(real, receive, send)
        finally:  # the route's template (no secret) names the span's metrics
            if "route" in real:
                scope["route"] = real["route"]
