"""The GraphQL context, built from the same dependencies as the REST routes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from strawberry.fastapi import BaseContext

from app.api.deps import (
    UnitOfWorkFactory,
    get_matching_background_above,
    get_outbound_policy,
    get_principal,
    get_uow_factory,
)
from app.api.graphql.loaders import Loaders
from app.domain.access import Principal
from app.domain.outbound_urls import OutboundPolicy
from app.services.ports import Clock


@dataclass
class Context(BaseContext):
    principal: Principal
    new_uow: UnitOfWorkFactory
    clock: Clock
    outbound: OutboundPolicy = field(default_factory=OutboundPolicy)
    matching_background_above: int | None = None
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        super().__init__()
        # One set per request: no cross-request caching.
        self.loaders = Loaders(self.new_uow, self.principal)


async def context_for(request: Request) -> Context:
    """GraphQLRouter's `context_getter`, made of the REST routes' own dependencies, called in
    turn rather than resolved by FastAPI (each resolution costs every request); the clock is
    the app's (`app.state.clock`), as a REST route's caller carries it."""
    principal = await get_principal(request)
    return Context(
        principal=principal,
        new_uow=await get_uow_factory(request, principal),
        clock=request.app.state.clock,
        outbound=await get_outbound_policy(request),
        matching_background_above=await get_matching_background_above(request),
    )


def context_of(info: Any) -> Context:
    context: Context = info.context
    return context
