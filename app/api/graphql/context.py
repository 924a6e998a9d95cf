"""The GraphQL context, built from the same dependencies as the REST routes."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from strawberry.fastapi import BaseContext

from app.api.deps import (
    CurrentPrincipal,
    SystemTime,
    UnitOfWorkFactory,
    get_clock,
    get_principal,
    get_uow_factory,
)
from app.api.graphql.loaders import Loaders
from app.domain.access import Principal
from app.services.ports import Clock


@dataclass
class Context(BaseContext):
    principal: Principal
    new_uow: UnitOfWorkFactory
    clock: Clock
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        super().__init__()
        self.loaders = Loaders(
            self.new_uow, self.principal
        )  # one set per request: no cross-request caching


async def get_context(
    principal: CurrentPrincipal,
    new_uow: Annotated[UnitOfWorkFactory, Depends(get_uow_factory)],
    clock: SystemTime,
) -> Context:
    return Context(principal=principal, new_uow=new_uow, clock=clock)


async def context_for(request: Request) -> Context:
    """`get_context`'s context, made without FastAPI's dependency resolution (a quarter of a
    small query's CPU): the same calls in the same order, and an override of the clock (the
    one dependency tests replace) honoured as FastAPI would."""
    principal = await get_principal(request)
    new_uow = await get_uow_factory(request, principal)
    override = request.app.dependency_overrides.get(get_clock)
    clock = override() if override is not None else await get_clock()
    if inspect.isawaitable(clock):
        clock = await clock
    return Context(principal=principal, new_uow=new_uow, clock=clock)


def context_of(info: Any) -> Context:
    context: Context = info.context
    return context
