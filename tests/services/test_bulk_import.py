"""A large import keeps every good row and lists every bad one."""

from __future__ import annotations

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.directory.employees import import_employees
from tests.factories import employee_row


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
