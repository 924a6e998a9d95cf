"""Dependencies shared by REST and GraphQL: the caller, and a unit of work bound to its tenant.

Only authentication and rate limiting live here; every business check is in a service, so
both APIs get it. This module is the API's one way to the adapters: the Idempotency middleware
takes its `KeyedTransaction` and `StoredResponse` from here, the JSON answers (`serialized`)
their `json_default`, which writes a stored document as its own text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from app.adapters.auth.authenticator import Authenticator
from app.adapters.auth.errors import InvalidCredentials
from app.adapters.db.database import Database
from app.adapters.db.idempotency import KeyedTransaction as KeyedTransaction
from app.adapters.db.idempotency import StoredResponse as StoredResponse
from app.adapters.db.stored_json import orjson_default
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.rate_limit import RateLimiter
from app.adapters.spreadsheet_exports import SpreadsheetExports
from app.adapters.spreadsheets import SpreadsheetFiles
from app.api.errors import RateLimited, Unauthenticated
from app.api.query_guard import check_query_parameters
from app.domain.access import Principal
from app.domain.outbound_urls import OutboundPolicy
from app.services.integrations.ports import SpreadsheetReader, SpreadsheetWriter
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import KnownPairs

UnitOfWorkFactory = Callable[[], UnitOfWork]
json_default = orjson_default


async def get_principal(request: Request) -> Principal:
    """The caller named by the bearer token, or 401 saying what was wrong with it; then the
    caller's rate limit (429 once spent). Worked out once per request."""
    state = request.scope.setdefault("state", {})
    if (known := state.get("principal")) is not None:
        return known  # type: ignore[no-any-return]
    principal = await _authenticate(request)
    state["principal"] = principal
    return principal


async def _authenticate(request: Request) -> Principal:
    token = _bearer_token(request.headers.get("authorization"))
    authenticator: Authenticator = request.app.state.authenticator
    try:
        principal = await authenticator.authenticate(token)
    except InvalidCredentials as error:
        raise Unauthenticated(error.reason) from None
    limiter: RateLimiter | None = request.app.state.rate_limiter
    if limiter is not None:
        decision = await limiter.hit(principal.rate_key)
        request.scope.setdefault("state", {})["rate_limit_headers"] = decision.headers()
        if not decision.allowed:
            raise RateLimited(decision.reset_seconds, decision.headers())
    return principal


def _bearer_token(header: str | None) -> str:
    if not header:
        raise Unauthenticated("no bearer token was sent")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header is not a bearer token")
    return token.strip()


async def principal_or_none(authenticator: Authenticator, header: str | None) -> Principal | None:
    """The caller an Authorization header names, or None when it names no one; no rate limit
    is spent (the route, which answers the 401 or the request, does that)."""
    try:
        return await authenticator.authenticate(_bearer_token(header))
    except (Unauthenticated, InvalidCredentials):
        return None


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def get_uow_factory(request: Request, principal: CurrentPrincipal) -> UnitOfWorkFactory:
    """Fresh units of work for the caller's organisation: one per service call. They share
    what they learn of who is in which pair, a fact that never changes, for this request."""
    database: Database = request.app.state.database
    known_pairs: KnownPairs = {}
    return lambda: SqlUnitOfWork(database, principal.organization_id, known_pairs=known_pairs)


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking, one unit of work for their organisation (a REST route makes one
    service call) and the app's clock: one dependency rather than three, as each costs
    FastAPI a resolution on every request."""

    principal: Principal
    uow: UnitOfWork
    clock: Clock


async def get_caller(request: Request) -> Caller:
    """The first dependency of REST routes: it refuses unknown query parameters first
    (before authenticating, as a router dependency would), saving one dependency."""
    check_query_parameters(request)
    principal = await get_principal(request)
    state = request.app.state
    return Caller(principal, SqlUnitOfWork(state.database, principal.organization_id), state.clock)


async def get_outbound_policy(request: Request) -> OutboundPolicy:
    """Which URLs this deployment lets the service call (from its settings)."""
    policy: OutboundPolicy = request.app.state.settings.outbound_policy
    return policy


async def get_matching_background_above(request: Request) -> int:
    """Above how many applications a cohort's matching run computes in the background."""
    above: int = request.app.state.settings.matching_background_above
    return above


CurrentCaller = Annotated[Caller, Depends(get_caller)]
MatchingBackgroundAbove = Annotated[int, Depends(get_matching_background_above)]
OutboundUrls = Annotated[OutboundPolicy, Depends(get_outbound_policy)]
UoWFactory = Annotated[UnitOfWorkFactory, Depends(get_uow_factory)]


def spreadsheet_reader() -> SpreadsheetReader:
    """How roster files are read (the adapter knows CSV and XLSX)."""
    return SpreadsheetFiles()


Spreadsheets = Annotated[SpreadsheetReader, Depends(spreadsheet_reader)]


def spreadsheet_writer() -> SpreadsheetWriter:
    """How exports are written (CSV with formulas escaped, and XLSX)."""
    return SpreadsheetExports()


ExportFiles = Annotated[SpreadsheetWriter, Depends(spreadsheet_writer)]


async def get_readiness(request: Request) -> dict[str, object]:
    from app.adapters.db.readiness import readiness

    return await readiness(request.app.state.database)


Readiness = Annotated[dict[str, object], Depends(get_readiness)]
