"""Statements are built with SQLAlchemy Core and compiled once to PostgreSQL's `$n` form,
then run on raw asyncpg: typed, composable queries without a driver layer on the hot path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect
from sqlalchemy.sql.expression import ClauseElement

_DIALECT = asyncpg_dialect.dialect()  # type: ignore[no-untyped-call]


@dataclass(frozen=True, slots=True)
class Statement:
    """SQL text with `$1..$n` placeholders and the parameter name behind each."""

    sql: str
    names: tuple[str, ...]

    def args(self, values: Mapping[str, Any]) -> list[Any]:
        return [values[name] for name in self.names]


def compile_statement(clause: ClauseElement) -> Statement:
    """Compile a Core statement (or `text()`) with named bind parameters, once."""
    compiled = clause.compile(dialect=_DIALECT)
    return Statement(str(compiled), tuple(getattr(compiled, "positiontup", None) or ()))


def to_dsn(url: str) -> str:
    """asyncpg takes libpq URLs; our settings may carry SQLAlchemy's driver suffix."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)
