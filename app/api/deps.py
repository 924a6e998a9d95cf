"""Dependencies shared by REST and GraphQL: the caller, and a unit of work bound to its tenant.

Only authentication lives here; every business check is in a service, so both APIs get it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from app.adapters import dev_tokens
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.api.errors import Unauthenticated
from app.config import Settings
from app.domain.access import Principal
from app.services.ports import UnitOfWork


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


async def get_principal(request: Request) -> Principal:
    """The caller named by the bearer token, or 401 saying what was wrong with it."""
    header = request.headers.get("authorization")
    if not header:
        raise Unauthenticated("no bearer token was sent")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated("the Authorization header is not a bearer token")
    try:
        return dev_tokens.verify(token.strip(), request.app.state.settings.secret_key)
    except dev_tokens.InvalidToken as error:
        raise Unauthenticated(str(error)) from None


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]

UnitOfWorkFactory = Callable[[], UnitOfWork]


async def get_uow_factory(request: Request, principal: CurrentPrincipal) -> UnitOfWorkFactory:
    """Fresh units of work for the caller's organisation: one per service call."""
    database: Database = request.app.state.database
    return lambda: SqlUnitOfWork(database, principal.organization_id)


async def get_uow(request: Request, principal: CurrentPrincipal) -> UnitOfWork:
    """One unit of work for the caller's organisation (REST routes make one service call).
    Kept flat, without sub-dependencies, because it sits on every request's hot path."""
    return SqlUnitOfWork(request.app.state.database, principal.organization_id)


UoW = Annotated[UnitOfWork, Depends(get_uow)]
UoWFactory = Annotated[UnitOfWorkFactory, Depends(get_uow_factory)]


async def get_readiness(database: Annotated[Database, Depends(get_database)]) -> dict[str, object]:
    from app.adapters.db.readiness import readiness

    return await readiness(database)


Readiness = Annotated[dict[str, object], Depends(get_readiness)]
