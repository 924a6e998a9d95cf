"""The employee directory in SQL. Every statement is scoped to one organisation."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db.record_maker import maker
from app.adapters.db.repositories import employee_writes
from app.adapters.db.repositories.directory_index import DirectoryIndex
from app.adapters.db.sql import Statement, compile_statement
from app.adapters.db.tables import employees as t
from app.domain.directory import Employee, EmploymentStatus

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

# Employees stored earlier whose manager has only now arrived.
_LINK_REPORTS = compile_statement(
    sa.text("""
UPDATE employees e SET manager_id = m.id, updated_at = now()
FROM employees m
WHERE e.organization_id = :org AND m.organization_id = :org
  AND e.manager_employee_number = ANY(CAST(:numbers AS text[]))
  AND m.employee_number = e.manager_employee_number AND e.manager_id IS DISTINCT FROM m.id
""")
)
_LOCK = compile_statement(
    sa.text(
        "SELECT pg_advisory_xact_lock("
        "hashtextextended('employees:' || CAST(CAST(:org AS uuid) AS text), 0))"
    )
)
_INDEX = compile_statement(
    sa.text(
        "SELECT employee_number, id, manager_employee_number FROM employees "
        "WHERE organization_id = :org"
    )
)

_ORG = t.c.organization_id == sa.bindparam("org")
_SELECT = sa.select(*_COLUMNS).where(_ORG)
_GET = compile_statement(_SELECT.where(t.c.id == sa.bindparam("id")))
_GET_MANY = compile_statement(_SELECT.where(t.c.id == sa.func.any(sa.bindparam("ids"))))
_BY_NUMBER = compile_statement(_SELECT.where(t.c.employee_number == sa.bindparam("number")))
_REPORTS = compile_statement(
    _SELECT.where(t.c.manager_id == sa.func.any(sa.bindparam("ids"))).order_by(t.c.employee_number)
)
_SUBTREE = compile_statement(
    sa.text("""
WITH RECURSIVE below(id) AS (
  SELECT id FROM employees WHERE organization_id = :org AND manager_id = :root
  UNION
  SELECT e.id FROM employees e JOIN below b ON e.manager_id = b.id WHERE e.organization_id = :org
) SELECT id FROM below""")
)


@cache
def _page(
    filters: frozenset[str], after: bool, only: bool = False, backward: bool = False
) -> Statement:
    """Each combination of filters is compiled once, on first use. `backward`: the rows
    before `:after`, nearest first."""
    number = t.c.employee_number
    query = _SELECT.order_by(number.desc() if backward else number).limit(sa.bindparam("limit"))
    if after:
        key: sa.BindParameter[str] = sa.bindparam("after")
        query = query.where(number < key if backward else number > key)
    if only:
        query = query.where(t.c.id == sa.func.any(sa.bindparam("only")))
    for name in sorted(filters):
        query = query.where(t.c[name] == sa.bindparam(name))
    return compile_statement(query)


_make_employee = maker(Employee)
_STATUSES = {s.value: s for s in EmploymentStatus}


def _employee(row: asyncpg.Record) -> Employee:
    values = list(row)
    values[13] = _STATUSES[values[13]]
    values[15] = MappingProxyType(values[15])
    return _make_employee(*values)


class SqlEmployeeRepository:
    def __init__(
        self,
        connection: asyncpg.Connection,
        organization_id: UUID | None,
        *,
        bulk_written: set[str] | None = None,
    ) -> None:
        self._connection = connection
        self._org = organization_id
        # Tables this transaction wrote in bulk: analyzed once it commits (see statistics).
        self._bulk_written = set[str]() if bulk_written is None else bulk_written
        self._staging = False

    async def _all(self, statement: Statement, **values: Any) -> list[Employee]:
        if self._org is None:
            raise RuntimeError("employee queries need an organisation")
        rows = await self._connection.fetch(
            statement.sql, *statement.args({"org": self._org, **values})
        )
        return [_employee(r) for r in rows]

    async def get(self, employee_id: UUID) -> Employee | None:
        found = await self._all(_GET, id=employee_id)
        return found[0] if found else None

    async def get_many(self, ids: Sequence[UUID]) -> list[Employee]:
        return await self._all(_GET_MANY, ids=list(ids))

    async def by_number(self, employee_number: str) -> Employee | None:
        found = await self._all(_BY_NUMBER, number=employee_number)
        return found[0] if found else None

    async def page(
        self,
        *,
        after: str | None,
        limit: int,
        filters: Mapping[str, str] | None = None,
        only: Sequence[UUID] | None = None,
        backward: bool = False,
    ) -> list[Employee]:
        """A keyset page in employee_number order; `backward`: the one before `after`."""
        chosen = {k: v for k, v in (filters or {}).items() if k in _FILTERABLE}
        statement = _page(frozenset(chosen), after is not None, only is not None, backward)
        found = await self._all(
            statement, limit=limit, after=after, only=list(only or ()), **chosen
        )
        return found[::-1] if backward else found

    async def subtree(self, root_id: UUID) -> set[UUID]:
        """Everyone below this manager, at any depth."""
        rows = await self._connection.fetch(
            _SUBTREE.sql, *_SUBTREE.args({"org": self._org, "root": root_id})
        )
        return {r["id"] for r in rows}

    async def reports_of(self, manager_ids: Sequence[UUID]) -> list[Employee]:
        return await self._all(_REPORTS, ids=list(manager_ids))

    async def lock_directory(self) -> None:
        """Serialise writers of this organisation's directory until the transaction ends."""
        await self._connection.execute(_LOCK.sql, *_LOCK.args({"org": self._org}))

    async def directory_index(self) -> DirectoryIndex:
        """employee_number -> (id, manager's number), for the whole directory. Built in a
        worker thread: a directory of tens of thousands would hold the event loop."""
        rows = await self._connection.fetch(_INDEX.sql, *_INDEX.args({"org": self._org}))
        return await asyncio.to_thread(index_of, rows)

    async def insert(self, rows: Sequence[Mapping[str, Any]], *, event_type: str | None) -> None:
        """Write new employees and announce each as `event_type` (if any)."""
        if await employee_writes.insert(self._connection, self._org, rows, event_type=event_type):
            self._bulk_written.add("employees")

    async def update(
        self, rows: Sequence[Mapping[str, Any]], *, event_type: str | None
    ) -> list[UUID]:
        """Write the rows whose data differs and announce each; the ids of those that changed."""
        changed = await employee_writes.update(
            self._connection, self._org, rows, event_type=event_type
        )
        if len(changed) > employee_writes.STAGE_ABOVE:
            self._bulk_written.add("employees")
        return changed

    async def stage(self, rows: Sequence[Mapping[str, Any]], *, first_id: UUID) -> None:
        """Hold a piece of a large batch in this transaction, for `merge_staged`; new
        employees' ids count on from `first_id`, a row at a time."""
        await employee_writes.stage(
            self._connection, self._org, rows, first_id=first_id, first=not self._staging
        )
        self._staging = True

    async def drop_staged(self, numbers: Sequence[str]) -> None:
        await employee_writes.drop_staged(self._connection, numbers)

    async def merge_staged(self, *, created: str | None, updated: str | None) -> list[UUID]:
        """Write the staged batch; the ids of the known employees whose data changed."""
        self._bulk_written.add("employees")
        return await employee_writes.merge_staged(
            self._connection, self._org, created=created, updated=updated
        )

    async def link_reports_of(self, numbers: Sequence[str]) -> None:
        if numbers:
            await self._connection.execute(
                _LINK_REPORTS.sql, *_LINK_REPORTS.args({"org": self._org, "numbers": list(numbers)})
            )


def index_of(rows: Sequence[asyncpg.Record]) -> DirectoryIndex:
    """The directory index of (employee_number, id, manager's number) rows."""
    return DirectoryIndex(rows)
