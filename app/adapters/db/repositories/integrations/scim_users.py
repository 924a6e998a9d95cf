"""The SCIM search over employees: the filter's condition, a count and a page in one query."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect

from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import employees as t
from app.domain.directory import Employee, EmploymentStatus

_DIALECT = asyncpg_dialect.dialect()  # type: ignore[no-untyped-call]
_ORDER = [f.name for f in Employee.__dataclass_fields__.values()]


async def search(
    connection: asyncpg.Connection, org: UUID | None, condition: Any, offset: int, limit: int
) -> tuple[int, list[Employee]]:
    query = (
        sa.select(*t.c, sa.func.count().over().label("total"))
        .where(t.c.organization_id == sa.bindparam("org"), condition)
        .order_by(t.c.employee_number)
        .offset(sa.bindparam("offset"))
        .limit(sa.bindparam("limit"))
    )
    statement = compile_statement(query)
    compiled = query.compile(dialect=_DIALECT)
    values = {**compiled.params, "org": org, "offset": offset, "limit": max(limit, 1)}
    rows = await connection.fetch(statement.sql, *statement.args(values))
    if rows:
        total = rows[0]["total"]
    else:
        count = sa.select(sa.func.count()).where(
            t.c.organization_id == sa.bindparam("org"), condition
        )
        counted = compile_statement(count)
        total = await connection.fetchval(counted.sql, *counted.args({**values}))
    return total, ([] if limit == 0 else [_employee(r) for r in rows])


def _employee(row: asyncpg.Record) -> Employee:
    values = {name: row[name] for name in _ORDER}
    values["employment_status"] = EmploymentStatus(values["employment_status"])
    values["attributes"] = MappingProxyType(values["attributes"])
    return Employee(**values)
