"""The app as `mentoring serve` runs it: its own pool, opened and closed by the lifespan."""

from __future__ import annotations

import httpx

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
