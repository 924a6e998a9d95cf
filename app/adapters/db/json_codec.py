"""JSON for PostgreSQL columns: orjson, falling back to the standard library for what orjson
refuses (integers beyond 64 bits, which JSON and jsonb both allow)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import orjson

from app.adapters.db.stored_json import orjson_default


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, default=orjson_default).decode()
    except TypeError:
        return json.dumps(value, separators=(",", ":"), default=_plain)


def _plain(value: Any) -> Any:
    return dict(value) if isinstance(value, Mapping) else str(value)


# orjson reads an integer beyond 64 bits as a float, silently losing digits. Such an integer
# has at least 19 digits in a row, so only text holding such a run is read by `json`, exactly.
# The run is found by mapping every digit to b"1", the rest to b"0", and searching: cheaper
# than the parse itself, where a regular expression cost more than the parse.
_DIGITS = bytes(0x31 if 0x30 <= b <= 0x39 else 0x30 for b in range(256))
_LONG_RUN = b"1" * 19


def loads(text: str) -> Any:
    if _LONG_RUN in text.encode().translate(_DIGITS):
        return json.loads(text)
    return orjson.loads(text)
