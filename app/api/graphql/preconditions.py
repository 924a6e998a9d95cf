"""`ifMatch` in GraphQL: REST's `If-Match`, the same `ETag` (a type's `etag` field, or the
header REST answered) and the same check in the same use case. A stale one answers a Problem
`precondition-failed` naming `If-Match`, as REST answers 412; absent or `*`, no check.

The value is parsed inside the awaited work, so a malformed one answers a Problem (`invalid`)
too, rather than an error outside the result union.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from app.api.concurrency import etag, expected_fingerprint, expected_version
from app.domain.errors import InvalidInput
from app.services.versions import fingerprint

T = TypeVar("T")

IF_MATCH = (
    "With `ifMatch` (the `etag` you read), only if nobody changed it since (a Problem "
    "`precondition-failed` otherwise)"
)
ETAG = "The `ETag` REST answers for it: the `ifMatch` of a later change"


async def versioned(
    if_match: str | None, work: Callable[[int | None], Awaitable[T]], if_version: int | None = None
) -> T:
    """`work` given the version `if_match` names (or `if_version`, the older argument of the
    same meaning on some mutations; both at once are refused)."""
    named = expected_version(if_match)
    if named is not None and if_version is not None:
        raise InvalidInput("give ifMatch or ifVersion, not both", field="ifMatch")
    return await work(named if named is not None else if_version)


async def fingerprinted(if_match: str | None, work: Callable[[str | None], Awaitable[T]]) -> T:
    """`work` given the fingerprint `if_match` names."""
    return await work(expected_fingerprint(if_match))


def version_etag(version: int) -> str:
    """The `ETag` of a resource that keeps a version number."""
    return etag(version)


def record_etag(record: object) -> str:
    """The `ETag` of a resource that keeps none (its fingerprint), as REST writes it."""
    return f'"{fingerprint(record)}"'
