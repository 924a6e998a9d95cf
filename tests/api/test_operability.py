"""What operators rely on: metrics to scrape, and tracing that stays off unless asked for."""

from __future__ import annotations

import sys

from app.config import Settings
from app.main import create_app
from app.telemetry import instrument


async def test_metrics_count_requests_by_route_template_and_show_the_pool(client, auth):
    headers = await auth()
    for _ in range(3):
        await client.get("/v1/employees", headers=headers)
    await client.get("/v1/employees/00000000-0000-0000-0000-000000000000", headers=headers)
    text = (await client.get("/metrics")).text
    assert 'http_requests_total{method="GET",route="/v1/employees",status="200"} 3.0' in text
    # Ids never become labels: the template does.
    assert 'route="/v1/employees/{employee_id}",status="404"} 1.0' in text
    assert "00000000-0000" not in text
    assert 'db_pool_connections{state="max"}' in text
    assert "http_request_duration_seconds_bucket" in text


async def test_metrics_count_unknown_methods_under_one_label(client, auth):
    headers = await auth()
    for method in ("BREW", "WHEN", "BREW"):
        await client.request(method, "/v1/employees", headers=headers)
    await client.get("/v1/employees", headers=headers)
    text = (await client.get("/metrics")).text
    assert 'http_requests_total{method="_OTHER",route="/v1/employees",status="405"} 3.0' in text
    assert 'http_request_duration_seconds_count{method="GET",route="/v1/employees"} 1.0' in text
    assert "BREW" not in text
    assert "WHEN" not in text


def test_tracing_is_off_unless_an_endpoint_is_configured():
    app = create_app(Settings(environment="test"))
    assert instrument(app, Settings(environment="test")) is False
    assert "opentelemetry.instrumentation.asgi" not in sys.modules
