"""What the relationship repositories share: one organisation's connection, and statements
built from a record's fields (its JSON and tuple fields converted on the way in and out)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db.record_maker import maker
from app.adapters.db.repositories.trail import Trail
from app.adapters.db.sql import Statement, compile_statement

_P = sa.bindparam
T = TypeVar("T")
_JSON_FIELDS = {
    "terms",
    "entry",
    "scores",
    "answers",
    "smart",
    "checkpoint_answers",
    "rematch_proposal",
    "outcomes",
    "recipients",
    "comments",
    "termination_recommendations",
}
_TUPLE_FIELDS = {
    "topics",
    "comments",
    "confirmed_by",
    "agreement_signed_by",
    "evaluations_done",
    "evaluations_by",
    "checkpoint_answers",
    "recipients",
    "parts",
    "meeting_ids",
    "termination_recommendations",
}


def sql(text: str) -> Statement:
    """A statement compiled once at import; `:name` parameters become `$n`."""
    return compile_statement(sa.text(text))


def fields_of(record: type, skip: tuple[str, ...] = ()) -> list[str]:
    """A record's fields in their declared order (its columns), less `skip`."""
    return [n for n in record.__slots__ if n not in skip]  # type: ignore[attr-defined]


def insert_statement(table: sa.Table, record: type, skip: tuple[str, ...] = ()) -> Statement:
    """Insert one record into the organisation, returning it as stored."""
    names = fields_of(record, (*skip, "created_at"))
    return compile_statement(
        table.insert()
        .values(organization_id=_P("org"), **{n: _P(n) for n in names})
        .returning(*(table.c[n] for n in fields_of(record, skip)))
    )


def select_statement(
    table: sa.Table, record: type, key: str, order: str, skip: tuple[str, ...] = ()
) -> Statement:
    """The records whose `key` is any of `:value`, ordered by `order` (then the first field)."""
    return compile_statement(
        sa.select(*(table.c[n] for n in fields_of(record, skip)))
        .where(table.c.organization_id == _P("org"), table.c[key] == sa.func.any(_P("value")))
        .order_by(table.c[order], table.c[fields_of(record)[0]])
    )


def from_row(record: type[T], row: asyncpg.Record, **extra: Any) -> T:
    """The record a row holds; array columns become tuples."""
    values = {**dict(row), **extra}
    for name in _TUPLE_FIELDS & values.keys():
        values[name] = tuple(values[name] or ())
    return record(**values)


def row_reader(record: type[T]) -> Callable[[asyncpg.Record], T]:
    """`from_row` for statements that select `fields_of(record)`, in that order: the record
    made positionally (`record_maker.maker`), array columns as tuples, rather than through a
    dict of the row and the dataclass's keyword `__init__` (a dashboard reads each pair's
    latest meeting and a page of each plan this way). A row of another length is refused."""
    make = maker(record)
    arrays = [i for i, name in enumerate(fields_of(record)) if name in _TUPLE_FIELDS]

    def read(row: asyncpg.Record) -> T:
        values = list(row)
        for i in arrays:
            values[i] = tuple(values[i] or ())
        return make(*values)

    return read


def values_of(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's bind values: JSON fields as plain dicts (or lists of them), tuples as lists."""
    values = {n: getattr(record, n) for n in fields_of(type(record), (*skip, "created_at"))}
    for name in _JSON_FIELDS & values.keys():
        value = values[name]
        if value is not None:
            values[name] = [dict(v) for v in value] if isinstance(value, tuple) else dict(value)
    for name in (_TUPLE_FIELDS - _JSON_FIELDS) & values.keys():
        values[name] = list(values[name])
    return values


class OrganizationStatements:
    """Statements run on one connection, scoped to one organisation (`:org`). With the unit
    of work's `trail`, a use case's last change may carry its audit records and events."""

    def __init__(
        self,
        connection: asyncpg.Connection,
        organization_id: UUID | None,
        trail: Trail | None = None,
    ) -> None:
        self._connection = connection
        self._org = organization_id
        self._trail = trail

    async def _row_with_trail(self, statement: Statement, **values: Any) -> Any:
        """`_row` for a use case's last change: what the trail holds goes in the same
        statement (see `Trail.with_change`)."""
        if self._trail is None:
            return await self._row(statement, **values)
        args = statement.args({"org": self._org, **values})
        found = await self._trail.with_change(statement.sql, args)
        return found[0] if found else None

    async def _row(self, statement: Statement, **values: Any) -> Any:
        args = statement.args({"org": self._org, **values})
        return await self._connection.fetchrow(statement.sql, *args)

    async def _rows(self, statement: Statement, **values: Any) -> list[Any]:
        args = statement.args({"org": self._org, **values})
        return list(await self._connection.fetch(statement.sql, *args))
