"""The authorization matrix, one module per area. Each area module defines:

- `REST`: {(method, path): Op} for every route of the area;
- `GRAPHQL`: {fieldName: (query, target or None)} for every Query and Mutation field;
- `seed(client, auth) -> dict`: creates the victim organisation's objects of the area and
  returns their ids by target name, plus `secrets`: strings that must never leak.

`tests/api/test_authorization_matrix.py` merges them and checks them against the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

# The day the victim is seeded: fixed, so the seed does not depend on the day the suite runs
# (applications close when a cohort starts, evaluations open in rounds).
SEEDED_ON = datetime(2026, 12, 14, 9, tzinfo=UTC)

# `ifMatch` as REST's `If-Match`: an ETag of the victim's object's shape (the version it is
# at, or a fingerprint) must not get an intruder past not-found, nor tell them it exists.
IF_VERSION = 'ifMatch: "\\"v1\\""'
IF_PRINT = 'ifMatch: "\\"' + "0" * 32 + '\\""'


@dataclass(frozen=True)
class Op:
    """`target`: which of the victim's objects fills the path id (None: no id in the path).
    `body`: the JSON to send. Collections must not reveal any of the victim's ids."""

    target: str | None = None
    body: dict = field(default_factory=dict)
