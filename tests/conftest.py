"""Test harness: one real PostgreSQL per run, migrated once; every test inside a rolled-back
transaction (services' own commits become savepoints).

TEST_DATABASE_URL points the suite at a server of your own; unset, an embedded server is
started in a temporary directory and deleted afterwards.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from hypothesis import settings

from app.adapters.clock import SystemClock
from app.adapters.db import migrations
from app.adapters.db.database import BoundDatabase
from app.adapters.db.sql import to_dsn
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.db.urls import application_url, to_async_url
from app.adapters.embedded_postgres import EmbeddedPostgres
from app.config import Settings
from app.domain.access import Principal, Role
from app.main import create_app
from app.services import access, organizations
from app.services.ports import Organization

# No Hypothesis example is judged by how long it took: on a shared, loaded machine that is a
# timed assertion, and its failures are noise.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    if url := os.environ.get("TEST_DATABASE_URL"):
        yield to_async_url(url)
        return
    with tempfile.TemporaryDirectory(prefix="mentoring-test-") as tmp:
        server = EmbeddedPostgres(Path(tmp) / "pgdata", delete_on_stop=True)
        try:
            yield server.start()
        finally:
            server.stop()


@pytest.fixture(scope="session")
def migrated_url(database_url: str) -> str:
    migrations.upgrade(database_url)
    return database_url


@pytest.fixture(scope="session")
def app_url(migrated_url: str) -> str:
    """How the service connects: as the application role, so row-level security binds."""
    return application_url(migrated_url, Settings(environment="test"))


@pytest.fixture
async def connection(app_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(to_dsn(app_url))
    transaction = connection.transaction()
    await transaction.start()
    try:
        yield connection
    finally:
        await transaction.rollback()
        await connection.close()


@pytest.fixture
async def database(connection: asyncpg.Connection) -> BoundDatabase:
    database = BoundDatabase(connection)
    await database.open()
    return database


def default_settings() -> Settings:
    """The `settings` fixture's value, for fixtures of a wider scope."""
    return Settings(environment="test", secret_key="test-secret-" + "x" * 32)


@pytest.fixture
def settings() -> Settings:
    return default_settings()


@pytest.fixture
async def client(settings: Settings, database: BoundDatabase) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def new_org(database: BoundDatabase, slug: str) -> Organization:
    return await organizations.create_organization(
        uow=SqlUnitOfWork(database, None), name=slug.title(), slug=slug
    )


@pytest.fixture
async def org(database: BoundDatabase) -> Organization:
    return await new_org(database, "org-" + uuid.uuid4().hex[:8])


@pytest.fixture
async def other_org(database: BoundDatabase) -> Organization:
    return await new_org(database, "other-" + uuid.uuid4().hex[:8])


TokenFactory = Callable[..., Awaitable[dict[str, str]]]


@pytest.fixture
def auth(database: BoundDatabase, org: Organization) -> TokenFactory:
    """`await auth(role=..., organization=..., employee_id=...)` -> Authorization headers
    carrying a real API token, minted through the service."""
    return token_factory(database, org)


def token_factory(database: BoundDatabase, org: Organization) -> TokenFactory:
    """The `auth` fixture's value, for fixtures of a wider scope."""

    async def headers(
        role: Role = Role.ORG_ADMIN,
        organization: Organization | None = None,
        employee_id: uuid.UUID | None = None,
        **options: Any,
    ) -> dict[str, str]:
        target = organization or org
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(database, target.id),
            principal=Principal(target.id, Role.ORG_ADMIN, "setup"),
            clock=SystemClock(),
            name="test",
            role=role,
            employee_id=employee_id,
            **options,
        )
        return {"Authorization": f"Bearer {issued.token}"}

    return headers
