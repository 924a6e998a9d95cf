"""JSON for PostgreSQL columns: orjson, falling back to the standard library for what orjson
refuses (integers beyond 64 bits, which JSON and jsonb both allow)."""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, separators=(",", ":"), default=str)


# orjson reads an integer beyond 64 bits as a float, silently losing digits. Such a float is
# at least 2**63 in size, so only a document holding one is read again, exactly, by `json`.
# Looking at the parsed values costs a fifth of scanning the text for long digit runs.
_EXACT_LIMIT = float(2**63)


def loads(text: str) -> Any:
    value = orjson.loads(text)
    return json.loads(text) if _may_have_lost_digits(value) else value


def _may_have_lost_digits(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is dict:
            pending.extend(item.values())
        elif kind is list:
            pending.extend(item)
        elif kind is float and abs(item) >= _EXACT_LIMIT:
            return True
    return False
