"""One pagination for every REST list: `limit` and an opaque `cursor` in; `items` and
`next_cursor` out, with the next page's absolute URL in an RFC 8288 `Link` header.

A cursor is the keyset of the last item shown (base64url of a JSON array), never an offset:
a page stays right when rows are added or removed before it, and the database seeks to the
key through an index however deep the page. Clients must treat it as opaque, so the key
behind it may change without breaking them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeGuard, TypeVar, get_args
from uuid import UUID

from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.domain.errors import InvalidInput
from app.services.paging import decode_cursor, encode_cursor

T = TypeVar("T")
MAX_LIMIT = 200
DEFAULT_LIMIT = 50
# What a cursor looks like in the documentation's examples: the key of the last item shown.
EXAMPLE_CURSOR = "WyIyMDI3LTAzLTAxVDA5OjAwOjAwKzAwOjAwIl0"


class Page(BaseModel, Generic[T]):
    """A page of a collection. Subclass it per item (`class XPageRead(Page[XRead])`) so each
    page has its own schema name."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page"
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """A page's example is its item's (every page model would otherwise repeat it)."""
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        [item] = get_args(cls.model_fields["items"].annotation) or (None,)
        extra = item.model_config.get("json_schema_extra") if _is_model(item) else None
        examples = extra.get("examples") if isinstance(extra, dict) else None
        if isinstance(examples, list) and examples and "examples" not in target:
            target["examples"] = [{"items": [examples[0]], "next_cursor": EXAMPLE_CURSOR}]
        return schema


def _is_model(item: object) -> TypeGuard[type[BaseModel]]:
    return isinstance(item, type) and issubclass(item, BaseModel)


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int
    cursor: str | None

    def key(self) -> list[Any] | None:
        """The keyset the cursor carries, or None for the first page."""
        return None if self.cursor is None else decode_cursor(self.cursor)


async def _page_request(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="How many items at most (1 to 200)")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=512, description="`next_cursor` of the previous page; omit for the first"),
    ] = None,
) -> PageRequest:
    # `async`, though it awaits nothing: FastAPI runs a plain function in a worker thread.
    return PageRequest(limit, cursor)


PageQuery = Annotated[PageRequest, Depends(_page_request)]


def single_key(page: PageRequest, kind: Callable[[Any], T]) -> T | None:
    """The one value of a one-column keyset (an id), converted by `kind`; refused if it is not."""
    return key_in(page.cursor, kind)


def key_in(cursor: str | None, kind: Callable[[Any], T], field: str = "cursor") -> T | None:
    """The one value a one-column cursor carries (None for no cursor), converted by `kind`; a
    cursor that is not one is refused, naming `field` (GraphQL's `after` or `before`)."""
    if cursor is None:
        return None
    try:
        key = decode_cursor(cursor)
        if len(key) != 1:
            raise ValueError
        return kind(key[0])
    except (InvalidInput, TypeError, ValueError):
        raise InvalidInput("not a cursor this service issued", field=field) from None


def arrival(cursor: str | None, field: str = "cursor") -> tuple[datetime, UUID] | None:
    """The `(created_at, id)` a cursor of a list in arrival order carries (applications)."""
    if cursor is None:
        return None
    try:
        created_at, item_id = decode_cursor(cursor)
        return datetime.fromisoformat(created_at), UUID(item_id)
    except (InvalidInput, TypeError, ValueError):
        raise InvalidInput("not a cursor this service issued", field=field) from None


def uuid_key(value: Any) -> UUID:
    """A key that is an id (mentorships, goals)."""
    if not isinstance(value, str):
        raise ValueError("not an id")
    return UUID(value)


def bigint(value: Any) -> int:
    """A key that is a PostgreSQL bigint id (audit events, deliveries)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value < 2**63:
        raise ValueError("not a bigint id")
    return value


def place(value: Any) -> int:
    """A key that is a place in a list worked out at each request (the worklist)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("not a place in the list")
    return value


def answer(
    request: Request, response: Response, items: Sequence[T], next_cursor: str | None
) -> dict[str, Any]:
    """The page body, and the `Link` to the next page when there is one."""
    if next_cursor is not None:
        url = request.url.include_query_params(cursor=next_cursor)
        response.headers["Link"] = f'<{url}>; rel="next"'
    return {"items": list(items), "next_cursor": next_cursor}


def keyset(
    request: Request,
    response: Response,
    items: Sequence[T],
    has_more: bool,
    *,
    key: Callable[[T], Sequence[Any]],
) -> dict[str, Any]:
    """A page a use case read by keyset: the next cursor is the key of its last item."""
    next_key = key(items[-1]) if has_more and items else None
    return answer(request, response, items, None if next_key is None else encode_cursor(next_key))


def by(*names: str) -> Callable[[Any], str]:
    """The key of an item from its fields (an attribute of a record, or a key of a mapping)."""

    def key(item: Any) -> str:
        get = item.get if isinstance(item, Mapping) else lambda n: getattr(item, n)
        return ":".join(str(get(n)) for n in names)

    return key


def bounded(
    request: Request,
    response: Response,
    everything: Sequence[T],
    page: PageRequest,
    key: Callable[[T], str] = by("id"),
) -> dict[str, Any]:
    """A page of a collection bounded by its parent (a mentorship's goals, a cohort's events),
    which the service reads whole in its own order: the page starts after the item the cursor
    names, so it stays right when items are added elsewhere. If that item is gone, the page
    starts where it was."""
    start = 0
    if (cursor_key := page.key()) is not None:
        if len(cursor_key) != 2 or not isinstance(cursor_key[1], int) or cursor_key[1] < 0:
            raise InvalidInput("not a cursor this service issued", field="cursor")
        named, position = str(cursor_key[0]), cursor_key[1]
        start = next((i + 1 for i, item in enumerate(everything) if key(item) == named), position)
    items = everything[start : start + page.limit]
    last = start + len(items)
    more = last < len(everything)
    next_cursor = encode_cursor([key(items[-1]), last]) if more else None
    return answer(request, response, items, next_cursor)
