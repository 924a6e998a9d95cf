"""A large import keeps every good row and lists every bad one."""

from __future__ import annotations

import uuid

import asyncpg

from app.adapters.clock import SystemClock
from app.adapters.db import statistics
from app.adapters.db.database import Database
from app.adapters.db.repositories.employee_writes import STAGE_ABOVE
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.directory.employees import import_employees
from tests.factories import employee_row
from tests.services.test_programs_concurrency import _remove


async def test_ten_thousand_rows_with_ten_bad_stores_9990_and_lists_the_10(
    database, org, connection
):
    rows = [
        employee_row(f"E{n:05}", manager_employee_number=f"E{n // 10:05}" if n else None)
        for n in range(10_000)
    ]
    bad = set(range(5, 10_000, 1000))
    for n in bad:
        rows[n]["email"] = "not-an-address"
    hr = Principal(org.id, Role.INTEGRATION, "hr-sync")
    report = await import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=hr, clock=SystemClock(), rows=rows
    )
    assert (report.created, report.updated, report.unchanged) == (9_990, 0, 0)
    assert [e.row for e in report.errors] == [n + 1 for n in sorted(bad)]
    assert {e.field for e in report.errors} == {"email"}
    linked = await connection.fetchval(
        "SELECT count(*) FROM employees WHERE organization_id = $1 AND manager_id IS NOT NULL",
        org.id,
    )
    # Everyone stored is linked to their manager, unless that manager was a refused row.
    expected = sum(1 for n in range(1, 10_000) if n not in bad and n // 10 not in bad)
    assert linked == expected == 9_979


async def test_a_bulk_sync_is_announced_once_with_its_counts(database, org, connection):
    hr = Principal(org.id, Role.INTEGRATION, "hr-sync")
    rows = [employee_row(f"E{n:05}") for n in range(1_500)]
    await import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=hr, clock=SystemClock(), rows=rows
    )
    events = await connection.fetch("SELECT event_type, payload FROM outbox_events")
    assert [e["event_type"] for e in events] == ["employees.imported"]
    assert events[0]["payload"]["created"] == 1500


async def test_after_a_bulk_import_commits_the_planner_counts_its_rows(app_url, migrated_url):
    # An organisation's import into the table every organisation shares must not leave the
    # planner believing the table is nearly empty (issue 26: plans 16x slower until ANALYZE).
    database = Database(app_url, pool_size=2)
    await database.open()
    owner = await asyncpg.connect(to_dsn(migrated_url))
    org_id = await owner.fetchval(
        "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), $1, 'Bulk') "
        "RETURNING id",
        "bulk-" + uuid.uuid4().hex[:8],
    )
    analyzed = (
        "SELECT analyze_count FROM pg_stat_user_tables "
        "WHERE schemaname = 'public' AND relname = 'employees'"
    )
    try:
        before = await owner.fetchval(analyzed)
        rows = [employee_row(f"E{n:05}") for n in range(STAGE_ABOVE + 1)]
        hr = Principal(org_id, Role.INTEGRATION, "hr-sync")
        await import_employees(
            uow=SqlUnitOfWork(database, org_id), principal=hr, clock=SystemClock(), rows=rows
        )
        await statistics.settled()
        assert await owner.fetchval(analyzed) > before
        estimate = await owner.fetchval(
            "SELECT reltuples FROM pg_class WHERE oid = CAST('public.employees' AS regclass)"
        )
        assert estimate >= len(rows)
    finally:
        await _remove(owner, org_id)
        await owner.close()
        await database.close()
