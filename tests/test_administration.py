"""`mentoring org list`, `token list` and `token revoke`, on the real database."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
import pytest

from app import administration
from app.adapters.clock import SystemClock
from app.adapters.db.database import BoundDatabase
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.main import create_app
from app.services import access, organizations


def _units(database) -> administration.Units:
    return administration.Units(
        lambda: SqlUnitOfWork(database, None, admin=True),
        lambda org_id: SqlUnitOfWork(database, org_id),
    )


async def _token(database, org, role: Role, name: str):
    return await access.create_api_token(
        uow=SqlUnitOfWork(database, org.id),
        principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
        clock=SystemClock(),
        name=name,
        role=role,
    )


@pytest.fixture
async def owner_database(migrated_url):
    """As the CLI connects: the schema owner, who may cross tenants (rolled back here)."""
    connection = await asyncpg.connect(to_dsn(migrated_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        database = BoundDatabase(connection)
        await database.open()
        yield database
    finally:
        await transaction.rollback()
        await connection.close()


@pytest.fixture
async def owner_client(settings, owner_database):
    app = create_app(settings, database=owner_database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def _org(database, name: str):
    return await organizations.create_organization(
        uow=SqlUnitOfWork(database, None, admin=True),
        name=name,
        slug=name.lower().replace(" ", "-") + "-" + uuid.uuid4().hex[:6],
    )


async def test_org_list_shows_every_organisation_by_slug(owner_database):
    made = [await _org(owner_database, f"City {n}") for n in (1, 2)]
    lines = await administration.organization_lines(_units(owner_database))
    assert lines[0].split() == ["SLUG", "ID", "NAME"]
    listed = {line.split()[0]: line.split()[1] for line in lines[1:]}
    assert all(listed[o.slug] == str(o.id) for o in made)


async def test_token_list_shows_one_organisations_tokens_never_the_secrets(owner_database):
    database = owner_database
    org, other_org = await _org(database, "Ours"), await _org(database, "Theirs")
    ours = await _token(database, org, Role.INTEGRATION, "hris-sync")
    theirs = await _token(database, other_org, Role.COORDINATOR, "elsewhere")
    lines = await administration.token_lines(
        _units(database), org.slug, now=SystemClock().now(), include_revoked=False
    )
    text = "\n".join(lines)
    row = next(line for line in lines if str(ours.record.id) in line)
    assert row.split()[1:3] == ["integration", "hris-sync"]
    assert str(theirs.record.id) not in text
    assert ours.token not in text


async def test_a_revoked_token_stops_working_and_is_listed_only_on_request(
    owner_client, owner_database
):
    client, database = owner_client, owner_database
    org = await _org(database, "Ours")
    issued = await _token(database, org, Role.INTEGRATION, "leaked")
    bearer = {"Authorization": f"Bearer {issued.token}"}
    assert (await client.get("/v1/employees", headers=bearer)).status_code == 200
    said = await administration.revoke_token(_units(database), org.slug, str(issued.record.id))
    assert said == [f"revoked {issued.record.id} (integration, leaked)"]
    assert (await client.get("/v1/employees", headers=bearer)).status_code == 401
    units, now = _units(database), SystemClock().now()
    active = await administration.token_lines(units, org.slug, now=now, include_revoked=False)
    every = await administration.token_lines(units, org.slug, now=now, include_revoked=True)
    assert str(issued.record.id) not in "\n".join(active)
    assert "revoked" in next(line for line in every if str(issued.record.id) in line)
