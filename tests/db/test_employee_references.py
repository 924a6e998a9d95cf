"""An employee's organisation and manager are checked once per statement (migration
import30001), with the guarantees the foreign keys they replace gave: a reference to
nothing is refused, and what is referred to cannot go."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from app.adapters.db.sql import to_dsn
from app.services.ports import Organization

_INSERT = (
    "INSERT INTO employees (organization_id, id, employee_number, given_name, family_name, "
    "level, department, employment_status, in_good_standing, manager_id) "
    "SELECT $1, id, number, 'G', 'F', 3, 'D', 'active', true, manager "
    "FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS r(id, number, manager)"
)


async def _insert(
    connection: asyncpg.Connection, org: uuid.UUID, rows: list[tuple[uuid.UUID, uuid.UUID | None]]
) -> None:
    ids, managers = [r[0] for r in rows], [r[1] for r in rows]
    numbers = [f"N{i.hex[:10]}" for i in ids]
    await connection.execute(_INSERT, org, ids, numbers, managers)


async def _refused(connection: asyncpg.Connection, statement: str, *args: object) -> str:
    """The constraint named by the refusal of `statement` (run in a savepoint)."""
    with pytest.raises(asyncpg.ForeignKeyViolationError) as refusal:
        async with connection.transaction():
            await connection.execute(statement, *args)
    return str(refusal.value.constraint_name)


@pytest.fixture
async def tenant(connection: asyncpg.Connection, org: Organization) -> asyncpg.Connection:
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
    return connection


async def _organization(owner: asyncpg.Connection) -> uuid.UUID:
    """An organisation seen by the owner's own transaction (the `org` fixture's is not)."""
    org_id = uuid.uuid4()
    await owner.execute(
        "INSERT INTO organizations (id, slug, name) VALUES ($1, $2, 'Refs')", org_id, org_id.hex
    )
    return org_id


@pytest.fixture
async def owner(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(to_dsn(migrated_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        yield connection
    finally:
        await transaction.rollback()
        await connection.close()


async def test_a_statement_naming_managers_written_in_the_same_statement_is_accepted(
    tenant: asyncpg.Connection, org: Organization
):
    boss, report = uuid.uuid4(), uuid.uuid4()
    await _insert(tenant, org.id, [(report, boss), (boss, None)])  # the manager comes second
    assert await tenant.fetchval("SELECT manager_id FROM employees WHERE id = $1", report) == boss


async def test_a_manager_who_does_not_exist_is_refused_on_insert_and_on_update(
    tenant: asyncpg.Connection, org: Organization
):
    someone, nobody = uuid.uuid4(), uuid.uuid4()
    numbers = [f"X{nobody.hex[:8]}"]
    assert (
        await _refused(tenant, _INSERT, org.id, [uuid.uuid4()], numbers, [nobody])
        == "fk_employees_manager"
    )
    await _insert(tenant, org.id, [(someone, None)])
    update = "UPDATE employees SET manager_id = $2 WHERE id = $1"
    assert await _refused(tenant, update, someone, nobody) == "fk_employees_manager"


async def test_a_manager_of_another_organisation_is_refused(owner: asyncpg.Connection):
    ours, other, theirs = await _organization(owner), await _organization(owner), uuid.uuid4()
    await _insert(owner, other, [(theirs, None)])
    numbers = [f"Y{theirs.hex[:8]}"]
    assert (
        await _refused(owner, _INSERT, ours, [uuid.uuid4()], numbers, [theirs])
        == "fk_employees_manager"
    )


async def test_an_organisation_that_does_not_exist_is_refused(tenant: asyncpg.Connection):
    nowhere = uuid.uuid4()
    await tenant.execute("SELECT set_config('app.organization_id', $1, true)", str(nowhere))
    refused = await _refused(tenant, _INSERT, nowhere, [uuid.uuid4()], ["Z1"], [None])
    assert refused == "fk_employees_organization_id_organizations"


async def test_a_manager_with_reports_cannot_be_deleted_or_change_id(
    tenant: asyncpg.Connection, org: Organization
):
    boss, report = uuid.uuid4(), uuid.uuid4()
    await _insert(tenant, org.id, [(boss, None), (report, boss)])
    delete = "DELETE FROM employees WHERE id = $1"
    assert await _refused(tenant, delete, boss) == "fk_employees_manager"
    change = "UPDATE employees SET id = $2 WHERE id = $1"
    assert await _refused(tenant, change, boss, uuid.uuid4()) == "fk_employees_manager"
    await tenant.execute(delete, report)  # nobody reports to a report: it may go
    await tenant.execute(delete, boss)  # and then so may its manager


async def test_an_organisation_with_employees_cannot_be_deleted(owner: asyncpg.Connection):
    org_id = await _organization(owner)
    await _insert(owner, org_id, [(uuid.uuid4(), None)])
    delete = "DELETE FROM organizations WHERE id = $1"
    assert await _refused(owner, delete, org_id) == "fk_employees_organization_id_organizations"
    await owner.execute("DELETE FROM employees WHERE organization_id = $1", org_id)
    await owner.execute(delete, org_id)  # with no employee left, it may go
