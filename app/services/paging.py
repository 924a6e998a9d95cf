"""A page of a collection as the use cases answer it: the items, and whether more follow.

Use cases read `limit + 1` rows after the previous page's key; the extra row only says that
another page follows. Cursors (what a client sees) are the API's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.domain.errors import InvalidInput

T = TypeVar("T")
MAX_PAGE = 200


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    has_more: bool


def check_limit(limit: int, maximum: int = MAX_PAGE) -> int:
    """The limit, refused when outside 1..maximum."""
    if not 1 <= limit <= maximum:
        raise InvalidInput(f"limit must be between 1 and {maximum}", field="limit")
    return limit


def page_of(found: Sequence[T], limit: int) -> Page[T]:
    """A page from `limit + 1` rows read."""
    return Page(list(found[:limit]), len(found) > limit)
