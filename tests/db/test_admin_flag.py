"""The admin flag (`app.is_admin`) crosses tenants only for the schema owner's members: any
session may set it, so a tenant session that sets it must gain nothing."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.rls import APP_ROLE
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.directory.employees import import_employees
from tests.factories import employee_row


@pytest.fixture
async def owner(migrated_url: str) -> AsyncIterator[asyncpg.Connection]:
    """The schema owner, inside a transaction rolled back at the end (roles included)."""
    connection = await asyncpg.connect(to_dsn(migrated_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        yield connection
    finally:
        await transaction.rollback()
        await connection.close()


async def _two_organisations(owner: asyncpg.Connection) -> list[uuid.UUID]:
    ids = [uuid.uuid4(), uuid.uuid4()]
    for org_id in ids:
        await owner.execute(
            "INSERT INTO organizations (id, slug, name) VALUES ($1, $2, 'Flag')",
            org_id,
            "flag-" + org_id.hex[:8],
        )
    return ids


async def _visible(connection: asyncpg.Connection, tenant: uuid.UUID, ids, *, flag: bool) -> int:
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(tenant))
    await connection.execute("SELECT set_config('app.is_admin', $1, true)", "on" if flag else "")
    return await connection.fetchval(  # type: ignore[no-any-return]
        "SELECT count(*) FROM organizations WHERE id = ANY($1)", ids
    )


async def test_a_tenant_session_that_raises_the_admin_flag_still_sees_only_its_organisation(
    database, connection, org, other_org
):
    for organization, number in ((org, "MINE"), (other_org, "THEIRS")):
        await import_employees(
            uow=SqlUnitOfWork(database, organization.id),
            principal=Principal(organization.id, Role.INTEGRATION, "hr"),
            clock=SystemClock(),
            rows=[employee_row(number)],
        )
    await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(org.id))
    await connection.execute("SELECT set_config('app.is_admin', 'on', true)")
    numbers = {r[0] for r in await connection.fetch("SELECT employee_number FROM employees")}
    assert numbers == {"MINE"}


async def test_a_role_other_than_the_application_role_cannot_raise_the_admin_flag_either(owner):
    # E.g. an operator's own APP_DATABASE_URL role, with the application role's grants.
    stranger = "stranger_" + uuid.uuid4().hex[:8]
    await owner.execute(f"CREATE ROLE {stranger} NOLOGIN IN ROLE {APP_ROLE}")
    ids = await _two_organisations(owner)
    await owner.execute(f"SET LOCAL ROLE {stranger}")
    assert await _visible(owner, ids[0], ids, flag=True) == 1


async def test_a_member_of_the_schema_owner_crosses_tenants_only_with_the_admin_flag(owner):
    # How admin work runs when the owner is not a superuser (superusers skip the policies).
    deputy = "deputy_" + uuid.uuid4().hex[:8]
    await owner.execute(f"CREATE ROLE {deputy} NOLOGIN NOSUPERUSER NOBYPASSRLS")
    schema_owner = await owner.fetchval("SELECT quote_ident(current_user)")
    await owner.execute(f"GRANT {schema_owner} TO {deputy}")
    ids = await _two_organisations(owner)
    await owner.execute(f"SET LOCAL ROLE {deputy}")
    assert await _visible(owner, ids[0], ids, flag=False) == 1
    assert await _visible(owner, ids[0], ids, flag=True) == 2
