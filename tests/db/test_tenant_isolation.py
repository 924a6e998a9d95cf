"""Row-level security: the database itself keeps tenants apart, even if a query forgot to."""

from __future__ import annotations

import asyncpg
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.rls import APP_ROLE
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.directory.employees import import_employees
from tests.factories import employee_row

TENANT_TABLES = {"organizations", "employees", "api_tokens", "oidc_issuers", "audit_events"}


async def _import(database, org, number):
    hr = Principal(org.id, Role.INTEGRATION, "hr")
    await import_employees(
        uow=SqlUnitOfWork(database, org.id),
        principal=hr,
        clock=SystemClock(),
        rows=[employee_row(number)],
    )


async def test_the_application_role_is_neither_owner_nor_superuser(connection):
    row = await connection.fetchrow(
        "SELECT current_user AS me, rolsuper, rolbypassrls FROM pg_roles "
        "WHERE rolname = current_user"
    )
    assert (row["me"], row["rolsuper"], row["rolbypassrls"]) == (APP_ROLE, False, False)
    owners = await connection.fetch(
        "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)",
        list(TENANT_TABLES),
    )
    assert APP_ROLE not in {r["tableowner"] for r in owners}


async def test_every_tenant_table_forces_row_level_security(connection):
    rows = await connection.fetch("""
        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND (c.relname = 'organizations' OR
          EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                  AND a.attname = 'organization_id' AND NOT a.attisdropped))""")
    assert {r["relname"] for r in rows} >= TENANT_TABLES
    assert all(r["relrowsecurity"] and r["relforcerowsecurity"] for r in rows), rows


async def test_a_query_without_a_tenant_filter_still_sees_only_its_tenant(
    database, connection, org, other_org
):
    await _import(database, org, "MINE")
    await _import(database, other_org, "THEIRS")
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
    numbers = {r[0] for r in await connection.fetch("SELECT employee_number FROM employees")}
    assert numbers == {"MINE"}


async def test_with_no_tenant_set_nothing_is_visible(database, connection, org):
    await _import(database, org, "MINE")
    await connection.execute("SELECT set_config('app.organization_id', '', true)")
    assert await connection.fetchval("SELECT count(*) FROM employees") == 0


async def test_a_row_cannot_be_written_into_another_tenant(database, connection, org, other_org):
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with connection.transaction():
            await connection.execute(
                "INSERT INTO employees (organization_id, id, employee_number, given_name, "
                "family_name, level, department, employment_status, in_good_standing) VALUES "
                "($1, gen_random_uuid(), 'X', 'X', 'X', 1, 'D', 'active', true)",
                other_org.id,
            )


async def test_the_application_role_cannot_raise_the_admin_flag(database, connection, org):
    await _import(database, org, "MINE")
    await connection.execute("SELECT set_config('app.organization_id', '', true)")
    await connection.execute("SELECT set_config('app.is_admin', 'on', true)")
    assert await connection.fetchval("SELECT count(*) FROM employees") == 0


async def test_the_tenant_setting_does_not_leak_across_pooled_connections(app_url, migrated_url):
    # A pool of one: the second borrower gets the very connection the first one used.
    database = Database(app_url, pool_size=1)
    await database.open()
    owner = await asyncpg.connect(to_dsn(migrated_url))
    org_id = await owner.fetchval(
        "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), "
        "'leak-' || substr(md5(random()::text), 1, 8), 'Leak') RETURNING id"
    )
    try:
        async with SqlUnitOfWork(database, org_id) as uow:
            assert await uow.organizations.get(org_id) is not None
            await uow.commit()
        async with database.connect() as connection:
            setting = await connection.fetchval(
                "SELECT current_setting('app.organization_id', true)"
            )
            visible = await connection.fetchval("SELECT count(*) FROM organizations")
        assert (setting or "", visible) == ("", 0)
    finally:
        await owner.execute("DELETE FROM organizations WHERE id = $1", org_id)
        await owner.close()
        await database.close()
