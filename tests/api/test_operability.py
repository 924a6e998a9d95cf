"""What operators rely on: metrics to scrape, and tracing that stays off unless asked for."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from typing import Any

from app.adapters.db.database import Database
from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)


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


def _mentorship_gauges(text: str) -> dict[str, float]:
    return {
        state: float(n)
        for state, n in re.findall(r'^mentorships\{state="(\w+)"\} (\S+)$', text, re.M)
    }


async def test_metrics_count_mentorships_by_state_over_every_organisation(
    client, auth, other_org, clock
):
    # Counted from a baseline: tests before this one (the fuzzer's) may have committed pairs.
    before = _mentorship_gauges((await client.get("/metrics")).text)
    elsewhere = await propose(
        client,
        lambda **kw: auth(organization=other_org, **kw),
        "charlotte-sll",
        date(2027, 1, 4),
    )
    assert elsewhere.organization_id == other_org.id
    await propose(client, auth, "charlotte-sll", date(2027, 1, 4), prefix="P")
    confirmed = await propose(client, auth, "charlotte-sll", date(2027, 1, 4), prefix="Q")
    for who in (confirmed.mentee, confirmed.mentor):
        answer = await client.post(f"/v1/mentorships/{confirmed.id}/confirm", headers=who)
        assert answer.status_code == 200, answer.text
    after = _mentorship_gauges((await client.get("/metrics")).text)
    states = ["proposed", "confirmed", "active", "completed", "ended", "withdrawn", "rematched"]
    assert set(before) == set(after) == set(states)  # every state, zeros included
    assert {s: after[s] - before[s] for s in states} == {
        "proposed": 2.0,
        "confirmed": 1.0,
        "active": 0.0,
        "completed": 0.0,
        "ended": 0.0,
        "withdrawn": 0.0,
        "rematched": 0.0,
    }


class _Unreachable(Database):
    """A database whose server refuses connections, as one that is down does."""

    def connect(self) -> Any:
        raise ConnectionRefusedError(111, "Connection refused")


async def test_metrics_without_a_database_still_serve_the_rest(client, auth):
    await client.get("/v1/employees", headers=await auth())
    client._transport.app.state.database = _Unreachable("postgresql://127.0.0.1:1/down")
    answer = await client.get("/metrics")
    assert answer.status_code == 200
    assert "http_requests_total" in answer.text
    assert _mentorship_gauges(answer.text) == {}


_TRACING_OFF = """
import sys
from app.config import Settings
from app.main import create_app
from app.telemetry import instrument
assert instrument(create_app(Settings(environment="test")), Settings(environment="test")) is False
print("opentelemetry.instrumentation.asgi" in sys.modules)
"""


def test_tracing_is_off_unless_an_endpoint_is_configured():
    # A process of its own: other tests of this run do trace, and import the package.
    shown = subprocess.run(
        [sys.executable, "-c", _TRACING_OFF], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "False"
