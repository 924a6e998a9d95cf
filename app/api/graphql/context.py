"""The GraphQL context, built from the same dependencies as the REST routes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.fastapi import BaseContext

from app.api.deps import (
    CurrentPrincipal,
    MatchingBackgroundAbove,
    OutboundUrls,
    SystemTime,
    UnitOfWorkFactory,
    UoWFactory,
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


async def context_for(
    principal: CurrentPrincipal,
    new_uow: UoWFactory,
    clock: SystemTime,
    outbound: OutboundUrls,
    background_above: MatchingBackgroundAbove,
) -> Context:
    """GraphQLRouter's `context_getter`: a FastAPI dependency on the REST routes' own."""
    return Context(
        principal=principal,
        new_uow=new_uow,
        clock=clock,
        outbound=outbound,
        matching_background_above=background_above,
    )


def context_of(info: Any) -> Context:
    context: Context = info.context
    return context
