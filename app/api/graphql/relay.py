"""Relay connections' shared parts: `PageInfo`, complete as the Relay spec has it."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from app.domain.errors import InvalidInput


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
