"""The GraphQL context, built from the same dependencies as the REST routes."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from strawberry.fastapi import BaseContext

from app.api.deps import UnitOfWorkFactory, get_clock, get_principal, get_uow_factory
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


async def context_for(request: Request) -> Context:
    """The context, from the same functions as the REST routes' dependencies, called
    directly: FastAPI's dependency resolution was a quarter of a small query's CPU. An
    override of the clock (the one dependency tests replace) is honoured as FastAPI would."""
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
