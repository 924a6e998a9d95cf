"""What the GraphQL resolvers of running a mentorship share: service arguments from the
context, and expected failures as `null` (not found) or a `Problem`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from app.api.graphql import relationship_types as t
from app.api.graphql.built import build
from app.api.graphql.context import context_of
from app.api.graphql.problems import Problem
from app.domain.errors import DomainError, NotFound
from app.services.relationships import progress as mentorship_progress

T = TypeVar("T")
R = TypeVar("R")


def args(info: strawberry.Info, *, clock: bool = False) -> dict[str, Any]:
    context = context_of(info)
    found: dict[str, Any] = {"uow": context.new_uow(), "principal": context.principal}
    if clock:
        found["clock"] = context.clock
    return found


async def found(work: Awaitable[T], shape: Callable[[T], R]) -> R | None:
    try:
        return shape(await work)
    except NotFound:
        return None


async def done(work: Awaitable[T], shape: Callable[[T], R]) -> R | Problem:
    try:
        return shape(await work)
    except DomainError as error:
        return Problem.of(error)


def progress(pair: Any) -> t.MentorshipProgress:
    return build(t.MentorshipProgress, mentorship_progress.describe(pair))
