"""A mentorship's relations in GraphQL (its plan, its latest meeting, its progress facts),
each through its DataLoader over a batch service function: a list of mentorships costs the
same number of statements whatever its length, under the same rules as the single reads."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar, Union
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types.nodes import SelectedField

from app.api.graphql import relationship_types as t
from app.api.graphql.built import build
from app.api.graphql.context import context_of
from app.api.graphql.employees import Employee
from app.api.graphql.loaders import Loaders
from app.api.graphql.page_relations import Related
from app.api.graphql.relay import PageInfo, page_info
from app.api.pagination import key_in, uuid_key
from app.domain.directory import Employee as EmployeeRecord
from app.domain.errors import InvalidInput
from app.services.paging import encode_cursor
from app.services.relationships.goals import DEFAULT_PAGE, GoalPage
from app.services.relationships.progress import ProgressView
from app.services.relationships.records import Meeting

In = TypeVar("In")
Out = TypeVar("Out")
Key = TypeVar("Key")
Found = TypeVar("Found")
# A relation's answer: ready when its page loaded it (see page_relations), else awaited.
# `mentee`, `mentor`, `lastMeeting` and `progress` take no arguments, so a node holds their
# answers as plain attributes, read by Strawberry's default resolver: no resolver call, no
# `Info` per field. `goals` takes arguments, so it stays a resolver (a plain function, so
# that a ready answer costs the executor no coroutine).
Answer = Union[Out | None, Awaitable[Out | None]]  # noqa: UP007


@strawberry.type
class GoalEdge:
    cursor: str
    node: t.Goal


@strawberry.type(description="A page of the mentee's plan, in plan order")
class GoalConnection:
    edges: list[GoalEdge]
    page_info: PageInfo

    @classmethod
    def of(cls, page: GoalPage, *, backward: bool, resumed: bool) -> GoalConnection:
        edges = [GoalEdge(cursor=encode_cursor([str(g.id)]), node=t.goal(g)) for g in page.goals]
        cursors = [e.cursor for e in edges]
        info = page_info(cursors, more=page.has_more, backward=backward, resumed=resumed)
        return cls(edges=edges, page_info=info)


def cursor(after: str | None, field: str = "after") -> UUID | None:
    """The id a keyset cursor carries, or a client error rather than a masked one."""
    return key_in(after, uuid_key, field)


def goals(
    root: Any,
    info: strawberry.Info,
    first: int = DEFAULT_PAGE,
    # No default in the schema (`after: String`, not `after: String = null`: the same for a
    # client): an argument the query leaves out is then not among the executor's arguments,
    # so Strawberry converts only those given, for each pair's plan (a dashboard gives one).
    after: str | None = strawberry.UNSET,
    last: int | None = strawberry.UNSET,
    before: str | None = strawberry.UNSET,
) -> Answer[GoalConnection]:
    after, last, before = _given(after), _given(last), _given(before)
    backward = last is not None or before is not None
    if backward:
        _one_direction(info, after)
        count = DEFAULT_PAGE if last is None else last
        key = (root.id, count, cursor(before, "before"), True)
    else:
        key = (root.id, first, cursor(after), False)
    resumed = key[2] is not None
    if root.related is not None and key in root.related.goals:
        return _goal_connection(root.related.goals[key], backward, resumed)
    found = context_of(info).loaders.goals.load(key)
    return _loaded(found, lambda page: _goal_connection(page, backward, resumed))


def _given(value: In | None) -> In | None:
    """An argument left out (UNSET) as None."""
    return None if value is strawberry.UNSET else value


def _one_direction(info: strawberry.Info, after: str | None) -> None:
    """`first` has a default, so only a `first` the query gives conflicts with `last`."""
    field = info.selected_fields[0]
    given = field.arguments if isinstance(field, SelectedField) else {}
    if after is not None or given.get("first") is not None:
        raise InvalidInput(
            "page forward (first/after) or backward (last/before), not both", field="last"
        )


class Later(Generic[Key, Found, Out]):
    """A relation's answer loaded only if the executor awaits it (its field selected) through
    the request's DataLoader: the answer of a node whose page did not load the relation."""

    __slots__ = ("_key", "_loader", "_loaders", "_make")

    def __init__(
        self,
        loaders: Loaders,
        loader: Callable[[Loaders], DataLoader[Key, Found | None]],
        key: Key,
        make: Callable[[Found | None], Out | None],
    ) -> None:
        self._loaders, self._loader, self._key, self._make = loaders, loader, key, make

    def __await__(self) -> Generator[Any, None, Out | None]:
        return _loaded(self._loader(self._loaders).load(self._key), self._make).__await__()


def person(loaders: Loaders, related: Related | None, employee_id: UUID) -> Answer[Employee]:
    """One of the pair: ready when the page loaded it, else through the employee loader."""
    if related is not None and employee_id in related.people:
        return _employee(related.people[employee_id])
    return Later(loaders, _employees, employee_id, _employee)


def last_meeting(loaders: Loaders, related: Related | None, pair: UUID) -> Answer[t.Meeting]:
    if related is not None and pair in related.last_meetings:
        return _meeting(related.last_meetings[pair])
    return Later(loaders, _last_meetings, pair, _meeting)


def progress(loaders: Loaders, related: Related | None, pair: UUID) -> Answer[t.MentorshipProgress]:
    if related is not None and pair in related.progress:
        return _progress(related.progress[pair])
    return Later(loaders, _progresses, pair, _progress)


def _employees(loaders: Loaders) -> DataLoader[UUID, EmployeeRecord | None]:
    return loaders.employee


def _last_meetings(loaders: Loaders) -> DataLoader[UUID, Meeting | None]:
    return loaders.last_meeting


def _progresses(loaders: Loaders) -> DataLoader[UUID, ProgressView | None]:
    return loaders.progress


async def _loaded(
    found: Awaitable[In | None], make: Callable[[In | None], Out | None]
) -> Out | None:
    return make(await found)


def _goal_connection(page: GoalPage | None, backward: bool, resumed: bool) -> GoalConnection | None:
    return GoalConnection.of(page, backward=backward, resumed=resumed) if page is not None else None


def _meeting(found: Meeting | None) -> t.Meeting | None:
    return build(t.Meeting, found) if found is not None else None


def _progress(found: ProgressView | None) -> t.MentorshipProgress | None:
    return build(t.MentorshipProgress, found) if found is not None else None


def _employee(found: EmployeeRecord | None) -> Employee | None:
    return Employee.of(found) if found is not None else None


GOALS = strawberry.field(
    resolver=goals,
    graphql_type=GoalConnection | None,
    description="The mentee's plan, a page at a time (Relay connection: `first`/`after` "
    "forward, `last`/`before` backward); null when the caller may not read it",
)
