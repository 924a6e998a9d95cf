"""A mentorship's relations in GraphQL (its plan, its latest meeting, its progress facts),
each through its DataLoader over a batch service function: a list of mentorships costs the
same number of statements whatever its length, under the same rules as the single reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from app.api.graphql import relationship_types as t
from app.api.graphql.context import context_of
from app.api.graphql.relay import PageInfo, page_info
from app.domain.errors import InvalidInput
from app.services.relationships.goals import DEFAULT_PAGE, GoalPage


@strawberry.type
class GoalEdge:
    cursor: str
    node: t.Goal


@strawberry.type(description="A page of the mentee's plan, in plan order")
class GoalConnection:
    edges: list[GoalEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: GoalPage, *, resumed: bool) -> GoalConnection:
        edges = [GoalEdge(cursor=str(g.id), node=t.goal(g)) for g in page.goals]
        cursors = [e.cursor for e in edges]
        info = page_info(cursors, more=page.has_more, backward=False, resumed=resumed)
        return cls(edges=edges, page_info=info)


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
    return GoalConnection.of(page, resumed=after is not None) if page is not None else None


async def last_meeting(root: Any, info: strawberry.Info) -> t.Meeting | None:
    found = await context_of(info).loaders.last_meeting.load(root.id)
    return t.build(t.Meeting, found) if found is not None else None


async def progress(root: Any, info: strawberry.Info) -> t.MentorshipProgress | None:
    found = await context_of(info).loaders.progress.load(root.id)
    return t.build(t.MentorshipProgress, found) if found is not None else None


def asks_for_documents(info: strawberry.Info) -> bool:
    """Whether a connection's nodes ask for their policy or their explanation (through
    `edges { node { ... } }`, fragments included): a page that does not is read without them."""
    edges = _named(info.selected_fields[0].selections, "edges")
    nodes = _named([s for e in edges for s in e.selections], None, under="node")
    return any(f.name in ("policy", "explanation") for f in nodes)


def _named(
    selections: Sequence[Selection], name: str | None, under: str | None = None
) -> list[SelectedField]:
    """Fields among `selections` (fragments opened) called `name`, or every field inside the
    fields called `under`."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            found += _named(selection.selections, name, under)
        elif under is not None and selection.name == under:
            found += _named(selection.selections, None)
        elif under is None and (name is None or selection.name == name):
            found.append(selection)
    return found


GOALS = strawberry.field(
    resolver=goals,
    graphql_type=GoalConnection | None,
    description="The mentee's plan, a page at a time (Relay connection); null when the "
    "caller may not read it",
)
LAST_MEETING = strawberry.field(
    resolver=last_meeting,
    graphql_type=t.Meeting | None,
    description="The latest meeting not cancelled; what was said only for those who may "
    "read it (facts for the rest); null when none or out of reach",
)
PROGRESS = strawberry.field(
    resolver=progress,
    graphql_type=t.MentorshipProgress | None,
    description="Facts: confirmations, signatures, timeline, checkpoint outcome (the cadence "
    "signal is on `mentorshipProgress`)",
)
