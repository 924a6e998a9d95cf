"""Fast JSON responses from pydantic models, and the problem responses every route documents."""

from __future__ import annotations

from typing import Any

from fastapi import Response
from pydantic import BaseModel

from app.api.errors import PROBLEM_JSON

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


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the problem documents a route may answer."""
    return {
        s: {
            "description": "A problem document (RFC 9457)",
            "content": {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}},
        }
        for s in (401, 422, *statuses)
    }


class JsonModel(Response):
    """Serialise a validated model straight to JSON bytes (pydantic-core), skipping FastAPI's
    second validation of the return value: the hottest reads spend most of their time there."""

    media_type = "application/json"

    def __init__(self, model: BaseModel, status_code: int = 200) -> None:
        super().__init__(model.__pydantic_serializer__.to_json(model), status_code=status_code)
