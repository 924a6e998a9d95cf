"""OpenTelemetry tracing: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set and the optional
packages are installed (`pip install 'mentoring[otel]'`). Nothing is imported otherwise."""

from __future__ import annotations

import logging

from fastapi import FastAPI

from app.config import Settings

logger = logging.getLogger(__name__)


def instrument(app: FastAPI, settings: Settings) -> bool:
    """Add tracing to the app when configured; say why not when it cannot be."""
    if not settings.otel_exporter_otlp_endpoint:
        return False
    try:
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
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
    app.add_middleware(OpenTelemetryMiddleware)
    return True
