"""A large import is staged in the database as it arrives: it must come to exactly what the
same batch held whole comes to (rows kept, rows refused and why, manager links, changes)."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.domain.errors import InvalidInput
from app.services.directory import employee_import
from app.services.directory.employees import ImportReport, import_employees
from app.services.ports import Organization
from tests.factories import employee_row


def _stored() -> list[dict[str, Any]]:
    """A directory already in place: a chain S0 <- S1 <- ... and one awaiting N9 as manager."""
    rows = [
        employee_row(f"S{n}", manager_employee_number=f"S{n - 1}" if n else None) for n in range(6)
    ]
    return [*rows, employee_row("S9", manager_employee_number="N9")]


def _batch() -> list[dict[str, Any]]:
    """New people (some named as manager before they are listed), known people changed or
    not, on leave, a number given twice, a manager cycle, a bad row, a refused manager."""
    return [
        employee_row("N1", manager_employee_number="N2"),  # manager listed later
        employee_row("N2", manager_employee_number="S0"),  # manager stored
        employee_row("S1", manager_employee_number="N1", level=4),  # known, now under N1
        employee_row("S2", manager_employee_number="S1"),  # known, unchanged
        employee_row("S3", manager_employee_number="S2", employment_status="leave"),
        employee_row("D1"),
        employee_row("D1", level=5),  # given twice: both refused
        employee_row("N3", manager_employee_number="D1"),  # its manager refused
        employee_row("C1", manager_employee_number="C2"),
        employee_row("C2", manager_employee_number="C1"),  # closes a cycle: refused
        employee_row("B1", level="senior"),  # bad
        employee_row("N9"),  # awaited by S9
    ]


async def _import(database: Any, org: Organization, rows: list[dict[str, Any]]) -> ImportReport:
    hr = Principal(org.id, Role.INTEGRATION, "hr-sync")
    return await import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=hr, clock=SystemClock(), rows=rows
    )


async def _directory(connection: asyncpg.Connection, org: Organization) -> set[tuple[Any, ...]]:
    rows = await connection.fetch(
        "SELECT e.employee_number, e.level, e.employment_status, m.employee_number AS manager "
        "FROM employees e LEFT JOIN employees m "
        "ON m.organization_id = e.organization_id AND m.id = e.manager_id "
        "WHERE e.organization_id = $1",
        org.id,
    )
    return {tuple(r) for r in rows}


async def _changed(connection: asyncpg.Connection, org: Organization) -> list[str]:
    rows = await connection.fetch(
        "SELECT event_type, payload->>'employee_number' AS number FROM outbox_events "
        "WHERE organization_id = $1 ORDER BY 1, 2",
        org.id,
    )
    return [f"{r['event_type']} {r['number']}" for r in rows]


async def test_a_staged_batch_comes_to_what_the_same_batch_held_whole_comes_to(
    database, connection, org, other_org, monkeypatch
):
    results = []
    for organization, hold_up_to in ((org, 1_000), (other_org, 0)):
        monkeypatch.setattr(employee_import, "HOLD_UP_TO", hold_up_to)
        await _import(database, organization, _stored())
        report = await _import(database, organization, _batch())
        results.append(
            (
                report,
                await _directory(connection, organization),
                await _changed(connection, organization),
            )
        )
    (held, held_directory, held_events), (staged, staged_directory, staged_events) = results
    assert staged == held
    assert staged_directory == held_directory
    assert staged_events == held_events
    # What the batch says it comes to, so that both agreeing is not both being wrong:
    assert (held.created, held.updated, held.unchanged) == (5, 2, 1)  # N1 N2 N3 C1 N9
    assert sorted((e.row, e.field) for e in held.errors) == [
        (6, "employee_number"),
        (7, "employee_number"),
        (10, "manager_employee_number"),
        (11, "level"),
    ]
    assert ("S1", 4, "active", "N1") in held_directory
    assert ("N1", 3, "active", "N2") in held_directory
    assert ("N3", 3, "active", None) in held_directory
    assert ("S9", 3, "active", "N9") in held_directory
    assert ("C1", 3, "active", None) in held_directory


async def test_a_staged_batch_with_no_row_refused_comes_to_what_the_held_batch_comes_to(
    database, connection, org, other_org, monkeypatch
):
    """The staged plan has a path of its own for a batch that refuses nothing."""
    clean = [row for row in _batch() if row["employee_number"] not in ("D1", "N3", "C2", "B1")]
    results = []
    for organization, hold_up_to in ((org, 1_000), (other_org, 0)):
        monkeypatch.setattr(employee_import, "HOLD_UP_TO", hold_up_to)
        await _import(database, organization, _stored())
        report = await _import(database, organization, clean)
        results.append(
            (
                report,
                await _directory(connection, organization),
                await _changed(connection, organization),
            )
        )
    (held, held_directory, held_events), (staged, staged_directory, staged_events) = results
    assert staged == held
    assert staged_directory == held_directory
    assert staged_events == held_events
    assert (held.created, held.updated, held.unchanged, held.errors) == (4, 2, 1, [])
    assert ("S9", 3, "active", "N9") in held_directory  # awaited, now linked
    assert ("S3", 3, "leave", "S2") in held_directory


@pytest.mark.parametrize("hold_up_to", [1_000, 0])
async def test_a_batch_over_the_row_limit_is_refused_whole(database, org, monkeypatch, hold_up_to):
    monkeypatch.setattr(employee_import, "HOLD_UP_TO", hold_up_to)
    monkeypatch.setattr(employee_import, "MAX_IMPORT_ROWS", 3)
    monkeypatch.setattr(employee_import, "LIST_PIECE", 2)
    with pytest.raises(InvalidInput):
        await _import(database, org, [employee_row(f"E{n}") for n in range(4)])


async def test_a_staged_batch_gives_its_new_people_distinct_ids_in_the_order_they_came(
    database, connection, org, monkeypatch
):
    monkeypatch.setattr(employee_import, "HOLD_UP_TO", 0)
    monkeypatch.setattr(employee_import, "STAGE_PIECE", 2)  # several pieces, counted on
    monkeypatch.setattr(employee_import, "LIST_PIECE", 3)
    first = [employee_row(f"A{n}") for n in range(7)]
    await _import(database, org, first)
    second = [employee_row(f"B{n}") for n in range(7)]
    await _import(database, org, [*second, employee_row("A0", level=9)])
    rows = await connection.fetch(
        "SELECT employee_number, id FROM employees WHERE organization_id = $1", org.id
    )
    ids = {r["employee_number"]: r["id"] for r in rows}
    assert len(set(ids.values())) == 14
    # Time-ordered (RFC 9562 version 7): a later batch's ids come after an earlier one's, and
    # within a batch they follow the rows, so the id index is written at its end.
    in_order = [ids[f"A{n}"] for n in range(7)] + [ids[f"B{n}"] for n in range(7)]
    assert in_order == sorted(in_order)
    assert {i.version for i in in_order} == {7}
