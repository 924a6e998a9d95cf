"""Prometheus metrics at /metrics: request rates and latencies by route template, the
connection pool, and domain gauges (mentorships by state, over every organisation, read at
each scrape). Route templates (not raw paths) keep label sets small."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services import organizations

log = logging.getLogger(__name__)

# Clients may send any token as a method; like OpenTelemetry's HTTP conventions, name the
# standard ones and count the rest together, so a scanner cannot mint label sets.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
DOMAIN_READ_SECONDS = 2.0
BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)


class Metrics:
    """One registry per app, so tests (and several apps in one process) do not collide."""

    def __init__(self, pool_stats: Callable[[], tuple[int, int, int]]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "http_requests_total",
            "Requests served",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time to serve a request",
            ["method", "route"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.loop_lag = Histogram(
            "event_loop_lag_seconds",
            "How late the event loop woke a timer: time it spent on one thing, not serving",
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.registry.register(_PoolCollector(pool_stats))
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one served request and its duration. Each label set's children are kept:
        `labels()` validates and locks on every call."""
        if method not in _METHODS:
            method = "_OTHER"
        key = (method, route, status)
        if (series := self._series.get(key)) is None:
            series = self._series[key] = (
                self.requests.labels(method, route, str(status)),
                self.latency.labels(method, route),
            )
        series[0].inc()
        series[1].observe(seconds)

    def observe_request(self, scope: Scope, status: int, seconds: float) -> None:
        """`observe` one served HTTP request by its route's template (the scrape itself is
        not counted). Called by the request's context (`app.observability.RequestContext`),
        which times every request already: a layer of its own would cost each request a
        second pass through it."""
        if scope["path"] != "/metrics":
            self.observe(scope["method"], _route_template(scope), status, seconds)

    def exposition(self, mentorships: Mapping[str, int] | None = None) -> bytes:
        """The text to scrape, with the domain counts read for this scrape (None when they
        could not be read: their series are then absent, the rest still served)."""
        text = generate_latest(self.registry)
        return text if mentorships is None else text + generate_latest(_Counts(mentorships))


LAG_PROBE_SECONDS = 0.05


async def probe_loop_lag(metrics: Metrics, stop: asyncio.Event) -> None:
    """Sleep a short while, again and again, and record how late each wake-up came: a
    handler or job that holds the loop shows here, whichever tenant it served."""
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        asked = loop.time()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), LAG_PROBE_SECONDS)
        metrics.loop_lag.observe(max(0.0, loop.time() - asked - LAG_PROBE_SECONDS))


@asynccontextmanager
async def watching_loop_lag(metrics: Metrics) -> AsyncIterator[None]:
    """`probe_loop_lag` for the length of the `with` block."""
    stop = asyncio.Event()
    probe = asyncio.create_task(probe_loop_lag(metrics, stop))
    try:
        yield
    finally:
        stop.set()
        await probe


class _PoolCollector(Collector):
    def __init__(self, pool_stats: Callable[[], tuple[int, int, int]]) -> None:
        self._pool_stats = pool_stats

    def collect(self) -> Iterator[GaugeMetricFamily]:
        size, idle, maximum = self._pool_stats()
        gauge = GaugeMetricFamily("db_pool_connections", "Database pool", labels=["state"])
        gauge.add_metric(["open"], size)
        gauge.add_metric(["idle"], idle)
        gauge.add_metric(["in_use"], size - idle)
        gauge.add_metric(["max"], maximum)
        yield gauge


class _Counts(Collector):
    """One scrape's domain counts, rendered after the registry's series."""

    def __init__(self, mentorships: Mapping[str, int]) -> None:
        self.mentorships = mentorships

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "mentorships", "Mentorships by state, all organisations", labels=["state"]
        )
        for state, count in self.mentorships.items():
            gauge.add_metric([state], count)
        yield gauge


def _route_template(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return str(scope.get("root_path", "")) + path if path else "unmatched"


async def metrics_endpoint(request: Request) -> Response:
    metrics: Metrics = request.app.state.metrics
    return Response(metrics.exposition(await _mentorships(request)), media_type=CONTENT_TYPE_LATEST)


async def _mentorships(request: Request) -> dict[str, int] | None:
    """This scrape's counts; a slow or absent database costs the scrape only these series."""
    try:
        async with asyncio.timeout(DOMAIN_READ_SECONDS):
            counts = await organizations.mentorships_by_state(
                uow=SqlUnitOfWork(request.app.state.database, None)
            )
    except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        log.warning("metrics: mentorship counts not read: %r", error)
        return None
    return {state.value: n for state, n in counts.items()}
