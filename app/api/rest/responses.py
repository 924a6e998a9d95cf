"""The problem responses every route documents."""

from __future__ import annotations

from typing import Any

from app.api.errors import PROBLEM_JSON

PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "An RFC 9457 problem document; `errors` names each field and what is wrong",
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


# One named schema (app.api.contract puts PROBLEM_SCHEMA there), so generated clients have
# one Problem model rather than one per operation and status.
PROBLEM_REF = "#/components/schemas/Problem"

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
            "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_REF}}},
        }
        for s in sorted({*COMMON_PROBLEMS, *statuses})
    }
