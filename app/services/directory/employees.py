"""Use cases of the employee directory: import from HR, read one, read a page."""

from __future__ import annotations

from collections.abc import AsyncIterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from app.domain.access import Principal, Role
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.directory import Employee
from app.domain.errors import InvalidInput, NotFound
from app.services import paging
from app.services.directory.employee_import import (
    ImportReport as ImportReport,
)
from app.services.directory.employee_import import (
    pieces,
    run_import,
)
from app.services.directory.employee_rows import MAX_IMPORT_ROWS, CheckedRows
from app.services.directory.employee_rows import (
    rows_from_json as rows_from_json,  # the check a streamed body hands runs of rows to
)
from app.services.paging import check_limit
from app.services.ports import Clock, UnitOfWork

MAX_PAGE = 200


async def import_employees(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, rows: Sequence[Mapping[str, Any]]
) -> ImportReport:
    """Upsert a batch by employee_number: every good row is stored, every bad row reported.
    In the same transaction: events for each change, open pairs that now break a hard rule
    are flagged, and applications of changed people are decided again."""
    reach(principal, Resource.EMPLOYEES, Action.WRITE)
    if len(rows) > MAX_IMPORT_ROWS:
        raise InvalidInput(f"at most {MAX_IMPORT_ROWS} rows per import", field="employees")
    return await run_import(uow, principal, clock, pieces(rows))


async def import_employee_chunks(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    chunks: AsyncIterable[Sequence[Mapping[str, Any]] | CheckedRows],
) -> ImportReport:
    """`import_employees` for a batch that arrives a chunk at a time (a streamed body): each
    chunk is checked as it comes (or arrives checked: CheckedRows, see `rows_from_json`), and
    a large batch goes to the database as it arrives, so an import never holds every raw
    row at once. Same rules, same report."""
    reach(principal, Resource.EMPLOYEES, Action.WRITE)
    return await run_import(uow, principal, clock, chunks)


async def _visible(uow: UnitOfWork, principal: Principal) -> set[UUID] | None:
    """The ids this principal may see, or None for the whole directory."""
    if reach(principal, Resource.EMPLOYEES, Action.READ) is Reach.ALL:
        return None
    if principal.employee_id is None:
        return set()
    visible = {principal.employee_id}
    if principal.role is Role.SUPERVISOR:
        visible |= await uow.employees.subtree(principal.employee_id)
    return visible


async def get_employee(*, uow: UnitOfWork, principal: Principal, employee_id: UUID) -> Employee:
    """One employee the caller may see, or NotFound (never a hint that it exists)."""
    async with uow.read_only():
        visible = await _visible(uow, principal)
        employee = (
            None
            if visible is not None and employee_id not in visible
            else (await uow.employees.get(employee_id))
        )
    if employee is None:
        raise NotFound("no such employee", field="id")
    return employee


@dataclass(frozen=True, slots=True)
class EmployeePage:
    items: list[Employee]
    next_cursor: str | None


async def list_employees(
    *,
    uow: UnitOfWork,
    principal: Principal,
    after: str | None = None,
    limit: int = 50,
    filters: Mapping[str, str] | None = None,
    backward: bool = False,
) -> EmployeePage:
    """A page of the directory in employee_number order; `after` is the previous page's cursor.
    `backward`: the page just before `after` instead; `next_cursor` then leads further back."""
    check_limit(limit, MAX_PAGE)
    after_number = decode_cursor(after) if after else None
    async with uow.read_only():
        visible = await _visible(uow, principal)
        rows = await uow.employees.page(
            after=after_number,
            limit=limit + 1,
            filters=filters,
            only=None if visible is None else sorted(visible),
            backward=backward,
        )
    more = len(rows) > limit
    items = rows[-limit:] if backward else rows[:limit]
    if not more or not items:
        return EmployeePage(items, None)
    edge = items[0] if backward else items[-1]
    return EmployeePage(items, encode_cursor(edge.employee_number))


def encode_cursor(employee_number: str) -> str:
    """The directory's keyset in the one cursor form every list uses."""
    return paging.encode_cursor([employee_number])


def decode_cursor(cursor: str) -> str:
    """The inverse of `encode_cursor`; a cursor we did not make is refused, not guessed at."""
    match paging.decode_cursor(cursor):
        case [str(employee_number)]:
            return employee_number
    raise InvalidInput("not a cursor this service issued", field="cursor")


async def employees_by_ids(
    *, uow: UnitOfWork, principal: Principal, ids: Sequence[UUID]
) -> list[Employee | None]:
    """Batch read for DataLoaders: one query, answers in the order asked, None where unseen."""
    async with uow.read_only():
        visible = await _visible(uow, principal)
        found = {
            e.id: e for e in await uow.employees.get_many(ids) if visible is None or e.id in visible
        }
    return [found.get(i) for i in ids]


async def reports_of(
    *, uow: UnitOfWork, principal: Principal, manager_ids: Sequence[UUID]
) -> list[list[Employee]]:
    """Direct reports of each manager the caller may see, in one query, in the order asked."""
    async with uow.read_only():
        visible = await _visible(uow, principal)
        rows = [
            e
            for e in await uow.employees.reports_of(manager_ids)
            if visible is None or e.id in visible
        ]
    by_manager: dict[UUID, list[Employee]] = {m: [] for m in manager_ids}
    for row in rows:
        if row.manager_id is not None:
            by_manager[row.manager_id].append(row)
    return [by_manager[m] for m in manager_ids]


async def employee_by_number(*, uow: UnitOfWork, employee_number: str) -> Employee:
    """The employee HR knows by this number, or NotFound."""
    async with uow.read_only():
        employee = await uow.employees.by_number(employee_number)
    if employee is None:
        raise NotFound(f"no employee numbered {employee_number!r}", field="employee_number")
    return employee
