"""Fast JSON responses from pydantic models, and the problem responses every route documents."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from operator import attrgetter
from typing import Any

import orjson
import pydantic_core
from fastapi import Response
from pydantic import BaseModel

from app.api.errors import PROBLEM_JSON
from app.services.stored_json import orjson_default

PROBLEM_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "reason": {"type": "string"},
                    "location": {"type": "string"},
                },
            },
        },
    },
    "required": ["type", "title", "status"],
}


# Any authenticated route may answer these: a body that is not even JSON, a bad token, a
# role that may not, a conflict
# (including a reused Idempotency-Key), invalid input, and a spent rate limit.
COMMON_PROBLEMS = (400, 401, 403, 409, 422, 429)
_REASONS = {
    400: "Malformed request",
    401: "Unauthenticated",
    403: "Not permitted",
    404: "Not found",
    409: "Conflict",
    412: "Precondition failed",
    413: "Payload too large",
    422: "Invalid input",
    428: "Precondition required",
    429: "Too many requests",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the problem documents a route may answer."""
    return {
        s: {
            "description": f"{_REASONS.get(s, 'Problem')}: a problem document (RFC 9457)",
            "content": {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}},
        }
        for s in sorted({*COMMON_PROBLEMS, *statuses})
    }


class JsonModel(Response):
    """Serialise a validated model straight to JSON bytes (pydantic-core), skipping FastAPI's
    second validation of the return value: the hottest reads spend most of their time there."""

    media_type = "application/json"

    def __init__(self, model: BaseModel, status_code: int = 200) -> None:
        super().__init__(model.__pydantic_serializer__.to_json(model), status_code=status_code)


class RecordJson(Response):
    """JSON written straight from the services' records with orjson, for the hot reads: the
    records are already valid, so validating them again into a model only to serialise it
    cost more than the read (a page of 20 employees: ~0.5 ms). Stored JSON documents go out
    as the text they were stored as, never decoded and encoded again (a page of mentorships
    is 92% policy snapshots). The caller shapes the content after the route's response model
    (`fields_of`); UTC timestamps end in `Z`, as pydantic writes them."""

    media_type = "application/json"

    def __init__(self, content: Any, status_code: int = 200) -> None:
        try:
            body = orjson.dumps(content, default=orjson_default, option=orjson.OPT_UTC_Z)
        except TypeError:  # an integer beyond 64 bits, which JSON allows and orjson refuses
            body = pydantic_core.to_json(content, fallback=_decoded)
        super().__init__(body, status_code=status_code)


def fields_of(record: Any, model: type[BaseModel]) -> dict[str, Any]:
    """The record's values under the model's field names, in the model's order."""
    names, read = _readers(model)
    return dict(zip(names, read(record), strict=True))


@cache
def _readers(model: type[BaseModel]) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    """The model's field names, and one getter of them all (a page reads twenty records)."""
    names = tuple(model.model_fields)
    several = attrgetter(*names)
    return names, (several if len(names) > 1 else lambda record: (several(record),))


def _decoded(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"not JSON: {type(value).__name__}")
