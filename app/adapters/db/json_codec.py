"""JSON for PostgreSQL columns: orjson, falling back to the standard library for what orjson
refuses (integers beyond 64 bits, which JSON and jsonb both allow)."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, separators=(",", ":"), default=str)


# orjson reads an integer beyond 64 bits as a float, silently losing digits; such numbers
# are rare, so only text holding a run of 19 or more digits takes the exact, slower path.
_LONG_NUMBER = re.compile(r"\d{19}")


def loads(text: str) -> Any:
    if _LONG_NUMBER.search(text):
        return json.loads(text)
    return orjson.loads(text)
