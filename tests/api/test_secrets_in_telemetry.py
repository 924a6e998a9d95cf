"""A calendar feed's URL is its secret: it must not reach a span, a metric or a log line."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from app.main import create_app
from app.observability import loggable_path
from app.telemetry import trace_requests
from tests.api.mentorship_setup import clock, propose  # noqa: F401

# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)


@pytest.fixture
def spans() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
async def client(settings, database, spans) -> AsyncIterator[httpx.AsyncClient]:
    """The app as `instrument` traces it, its spans kept in memory."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(spans))
    app = create_app(settings, database=database)
    trace_requests(app, provider)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_a_calendar_feeds_secret_stays_out_of_spans_metrics_and_logs(
    client, auth, clock, spans, caplog
):
    pairing = await propose(client, auth, "caltrans", date(2027, 1, 4))
    issued = (await client.post("/v1/me/calendar-feed", headers=pairing.mentee)).json()
    secret, url = issued["secret"], issued["url"]
    with caplog.at_level(logging.DEBUG):
        assert (await client.get(url)).status_code == 200
        assert (await client.get(url.removesuffix(".ics"))).status_code == 404  # mistyped
    metrics = (await client.get("/metrics")).text

    feed_spans = [s for s in spans.get_finished_spans() if "/v1/calendar/" in s.name]
    assert {s.name for s in feed_spans if s.kind.name == "SERVER"} == {
        "GET " + loggable_path(url.removeprefix("http://test")),
        "GET " + loggable_path(url.removeprefix("http://test").removesuffix(".ics")),
    }
    for span in spans.get_finished_spans():
        assert secret not in span.name + repr(dict(span.attributes or {}))
    assert any(
        s.attributes and "[redacted]" in str(s.attributes.get("http.url")) for s in feed_spans
    )
    assert secret not in metrics
    assert 'route="/v1/calendar/{organization_id}/{secret}.ics",status="200"' in metrics
    # The server's records; httpx's are this test's client's, which knows the URL anyway.
    logged = [repr(vars(record)) for record in caplog.records if record.name != "httpx"]
    assert any("[redacted]" in line for line in logged)
    assert all(secret not in line for line in logged)


@given(
    organization=st.uuids(),
    secret=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-", min_size=20),
    tail=st.sampled_from(["", ".ics", ".ics/", "/", ".ICS?x=1"]),
    before=st.sampled_from(["", "https://mentoring.example", "/prefix"]),
)
def test_no_path_under_the_feeds_prefix_keeps_its_secret(
    organization: uuid.UUID, secret: str, tail: str, before: str
):
    shown = loggable_path(f"{before}/v1/calendar/{organization}/{secret}{tail}")
    assert secret not in shown
    assert shown.startswith(f"{before}/v1/calendar/{organization}/[redacted]")


async def test_an_outgoing_url_with_a_secret_in_it_stays_out_of_the_logs() -> None:
    """Webhook receivers such as Slack's put their secret in the URL; httpx would log it."""
    from app.observability import configure_logging

    secret_url = "https://hooks.example.com/services/T000/B000/s3cr3t-receiver-token"
    root = logging.getLogger()
    kept_handlers, kept_level = root.handlers[:], root.level
    configure_logging("INFO")
    written: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: written.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger().addHandler(handler)
    try:
        transport = httpx.MockTransport(lambda request: httpx.Response(204))
        async with httpx.AsyncClient(transport=transport) as outgoing:
            await outgoing.post(secret_url, json={})
        logging.getLogger("mentoring").info("a line that is kept")
    finally:
        root.handlers[:] = kept_handlers  # configure_logging replaced the test run's own
        root.setLevel(kept_level)
    assert "a line that is kept" in written
    assert not [line for line in written if "s3cr3t-receiver-token" in line]
