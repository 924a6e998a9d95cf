"""A mentorship's relations in GraphQL (its people, its plan, its latest meeting, its progress
facts), each through a DataLoader over a batch service function: a list of mentorships costs
the same number of statements whatever its length, under the same rules as the single reads.

A list of mentorships runs its relations' batches itself, together (`prefetch`); each node's
relation is then answered at once from its loader's cache (`at_once`), not as one awaited
task per node and relation. Prefetching can only save time: a node whose key was not
prefetched still waits for its loader, and gets the same answer."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from app.api.graphql import relationship_types as t
from app.api.graphql.context import context_of
from app.api.graphql.employees import PageInfo
from app.domain.errors import InvalidInput
from app.services.programs.records import Mentorship
from app.services.relationships.goals import DEFAULT_PAGE, GoalPage

Found = TypeVar("Found")
Key = TypeVar("Key", bound=Hashable)
Built = TypeVar("Built")


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


def at_once(
    loading: Awaitable[Found | None], build: Callable[[Found], Built]
) -> Built | Awaitable[Built | None] | None:
    """The loaded value, built, when its batch has already run; else an awaitable of it."""
    if isinstance(loading, asyncio.Future) and loading.done():
        found = loading.result()
        return build(found) if found is not None else None
    return _later(loading, build)


async def _later(loading: Awaitable[Found | None], build: Callable[[Found], Built]) -> Built | None:
    found = await loading
    return build(found) if found is not None else None


def goals(
    root: Any, info: strawberry.Info, first: int = DEFAULT_PAGE, after: str | None = None
) -> GoalConnection | Awaitable[GoalConnection | None] | None:
    loading = context_of(info).loaders.goals.load((root.id, first, cursor(after)))
    return at_once(loading, GoalConnection.of)


def last_meeting(
    root: Any, info: strawberry.Info
) -> t.Meeting | Awaitable[t.Meeting | None] | None:
    loading = context_of(info).loaders.last_meeting.load(root.id)
    return at_once(loading, lambda found: t.build(t.Meeting, found))


def progress(
    root: Any, info: strawberry.Info
) -> t.MentorshipProgress | Awaitable[t.MentorshipProgress | None] | None:
    loading = context_of(info).loaders.progress.load(root.id)
    return at_once(loading, lambda found: t.build(t.MentorshipProgress, found))


async def prefetch(
    info: strawberry.Info, pairs: Sequence[Mentorship], fields: Sequence[SelectedField]
) -> None:
    """Run now, together, the batches that the pairs' asked-for relations will need, and keep
    their answers in the loaders' caches. A batch that fails keeps nothing: each node's field
    then asks its loader, and reports the error as it would have without prefetching.
    `fields`: the connection's `node_fields`."""
    loaders = context_of(info).loaders
    ids = [m.id for m in pairs]
    people: list[UUID] = []
    work: list[Awaitable[None]] = []
    for field in fields:
        if field.name == "mentee":
            people += [m.mentee_id for m in pairs]
        elif field.name == "mentor":
            people += [m.mentor_id for m in pairs]
        elif field.name == "lastMeeting":
            work.append(_fill(loaders.last_meeting, ids))
        elif field.name == "progress":
            work.append(_fill(loaders.progress, ids))
        elif field.name == "goals" and (page := _goal_page(field)) is not None:
            work.append(_fill(loaders.goals, [(i, *page) for i in ids]))
    if people:
        work.append(_fill(loaders.employee, people))
    if work:
        await asyncio.gather(*work, return_exceptions=True)


async def _fill(loader: DataLoader[Key, Any], keys: Sequence[Key]) -> None:
    """Run the loader's batch for the keys it has not answered yet and keep the answers in
    its cache, without a future per key waited on by a gather (a hundred callbacks a page).
    Should the batch fail, nothing is kept: each node's field then asks the loader itself,
    and reports the failure where it belongs."""
    wanted = [k for k in dict.fromkeys(keys) if loader.cache_map.get(k) is None]
    if wanted:
        found = await loader.load_fn(wanted)
        loader.prime_many(dict(zip(wanted, found, strict=True)))


def asks_for_documents(fields: Sequence[SelectedField]) -> bool:
    """Whether the nodes (their `node_fields`) ask for their policy or their explanation: a
    page that does not is read without them (3 KB a row)."""
    return any(f.name in ("policy", "explanation") for f in fields)


def node_fields(info: strawberry.Info) -> list[SelectedField]:
    """The fields asked of each node of this connection: `edges { node { ... } }`."""
    edges = _named(info.selected_fields[0].selections, "edges")
    return _named([s for e in edges for s in e.selections], None, under="node")


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


def _goal_page(field: SelectedField) -> tuple[int, UUID | None] | None:
    """The page of goals asked for, or None when its arguments are wrong: the field itself
    then reports the error."""
    try:
        return int(field.arguments.get("first", DEFAULT_PAGE)), cursor(field.arguments.get("after"))
    except (InvalidInput, TypeError, ValueError):
        return None


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
