"""Relay connections' shared parts: `PageInfo`, complete as the Relay spec has it, and
`Connection[X]` (named `XConnection` in the schema) for the lists that need no more."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry

from app.domain.errors import InvalidInput
from app.services.paging import MAX_PAGE, check_limit, decode_cursor, encode_cursor

T = TypeVar("T")
Node = TypeVar("Node")


@strawberry.type(description="Where a page sits in its list (Relay)")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def page_info(cursors: Sequence[str], *, more: bool, backward: bool, resumed: bool) -> PageInfo:
    """`more`: another page lies in the direction read; `resumed`: the page was read from a
    cursor (`after`, or `before` going backward), so the list goes on the other side of it."""
    return PageInfo(
        has_next_page=resumed if backward else more,
        has_previous_page=more if backward else resumed,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


def direction(
    first: int | None, after: str | None, last: int | None, before: str | None, default: int
) -> tuple[int, str | None, bool]:
    """How many, from which cursor, and whether backward (`last`/`before`); both directions
    at once are refused, as the Relay spec advises."""
    if (last is not None or before is not None) and (first is not None or after is not None):
        raise InvalidInput(
            "page forward (first/after) or backward (last/before), not both", field="last"
        )
    if last is not None or before is not None:
        return (last if last is not None else default), before, True
    return (first if first is not None else default), after, False


def cursor_argument(backward: bool) -> str:
    """The argument a cursor came in, for a problem that names it."""
    return "before" if backward else "after"


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type(description="A page of a list (Relay connection)")
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo

    @classmethod
    def of(cls, nodes: Sequence[Node], cursors: Sequence[str], **where: bool) -> Connection[Node]:
        """The page of `nodes`, each with its cursor; `where` as `page_info` takes it."""
        edges = [Edge(cursor=c, node=n) for c, n in zip(cursors, nodes, strict=True)]
        return cls(edges=edges, page_info=page_info(cursors, **where))


def bounded(
    everything: Sequence[T],
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    *,
    key: Callable[[T], str],
    make: Callable[[T], Node],
) -> Connection[Node]:
    """A page of a collection bounded by its parent, which the service reads whole: the
    cursors are REST's for the same list (`pagination.bounded`), the key of an item and its
    place after it, so a page starts right after (or ends right before) the item named, or
    where it was if it is gone."""
    count, cursor, backward = direction(first, after, last, before, default=50)
    check_limit(count, MAX_PAGE)
    if backward:
        named = len(everything) + 1 if cursor is None else _place(everything, cursor, key, "before")
        end = max(0, named - 1)  # the page ends before the item named
        start = max(0, end - count)
    else:
        start = 0 if cursor is None else _place(everything, cursor, key, "after")
        end = min(len(everything), start + count)
    items = everything[start:end]
    cursors = [encode_cursor([key(item), start + n]) for n, item in enumerate(items, start=1)]
    edges = [Edge(cursor=c, node=make(item)) for c, item in zip(cursors, items, strict=True)]
    where = PageInfo(
        has_next_page=end < len(everything),
        has_previous_page=start > 0,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
    return Connection(edges=edges, page_info=where)


def _place(everything: Sequence[T], cursor: str, key: Callable[[T], str], field: str) -> int:
    """The place just after the item a cursor names (where it was, if it is gone)."""
    found: Any = None
    with contextlib.suppress(InvalidInput):  # refused below, naming the argument
        found = decode_cursor(cursor)
    if not (isinstance(found, list) and len(found) == 2 and type(found[1]) is int):
        raise InvalidInput("not a cursor this service issued", field=field)
    named, place = str(found[0]), max(0, min(found[1], len(everything)))
    return next((i + 1 for i, item in enumerate(everything) if key(item) == named), place)
