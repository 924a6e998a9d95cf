"""Build the application. Nothing happens at import time: `create_app()` does it all."""

from __future__ import annotations

import copy
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute, request_response
from starlette.routing import BaseRoute

from app.adapters.auth.authenticator import Authenticator
from app.adapters.db.database import Database
from app.adapters.db.idempotency import PinnableDatabase
from app.adapters.db.urls import application_url, resolve_database_url
from app.adapters.rate_limit import RateLimiter
from app.adapters.scim.application import ScimMount
from app.api import errors
from app.api.body_limit import BodyLimit
from app.api.docs import install_docs
from app.api.etags import ETags
from app.api.graphql.schema import build_router
from app.api.idempotency import Idempotency
from app.api.lean_handler import lean_handler
from app.api.rest import (
    access,
    agreement_records,
    conclusion,
    disclosure_consent,
    employees,
    health,
    integrations,
    luncheon_hosts,
    programs,
    relationships,
)
from app.api.route_index import index_routes
from app.api.text_guard import RejectNulCharacters
from app.config import Settings
from app.metrics import Metrics, MetricsMiddleware, metrics_endpoint
from app.observability import RequestContext, configure_logging
from app.telemetry import instrument

GC_YOUNG_THRESHOLD = 10_000

DESCRIPTION = """Runs formal workplace mentoring programs: the employee directory, programs,
cohorts, matching and mentorships. Errors are RFC 9457 problem documents."""


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """The ASGI app. Pass `database` to share one (tests do); else it is made at start-up."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = database is None
        if owned:
            url = application_url(resolve_database_url(settings), settings)
            app.state.database = PinnableDatabase(Database(url, pool_size=settings.db_pool_size))
            await app.state.database.open()
            app.state.authenticator = Authenticator(app.state.database)
        # What start-up built (routes, schemas, GraphQL types) lives as long as the process;
        # frozen, the collector stops re-walking it, which otherwise pauses requests.
        gc.collect()
        gc.freeze()
        # A request's objects go with it, by reference counting: none are left in cycles
        # (tests/api/graphql/test_efficiency.py holds a dashboard to that), so the young
        # generation only fills with the objects of the requests in flight. At the default
        # 700 it was still collected every ten requests or so (~1% of the load mix's CPU);
        # at 10,000, not once in 2,000 requests of the mix, and a pass, should one come,
        # walks a few milliseconds' worth at most.
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        try:
            yield
        finally:
            if owned:
                await app.state.database.close()

    app = FastAPI(
        title="Mentoring programs API",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,  # offline docs: see install_docs
        # Tracing is ours (app.telemetry, when configured); FastAPI's own would double it and
        # costs a provider lookup on every request even when off.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.rate_limiter = (
        RateLimiter(settings.rate_limit, settings.rate_limit_storage)
        if settings.rate_limit
        else None
    )
    if database is not None:
        app.state.database = database = PinnableDatabase(database)
        app.state.authenticator = Authenticator(database)
    errors.install(app)
    install_docs(app)
    add_routes(
        app,
        # First: routes are matched in order, and a dashboard's GraphQL POST would otherwise
        # be tried against every REST route before its own.
        build_router(settings),
        health.router,
        employees.router,
        access.router,
        *programs.routers,
        *relationships.routers,
        luncheon_hosts.router,
        disclosure_consent.router,
        agreement_records.router,
        conclusion.router,
        *integrations.routers,
    )
    app.mount("/scim", ScimMount())
    index_routes(app)
    app.add_middleware(Idempotency)
    app.add_middleware(ETags)
    app.add_middleware(RejectNulCharacters)  # inside the size limit: it reads bodies
    app.add_middleware(
        BodyLimit,
        default=settings.max_body_bytes,
        per_path={
            "/v1/employees/import": employees.IMPORT_MAX_BODY_BYTES,
            "/v1/roster-files/employees": integrations.ROSTER_MAX_BODY_BYTES,
        },
    )
    app.state.metrics = Metrics(lambda: app.state.database.pool_stats())
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(RequestContext)
    instrument(app, settings)
    return app


def add_routes(app: FastAPI, *routers: APIRouter) -> None:
    """The routers' routes, added to the app's own list in order. `include_router` would keep
    each router as a branch that is matched once to be chosen and again to find the route
    (about 7% of a point read; GraphQL's router, kept as a branch, cost every REST request
    another 5%). Each route already carries its router's prefix, tags and responses; its copy
    here is bound to this app, so `app.dependency_overrides` apply."""
    for router in routers:
        for route in router.routes:
            app.router.routes.append(_bound(route, app))


def _bound(route: BaseRoute, app: FastAPI) -> APIRoute:
    """A copy of `route` whose dependencies are resolved with `app`'s overrides."""
    if not isinstance(route, APIRoute) or route.max_body_size is not None:
        raise TypeError(f"{route!r}: only plain API routes are added flat")
    bound = copy.copy(route)
    bound.dependency_overrides_provider = app
    # A route may bring its own handler (GraphQL's POST), else the lean one when it can serve.
    handler = getattr(route, "own_handler", None) or lean_handler(bound)
    bound.app = request_response(handler or bound.get_route_handler())
    return bound


def app_factory() -> FastAPI:
    """For `uvicorn --factory app.main:app_factory` (the CLI uses it for workers)."""
    settings = Settings()
    configure_logging(settings.log_level)
    return create_app(settings)
