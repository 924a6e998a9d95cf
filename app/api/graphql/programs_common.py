"""What the programs area's GraphQL modules share: result unions and calling a service."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated, Any, TypeVar

import strawberry

from app.api.graphql.context import context_of
from app.api.graphql.matching_types import MatchingRun, MatchLock, PublishedRun
from app.api.graphql.mentorship_types import Mentorship
from app.api.graphql.problems import Problem
from app.api.graphql.program_types import Application, Cohort, CohortEvent, Program
from app.domain.errors import DomainError, NotFound

T = TypeVar("T")

ProgramResult = Annotated[Program | Problem, strawberry.union("ProgramResult")]
CohortResult = Annotated[Cohort | Problem, strawberry.union("CohortResult")]
CohortEventResult = Annotated[CohortEvent | Problem, strawberry.union("CohortEventResult")]
ApplicationResult = Annotated[Application | Problem, strawberry.union("ApplicationResult")]
MatchingRunResult = Annotated[MatchingRun | Problem, strawberry.union("MatchingRunResult")]
MatchLockResult = Annotated[MatchLock | Problem, strawberry.union("MatchLockResult")]
PublishResult = Annotated[PublishedRun | Problem, strawberry.union("PublishResult")]
MentorshipResult = Annotated[Mentorship | Problem, strawberry.union("MentorshipResult")]


async def or_none(work: Awaitable[T]) -> T | None:
    try:
        return await work
    except NotFound:
        return None


async def or_problem(work: Awaitable[Any]) -> Any:
    try:
        return await work
    except DomainError as error:
        return Problem.of(error)


def args(info: strawberry.Info) -> dict[str, Any]:
    context = context_of(info)
    return {"uow": context.new_uow(), "principal": context.principal}


def timed(info: strawberry.Info) -> dict[str, Any]:
    return {**args(info), "clock": context_of(info).clock}
