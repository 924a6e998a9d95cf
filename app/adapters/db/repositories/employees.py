"""The employee directory in SQL. Every statement is scoped to one organisation."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from app.adapters.db.tables import employees as t
from app.domain.directory import Employee, EmploymentStatus
from app.services.ports import UpsertOutcome

# In the order of the Employee dataclass, so a row maps positionally.
_COLUMNS = (
    t.c.id,
    t.c.organization_id,
    t.c.employee_number,
    t.c.given_name,
    t.c.family_name,
    t.c.email,
    t.c.job_title,
    t.c.level,
    t.c.department,
    t.c.unit,
    t.c.manager_employee_number,
    t.c.manager_id,
    t.c.hire_date,
    t.c.employment_status,
    t.c.in_good_standing,
    t.c.attributes,
    t.c.created_at,
    t.c.updated_at,
)
_FILTERABLE = {"department", "unit", "employment_status", "employee_number"}

# (name, SQL array type) of each imported field, in one place for the upsert below.
_IMPORTED = (
    ("employee_number", "text"),
    ("given_name", "text"),
    ("family_name", "text"),
    ("email", "text"),
    ("job_title", "text"),
    ("level", "int"),
    ("department", "text"),
    ("unit", "text"),
    ("manager_employee_number", "text"),
    ("hire_date", "date"),
    ("employment_status", "text"),
    ("in_good_standing", "boolean"),
    ("attributes", "jsonb"),
)
_NAMES = ", ".join(n for n, _ in _IMPORTED)
# One statement for the whole batch: arrays in, counts out. Rows whose data did not change
# are not touched (the WHERE on DO UPDATE), which is how `unchanged` is counted.
_UPSERT = sa.text(f"""
WITH up AS (
  INSERT INTO employees AS e (organization_id, id, {_NAMES})
  SELECT CAST(:org AS uuid), gen_random_uuid(), {_NAMES} FROM unnest(
    {
    ", ".join(
        f"CAST(:{n} AS {typ}[])" if typ != "jsonb" else f"CAST(CAST(:{n} AS text[]) AS jsonb[])"
        for n, typ in _IMPORTED
    )
}
  ) AS r({_NAMES})
  ON CONFLICT (organization_id, employee_number) DO UPDATE SET
    {", ".join(f"{n} = EXCLUDED.{n}" for n, _ in _IMPORTED[1:])}, updated_at = now()
  WHERE ({", ".join(f"e.{n}" for n, _ in _IMPORTED[1:])})
        IS DISTINCT FROM ({", ".join(f"EXCLUDED.{n}" for n, _ in _IMPORTED[1:])})
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
""")  # noqa: S608 (only our own column names are interpolated)

_LINK_MANAGERS = sa.text("""
UPDATE employees e SET manager_id = m.id, updated_at = now()
FROM employees m
WHERE e.organization_id = :org AND m.organization_id = :org
  AND m.employee_number = e.manager_employee_number AND e.manager_id IS DISTINCT FROM m.id
""")
_UNLINK_MANAGERS = sa.text("""
UPDATE employees e SET manager_id = NULL, updated_at = now()
WHERE e.organization_id = :org AND e.manager_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM employees m WHERE m.organization_id = :org AND m.id = e.manager_id
    AND m.employee_number = e.manager_employee_number)
""")


def _employee(row: Row[Any]) -> Employee:
    values = list(row)
    values[13] = EmploymentStatus(values[13])
    values[15] = MappingProxyType(values[15])
    return Employee(*values)


class SqlEmployeeRepository:
    def __init__(self, connection: AsyncConnection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    def _select(self) -> sa.Select[Any]:
        if self._org is None:
            raise RuntimeError("employee queries need an organisation")
        return sa.select(*_COLUMNS).where(t.c.organization_id == self._org)

    async def _all(self, query: sa.Select[Any]) -> list[Employee]:
        return [_employee(r) for r in await self._connection.execute(query)]

    async def get(self, employee_id: UUID) -> Employee | None:
        found = await self._all(self._select().where(t.c.id == employee_id))
        return found[0] if found else None

    async def get_many(self, ids: Sequence[UUID]) -> list[Employee]:
        return await self._all(self._select().where(t.c.id.in_(list(ids))))

    async def by_number(self, employee_number: str) -> Employee | None:
        found = await self._all(self._select().where(t.c.employee_number == employee_number))
        return found[0] if found else None

    async def page(
        self, *, after: str | None, limit: int, filters: Mapping[str, str] | None = None
    ) -> list[Employee]:
        query = self._select().order_by(t.c.employee_number).limit(limit)
        if after is not None:
            query = query.where(t.c.employee_number > after)
        for name, value in (filters or {}).items():
            if name in _FILTERABLE:
                query = query.where(t.c[name] == value)
        return await self._all(query)

    async def reports_of(self, manager_ids: Sequence[UUID]) -> list[Employee]:
        query = self._select().where(t.c.manager_id.in_(list(manager_ids)))
        return await self._all(query.order_by(t.c.employee_number))

    async def manager_numbers(self) -> dict[str, str | None]:
        query = sa.select(t.c.employee_number, t.c.manager_employee_number).where(
            t.c.organization_id == self._org
        )
        return {n: m for n, m in await self._connection.execute(query)}

    async def upsert(self, rows: Sequence[Mapping[str, Any]]) -> UpsertOutcome:
        if not rows:
            return UpsertOutcome(0, 0)
        columns: dict[str, list[Any]] = {n: [r[n] for r in rows] for n, _ in _IMPORTED}
        columns["attributes"] = [
            json.dumps(a, separators=(",", ":")) for a in columns["attributes"]
        ]
        columns["employment_status"] = [str(s) for s in columns["employment_status"]]
        result = await self._connection.execute(_UPSERT, {"org": self._org, **columns})
        created, updated = result.one()
        return UpsertOutcome(created, updated)

    async def resolve_managers(self) -> None:
        await self._connection.execute(_LINK_MANAGERS, {"org": self._org})
        await self._connection.execute(_UNLINK_MANAGERS, {"org": self._org})
