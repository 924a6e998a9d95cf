"""Expected failures as GraphQL types: clients branch on `__typename`, not on error strings."""

from __future__ import annotations

import strawberry

from app.domain.errors import DomainError


@strawberry.type(description="A rule refused the request; `code` matches the REST problem type")
class Problem:
    code: str
    detail: str
    field: str | None = None
    rule: str | None = None

    @classmethod
    def of(cls, error: DomainError) -> Problem:
        return cls(code=error.code, detail=error.detail, field=error.field, rule=error.rule)
