"""Optimistic concurrency at the edge: versions (or fingerprints) as `ETag`s, `If-Match` as
the expected one.

The check itself happens in the use case, inside its transaction, against the stored row
(an UPDATE ... WHERE version = $n, a locked row, or a new version's primary key), so two
writers can never both win; here only the header format lives.
"""

from __future__ import annotations

import re
from typing import Annotated, TypeVar

from fastapi import Header, Response

from app.domain.errors import InvalidInput
from app.services.versions import fingerprint

T = TypeVar("T")

_ETAG = re.compile(r'^\s*(?:W/)?"v(\d{1,18})"\s*$')
_FINGERPRINT = re.compile(r'^\s*(?:W/)?"([0-9a-f]{32})"\s*$')

IfMatch = Annotated[
    str | None,
    Header(
        max_length=200,
        description="The `ETag` you read: 412 if the resource changed since; none or `*`: no check",
    ),
]


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


def tagged(response: Response, version: int) -> None:
    """The resource's version as the response's (strong) `ETag`."""
    response.headers["ETag"] = etag(version)


def fingerprinted(response: Response, record: T) -> T:
    """The record, its fingerprint as the response's (strong) `ETag`: for resources that keep
    no version number (goals, cohort events, applications)."""
    response.headers["ETag"] = f'"{fingerprint(record)}"'
    return record


def expected_fingerprint(if_match: str | None) -> str | None:
    """The fingerprint `If-Match` names; None when absent or `*`."""
    if if_match is None or if_match.strip() == "*":
        return None
    found = _FINGERPRINT.match(if_match)
    if found is None:
        raise InvalidInput("If-Match must be an ETag this service issued", field="If-Match")
    return found.group(1)
