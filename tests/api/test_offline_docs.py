"""/docs (Swagger UI) and GraphiQL load with no internet: their assets come from the package,
and a real headless Chromium renders both against a running server."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from app.adapters.db.urls import application_url

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Only these may be fetched: our own server, and inline data. Chromium is also told to
# resolve every other host to nowhere, so a CDN reference would fail to load.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


async def test_pages_reference_only_local_assets(client):
    for path in ("/docs", "/graphql"):
        page = (await client.get(path, headers={"Accept": "text/html"})).text
        urls = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert urls, path
        assert all(u.startswith(("/static/", "data:")) for u in urls), (path, urls)
        for url in (u for u in urls if u.startswith("/static/")):
            assert (await client.get(url)).status_code == 200, url


@pytest.fixture(scope="module")
def server(migrated_url: str) -> Iterator[str]:
    port = 18000 + os.getpid() % 1000
    env = {
        **os.environ,
        "DATABASE_URL": migrated_url,
        "LOG_LEVEL": "WARNING",
        "APP_DATABASE_URL": application_url(
            migrated_url, __import__("app.config").config.Settings()
        ),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "app.main:app_factory", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def _rendered(url: str) -> str:
    result = subprocess.run(
        [CHROMIUM, *FLAGS, "--virtual-time-budget=15000", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.stdout


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_swagger_ui_renders_the_api_offline(server):
    dom = _rendered(server + "/docs")
    assert "swagger-ui" in dom
    assert "/v1/employees/import" in dom  # the operations came from our openapi.json
    assert "Mentoring programs API" in dom
    # The bearer scheme gives the page its Authorize button, and each operation that needs
    # a token its padlock (`authorization__btn`); the public ones have none.
    assert re.search(r'<button class="btn authorize[^"]*"', dom)
    assert dom.count("authorization__btn") >= 100


@pytest.fixture(scope="module")
def token(migrated_url: str) -> str:
    """A real token in a committed organisation: the server runs outside the test transaction."""
    import asyncio
    import uuid

    from app.adapters.clock import SystemClock
    from app.adapters.db.database import Database
    from app.adapters.db.unit_of_work import SqlUnitOfWork
    from app.config import Settings
    from app.domain.access import Principal, Role
    from app.services import access, organizations

    async def mint() -> str:
        database = Database(application_url(migrated_url, Settings()), pool_size=1)
        await database.open()
        try:
            org = await organizations.create_organization(
                uow=SqlUnitOfWork(database, None), name="Docs", slug="docs-" + uuid.uuid4().hex[:8]
            )
            issued = await access.create_api_token(
                uow=SqlUnitOfWork(database, org.id),
                principal=Principal(org.id, Role.ORG_ADMIN, "t"),
                clock=SystemClock(),
                name="docs test",
                role=Role.COORDINATOR,
            )
            return issued.token
        finally:
            await database.close()

    return asyncio.run(mint())


@pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_graphiql_renders_the_schema_offline(server, token):
    dom = _rendered(f"{server}/graphql#token={token}")
    assert "graphiql-container" in dom
    # The documentation explorer lists the root types only once introspection succeeded.
    assert "Root Types" in dom
    assert "Mutation" in dom
