"""Optimistic concurrency at the edge: versions as `ETag`s, `If-Match` as an expected version.

The check itself happens in the database (an UPDATE ... WHERE version = $n), so two writers
can never both win; here only the header format lives.
"""

from __future__ import annotations

import re

from app.domain.errors import InvalidInput

_ETAG = re.compile(r'^\s*(?:W/)?"v(\d+)"\s*$')


def etag(version: int) -> str:
    return f'"v{version}"'


def expected_version(if_match: str | None) -> int | None:
    """The version `If-Match` names; None when absent or `*` (any version)."""
    if if_match is None or if_match.strip() == "*":
        return None
    found = _ETAG.match(if_match)
    if found is None:
        raise InvalidInput("If-Match must be an ETag this service issued", field="If-Match")
    return int(found.group(1))
