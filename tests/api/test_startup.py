"""The app as `mentoring serve` runs it: its own pool, opened and closed by the lifespan."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from app.adapters.db.rls import APP_ROLE
from app.adapters.db.sql import to_dsn
from app.adapters.db.tenant_role import UnsafeTenantRole
from app.config import Settings
from app.main import create_app


async def test_app_opens_its_own_pool_at_start_up_and_serves_readiness(migrated_url):
    app = create_app(Settings(environment="test", database_url=migrated_url))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["ready"] is True


async def test_the_service_refuses_to_serve_tenants_as_the_schema_owner(migrated_url):
    settings = Settings(
        environment="test", database_url=migrated_url, app_database_url=migrated_url
    )
    app = create_app(settings)
    with pytest.raises(UnsafeTenantRole, match="row-level security would not keep"):
        async with app.router.lifespan_context(app):
            pass


async def test_the_service_refuses_to_serve_tenants_as_a_role_that_bypasses_row_security(
    migrated_url, app_url
):
    bypasser = "bypasser_" + uuid.uuid4().hex[:8]
    owner = await asyncpg.connect(to_dsn(migrated_url))
    await owner.execute(f"CREATE ROLE {bypasser} LOGIN BYPASSRLS IN ROLE {APP_ROLE}")
    try:
        url = make_url(app_url).set(username=bypasser).render_as_string(hide_password=False)
        app = create_app(
            Settings(environment="test", database_url=migrated_url, app_database_url=url)
        )
        with pytest.raises(UnsafeTenantRole, match="has BYPASSRLS"):
            async with app.router.lifespan_context(app):
                pass
    finally:
        await owner.execute(f"DROP ROLE {bypasser}")
        await owner.close()
