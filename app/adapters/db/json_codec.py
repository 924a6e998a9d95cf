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
