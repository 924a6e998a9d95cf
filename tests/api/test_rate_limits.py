"""Each token has a rate limit: 429 with Retry-After and the IETF RateLimit fields."""

from __future__ import annotations

import httpx

from app.config import Settings
from app.main import create_app


async def test_the_limit_is_announced_then_enforced_with_429(database, auth):
    app = create_app(Settings(environment="test", rate_limit="3/minute"), database=database)
    headers = await auth()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        answers = [await c.get("/v1/employees", headers=headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[0].headers["ratelimit-policy"] == '"default";q=3;w=60'
    assert answers[2].headers["ratelimit"].startswith('"default";r=0;')
    refused = answers[3]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 0 < int(refused.headers["retry-after"]) <= 60
    assert refused.json()["type"] == "/problems/rate-limited"


async def test_tokens_are_limited_separately(database, auth):
    app = create_app(Settings(environment="test", rate_limit="1/minute"), database=database)
    first, second = await auth(), await auth()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        assert (await c.get("/v1/employees", headers=first)).status_code == 200
        assert (await c.get("/v1/employees", headers=second)).status_code == 200
        assert (await c.get("/v1/employees", headers=first)).status_code == 429
