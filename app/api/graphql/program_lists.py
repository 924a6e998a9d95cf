"""The programs area's lists in GraphQL: programs, a program's cohorts and a cohort's matching
runs, as Relay connections over the same service functions (and rules) as REST's
`listPrograms`, `listCohorts` and `listMatchingRuns`.

Each is a keyset page of the parent's list in id order; a cursor is REST's for the same list
(the id of the item shown), so a client may page on in either API. A node's relations (a
cohort's `events`) come through the request's DataLoaders, one batch for the whole page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar
from uuid import UUID

import strawberry

from app.api.graphql.matching_types import MatchingRun
from app.api.graphql.mentorship_relations import cursor
from app.api.graphql.program_types import Cohort, Program
from app.api.graphql.programs_common import args, or_none
from app.api.graphql.relay import Connection, cursor_argument, direction
from app.services import cohorts
from app.services.matching import runs as matching_runs
from app.services.paging import Page, encode_cursor
from app.services.programs import catalog as programs

PAGING = "Relay connection in id order: `first`/`after` forward, `last`/`before` backward"


class _Identified(Protocol):
    @property
    def id(self) -> UUID: ...


Record = TypeVar("Record", bound=_Identified)
Node = TypeVar("Node")


def _connection(
    found: Page[Record], make: Callable[[Record], Node], *, backward: bool, resumed: bool
) -> Connection[Node]:
    """The page as a connection, each node's cursor the key REST's page gives it."""
    items: Sequence[Record] = found.items
    return Connection.of(
        [make(r) for r in items],
        [encode_cursor([str(r.id)]) for r in items],
        more=found.has_more,
        backward=backward,
        resumed=resumed,
    )


@strawberry.type
class ProgramListQuery:
    @strawberry.field(description=f"The organisation's programs ({PAGING})")
    async def programs(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Program]:
        count, key, backward = direction(first, after, last, before, default=50)
        found = await programs.list_programs(
            **args(info),
            after=cursor(key, cursor_argument(backward)),
            limit=count,
            backward=backward,
        )
        return _connection(found, Program.of, backward=backward, resumed=key is not None)

    @strawberry.field(description=f"A program's cohorts ({PAGING}); null when not found")
    async def cohorts(
        self,
        info: strawberry.Info,
        program_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Cohort] | None:
        count, key, backward = direction(first, after, last, before, default=50)
        found = await or_none(
            cohorts.list_cohorts(
                **args(info),
                program_id=program_id,
                after=cursor(key, cursor_argument(backward)),
                limit=count,
                backward=backward,
            )
        )
        if found is None:
            return None
        return _connection(found, Cohort.of, backward=backward, resumed=key is not None)

    @strawberry.field(
        description=f"A cohort's matching runs, computed and published ({PAGING}); null when "
        "the cohort is not found"
    )
    async def matching_runs(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[MatchingRun] | None:
        count, key, backward = direction(first, after, last, before, default=50)
        found = await or_none(
            matching_runs.list_matching_runs(
                **args(info),
                cohort_id=cohort_id,
                after=cursor(key, cursor_argument(backward)),
                limit=count,
                backward=backward,
            )
        )
        if found is None:
            return None
        return _connection(found, MatchingRun.of, backward=backward, resumed=key is not None)
