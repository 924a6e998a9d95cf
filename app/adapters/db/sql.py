"""Statements are built with SQLAlchemy Core and compiled once to PostgreSQL's `$n` form,
then run on raw asyncpg: typed, composable queries without a driver layer on the hot path."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
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


def literals(values: Iterable[StrEnum]) -> str:
    """Domain states as SQL literals for `IN (...)`, in their enum's order: a set's order
    changes between processes, and a partial index's predicate must read the same each time."""
    found = sorted(values, key=lambda v: list(type(v).__members__.values()).index(v))
    if any(not v.isidentifier() for v in found):
        raise ValueError(f"not a plain state name: {found}")
    return ", ".join(f"'{v}'" for v in found)


def to_dsn(url: str) -> str:
    """asyncpg takes libpq URLs; our settings may carry SQLAlchemy's driver suffix."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)
