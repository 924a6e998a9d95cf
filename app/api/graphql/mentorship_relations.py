"""A mentorship's relations in GraphQL (its plan, its latest meeting, its progress facts), each
through a DataLoader over a batch service function: a list of mentorships costs the same
number of statements whatever its length, under the same rules as the single reads."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry

from app.api.graphql import relationship_types as t
from app.api.graphql.context import context_of
from app.api.graphql.employees import PageInfo
from app.domain.errors import InvalidInput
from app.services.goals import DEFAULT_PAGE, GoalPage


@strawberry.type
class GoalEdge:
    cursor: str
    node: t.Goal


@strawberry.type(description="A page of the mentee's plan, in plan order")
class GoalConnection:
    edges: list[GoalEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: GoalPage) -> GoalConnection:
        edges = [GoalEdge(cursor=str(g.id), node=t.goal(g)) for g in page.goals]
        end = edges[-1].cursor if edges else None
        return cls(edges=edges, page_info=PageInfo(has_next_page=page.has_more, end_cursor=end))


def cursor(after: str | None) -> UUID | None:
    """A keyset cursor (the last item's id), or a client error rather than a masked one."""
    if after is None:
        return None
    try:
        return UUID(after)
    except ValueError:
        raise InvalidInput("not a cursor this list gave out", field="after") from None


async def goals(
    root: Any, info: strawberry.Info, first: int = DEFAULT_PAGE, after: str | None = None
) -> GoalConnection | None:
    page = await context_of(info).loaders.goals.load((root.id, first, cursor(after)))
    return GoalConnection.of(page) if page is not None else None


async def last_meeting(root: Any, info: strawberry.Info) -> t.Meeting | None:
    found = await context_of(info).loaders.last_meeting.load(root.id)
    return t.build(t.Meeting, found) if found is not None else None


async def progress(root: Any, info: strawberry.Info) -> t.MentorshipProgress | None:
    found = await context_of(info).loaders.progress.load(root.id)
    return t.build(t.MentorshipProgress, found) if found is not None else None


GOALS = strawberry.field(
    resolver=goals,
    description="The mentee's plan, a page at a time (Relay connection); null when the "
    "caller may not read it",
)
LAST_MEETING = strawberry.field(
    resolver=last_meeting,
    description="The latest meeting not cancelled; what was said only for those who may "
    "read it (facts for the rest); null when none or out of reach",
)
PROGRESS = strawberry.field(
    resolver=progress,
    description="Facts: confirmations, signatures, timeline, checkpoint outcome (the cadence "
    "signal is on `mentorshipProgress`)",
)
