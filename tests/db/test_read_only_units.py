"""Reads run outside transactions with the tenant as a session setting kept between uses
(one round trip instead of three). On a pool of ONE connection, so every unit of work below
reuses the same session: no tenant's rows may ever show through another's reads or writes."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.directory.employees import get_employee, import_employees, list_employees
from tests.factories import employee_row
from tests.services.test_programs_concurrency import _remove


@pytest.fixture
async def one_connection(app_url, migrated_url):
    database = Database(app_url, pool_size=1)
    await database.open()
    owner = await asyncpg.connect(to_dsn(migrated_url))
    orgs = [
        await owner.fetchval(
            "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), $1, 'R') "
            "RETURNING id",
            f"reads-{uuid.uuid4().hex[:8]}",
        )
        for _ in range(2)
    ]
    try:
        yield database, orgs
    finally:
        for org in orgs:
            await _remove(owner, org)
        await owner.close()
        await database.close()


def _hr(org):
    return Principal(org, Role.INTEGRATION, "hr")


async def _names(database, org):
    page = await list_employees(
        uow=SqlUnitOfWork(database, org), principal=_hr(org), after=None, limit=50, filters={}
    )
    return {e.employee_number for e in page.items}


async def test_reads_and_writes_interleaved_on_one_session_stay_in_their_tenant(one_connection):
    database, (a, b) = one_connection
    for org, number in ((a, "A1"), (b, "B1")):
        await import_employees(
            uow=SqlUnitOfWork(database, org),
            principal=_hr(org),
            clock=SystemClock(),
            rows=[employee_row(number)],
        )
    assert await _names(database, a) == {"A1"}  # the session now names tenant a
    await import_employees(  # a write for b on that same session
        uow=SqlUnitOfWork(database, b),
        principal=_hr(b),
        clock=SystemClock(),
        rows=[employee_row("B2")],
    )
    assert await _names(database, a) == {"A1"}
    assert await _names(database, b) == {"B1", "B2"}
    assert await _names(database, a) == {"A1"}


async def test_a_unit_without_tenant_sees_nothing_after_a_tenants_read(one_connection):
    database, (a, _) = one_connection
    await import_employees(
        uow=SqlUnitOfWork(database, a),
        principal=_hr(a),
        clock=SystemClock(),
        rows=[employee_row("A1")],
    )
    assert await _names(database, a) == {"A1"}
    async with SqlUnitOfWork(database, None) as uow:  # a transaction: tenant set to none
        conn = uow._connection
        assert await conn.fetchval("SELECT count(*) FROM employees") == 0
    async with SqlUnitOfWork(database, None).read_only() as uow:
        assert await uow._connection.fetchval("SELECT count(*) FROM employees") == 0


async def test_a_read_only_unit_refuses_to_commit_and_leaves_no_transaction(one_connection):
    database, (a, _) = one_connection
    async with SqlUnitOfWork(database, a).read_only() as uow:
        assert not uow._connection.is_in_transaction()
        with pytest.raises(RuntimeError):
            await uow.commit()


async def test_a_point_read_is_one_round_trip_once_the_session_names_the_tenant(one_connection):
    database, (a, _) = one_connection
    await import_employees(
        uow=SqlUnitOfWork(database, a),
        principal=_hr(a),
        clock=SystemClock(),
        rows=[employee_row("A1")],
    )
    page = await list_employees(
        uow=SqlUnitOfWork(database, a), principal=_hr(a), after=None, limit=1, filters={}
    )
    (employee,) = page.items
    sent: list[str] = []

    def log(record):
        sent.append(record.query)

    async with database.connect() as connection:  # the pool's only connection
        connection.add_query_logger(log)
    found = await get_employee(
        uow=SqlUnitOfWork(database, a), principal=_hr(a), employee_id=employee.id
    )
    await asyncio.sleep(0)  # asyncpg calls query loggers on the loop's next turn
    async with database.connect() as connection:
        connection.remove_query_logger(log)
    assert found.employee_number == "A1"
    assert len(sent) == 1
    assert sent[0].lstrip().upper().startswith("SELECT")


async def test_read_only_lasts_one_block(one_connection):
    database, (a, _) = one_connection
    uow = SqlUnitOfWork(database, a)
    async with uow.read_only():
        assert not uow._connection.is_in_transaction()
    async with uow:
        assert uow._connection.is_in_transaction()
