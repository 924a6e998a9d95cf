"""Build the application. Nothing happens at import time: `create_app()` does it all."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager

from fastapi import APIRouter, FastAPI

from app.adapters.auth.authenticator import Authenticator
from app.adapters.auth.revocations import hearing_revocations
from app.adapters.background.process import background_work
from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.idempotency import PinnableDatabase
from app.adapters.db.tenant_role import refuse_unsafe_tenant_role
from app.adapters.db.urls import application_url, resolve_database_url
from app.adapters.rate_limit import RateLimiter
from app.adapters.scim.application import ScimMount
from app.api import errors
from app.api.contract import install_contract
from app.api.deps import get_caller
from app.api.docs import install_docs
from app.api.graphql.schema import build_router
from app.api.guards import RequestGuards
from app.api.query_guard import router_dependencies
from app.api.rest import (
    access,
    agreement_records,
    conclusion,
    disclosure_consent,
    employees,
    health,
    integrations,
    luncheon_hosts,
    people,
    program_mentorships,
    programs,
    relationship_records,
    relationships,
)
from app.api.rest import program_year as program_year_rest
from app.config import Settings
from app.metrics import Metrics, metrics_endpoint, watching_loop_lag
from app.observability import RequestContext, configure_logging
from app.services.ports import Clock
from app.telemetry import instrument

DESCRIPTION = """Runs formal workplace mentoring programs: the employee directory, programs,
cohorts, matching and mentorships. Errors are RFC 9457 problem documents."""


def create_app(
    settings: Settings | None = None, database: Database | None = None, clock: Clock | None = None
) -> FastAPI:
    """The ASGI app. Pass `database` to share one (tests do); else it is made at start-up.
    Requests take the time from `clock` (the system's unless given), kept as `app.state.clock`,
    where a test may put another."""
    settings = settings or Settings()
    app = FastAPI(
        title="Mentoring programs API",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=_lifespan(settings, database),
        docs_url=None,
        redoc_url=None,  # offline docs: see install_docs
        openapi_url=None,  # served as bytes written once: see install_docs
        # Tracing is ours (app.telemetry, when configured); FastAPI's own would double it and
        # costs a provider lookup on every request even when off.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    app.state.clock = clock or SystemClock()
    app.state.rate_limiter = (
        RateLimiter(settings.rate_limit, settings.rate_limit_storage)
        if settings.rate_limit
        else None
    )
    if database is not None:
        app.state.database = database = PinnableDatabase(database)
        app.state.authenticator = Authenticator(database, outbound=settings.outbound_policy)
    errors.install(app)
    _install_routes(app, settings)
    _install_layers(app, settings)
    return app


def _lifespan(
    settings: Settings, database: Database | None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Start-up and shut-down: without a shared `database`, the app opens its own pool (and
    refuses a tenant role that could cross organisations) and runs the background work."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = database is None
        if owned:
            url = application_url(resolve_database_url(settings), settings)
            app.state.database = PinnableDatabase(Database(url, pool_size=settings.db_pool_size))
            await app.state.database.open()
            app.state.authenticator = Authenticator(
                app.state.database, outbound=settings.outbound_policy
            )
        try:
            if owned:
                await refuse_unsafe_tenant_role(app.state.database)
            async with running_beside(app, settings, background=owned):
                yield
        finally:
            if owned:
                await app.state.database.close()

    return lifespan


def _install_routes(app: FastAPI, settings: Settings) -> None:
    """A request is matched against the routes in turn, so the busiest go first: the routers
    of most requests (`BUSIEST`), then the docs' pages, then GraphQL (a dashboard's POST
    would otherwise be tried against every REST route; GraphiQL's page, a docs route, must
    come before it), then the other REST routers, then SCIM."""
    routers = rest_routers()
    for router in routers[:BUSIEST]:
        app.include_router(router, dependencies=router_dependencies(router, get_caller))
    install_docs(app)
    install_contract(app)
    app.include_router(build_router(settings))
    for router in routers[BUSIEST:]:
        app.include_router(router, dependencies=router_dependencies(router, get_caller))
    app.mount("/scim", ScimMount())


def _install_layers(app: FastAPI, settings: Settings) -> None:
    """The layers around every request (the last added runs first): the request's id, access
    line and metrics; then the size limit, NUL characters, Idempotency-Key and ETags."""
    app.add_middleware(
        RequestGuards,
        max_body_bytes=settings.max_body_bytes,
        per_path={
            "/v1/employees/import": employees.IMPORT_MAX_BODY_BYTES,
            "/v1/roster-files/employees": integrations.ROSTER_MAX_BODY_BYTES,
        },
    )
    app.state.metrics = Metrics(lambda: app.state.database.pool_stats())
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    app.add_middleware(RequestContext, observe=app.state.metrics.observe_request)
    instrument(app, settings)


# How many of `rest_routers()` come before the docs and GraphQL: the directory's and the
# mentorships' (reads of one and pages), which most requests are for.
BUSIEST = 2


def rest_routers() -> tuple[APIRouter, ...]:
    """The REST routers, the busiest first: a request is matched against each route in turn
    until one takes it, twice over (the router, then its route). No request can reach two
    routes (`tests/api/test_route_table.py`), so the order is free."""
    return (
        employees.router,
        program_mentorships.router,  # mentorship pages and details
        relationship_records.router,  # meeting logs
        *[r for r in relationships.routers if r is not relationship_records.router],
        *[r for r in programs.routers if r is not program_mentorships.router],
        health.router,
        employees.import_router,
        access.router,
        *people.routers,
        luncheon_hosts.router,
        disclosure_consent.router,
        agreement_records.router,
        conclusion.router,
        *integrations.routers,
        program_year_rest.router,
    )


@asynccontextmanager
async def running_beside(
    app: FastAPI, settings: Settings, *, background: bool
) -> AsyncIterator[None]:
    """What runs beside the requests: the event-loop lag probe; in a served process, the
    token revocation listener and (unless BACKGROUND_WORK is off) webhook delivery,
    deadlines and purges."""
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(watching_loop_lag(app.state.metrics))
        if background:  # a served process: revocations made in any process reach this one
            await stack.enter_async_context(hearing_revocations(app.state.database.url))
        if background and settings.background_work:
            work = background_work(
                resolve_database_url(settings),
                allow_private_addresses=settings.webhook_allow_private_addresses,
            )
            await stack.enter_async_context(work)
        yield


def app_factory() -> FastAPI:
    """For `uvicorn --factory app.main:app_factory` (`serve` wraps it: `app.cli.served_app`)."""
    settings = Settings()
    configure_logging(settings.log_level)
    return create_app(settings)
