"""Dependencies shared by REST and GraphQL: the caller, and a unit of work bound to its tenant.

Only authentication and rate limiting live here; every business check is in a service, so
both APIs get it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from app.adapters.auth.authenticator import Authenticator
from app.adapters.auth.errors import InvalidCredentials
from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.rate_limit import RateLimiter
from app.api.errors import RateLimited, Unauthenticated
from app.domain.access import Principal
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import KnownPairs

UnitOfWorkFactory = Callable[[], UnitOfWork]


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
    header = request.headers.get("authorization")
    if not header:
        raise Unauthenticated("no bearer token was sent")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header is not a bearer token")
    authenticator: Authenticator = request.app.state.authenticator
    try:
        principal = await authenticator.authenticate(token.strip())
    except InvalidCredentials as error:
        raise Unauthenticated(error.reason) from None
    limiter: RateLimiter | None = request.app.state.rate_limiter
    if limiter is not None:
        decision = await limiter.hit(principal.rate_key)
        request.scope.setdefault("state", {})["rate_limit_headers"] = decision.headers()
        if not decision.allowed:
            raise RateLimited(decision.reset_seconds, decision.headers())
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def get_uow_factory(request: Request, principal: CurrentPrincipal) -> UnitOfWorkFactory:
    """Fresh units of work for the caller's organisation: one per service call. They share
    what they learn of who is in which pair, a fact that never changes, for this request."""
    database: Database = request.app.state.database
    known_pairs: KnownPairs = {}
    return lambda: SqlUnitOfWork(database, principal.organization_id, known_pairs=known_pairs)


async def get_uow(request: Request) -> UnitOfWork:
    """One unit of work for the caller's organisation (REST routes make one service call).
    It asks for the caller itself rather than through a sub-dependency: FastAPI's dependency
    resolution is a measurable share of a point read, and this sits on every request."""
    principal = await get_principal(request)
    return SqlUnitOfWork(request.app.state.database, principal.organization_id)


async def get_clock() -> Clock:
    return SystemClock()


UoW = Annotated[UnitOfWork, Depends(get_uow)]
UoWFactory = Annotated[UnitOfWorkFactory, Depends(get_uow_factory)]
SystemTime = Annotated[Clock, Depends(get_clock)]


async def get_readiness(request: Request) -> dict[str, object]:
    from app.adapters.db.readiness import readiness

    return await readiness(request.app.state.database)


Readiness = Annotated[dict[str, object], Depends(get_readiness)]
