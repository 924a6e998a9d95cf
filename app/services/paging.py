"""A page of a collection as the use cases answer it: the items, and whether more follow.

Use cases read `limit + 1` rows after the previous page's key; the extra row only says that
another page follows. A cursor (what a client sees) is that key, written by `encode_cursor`:
one opaque form for every list, whichever layer writes it.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.domain.errors import InvalidInput

T = TypeVar("T")
MAX_PAGE = 200
# Made once: `json.dumps` with options builds an encoder on every call, and a page of goals
# in a GraphQL dashboard writes a cursor for every goal of every pair.
_CURSOR_JSON = json.JSONEncoder(separators=(",", ":"), default=str)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    has_more: bool


def check_limit(limit: int, maximum: int = MAX_PAGE) -> int:
    """The limit, refused when outside 1..maximum."""
    if not 1 <= limit <= maximum:
        raise InvalidInput(f"limit must be between 1 and {maximum}", field="limit")
    return limit


def page_of(found: Sequence[T], limit: int, *, backward: bool = False) -> Page[T]:
    """A page from `limit + 1` rows read, in list order. `backward`: the rows were read
    towards the start of the list, so the extra row is the first, not the last."""
    items = found[-limit:] if backward else found[:limit]
    return Page(list(items), len(found) > limit)


def encode_cursor(key: Sequence[Any]) -> str:
    """The keyset of the last item shown, opaque to clients."""
    text = _CURSOR_JSON.encode(list(key))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """The inverse of `encode_cursor`; a cursor this service did not make is refused."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.b64decode(padded, altchars=b"-_", validate=True))
    except (binascii.Error, ValueError):  # JSONDecodeError and UnicodeDecodeError too
        key = None
    if not isinstance(key, list) or not key:
        raise InvalidInput("not a cursor this service issued", field="cursor")
    return key
