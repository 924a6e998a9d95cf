"""scim2-tester, the reference SCIM checker, against the service running on a real port."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
import uuid
from typing import Any

import httpx
import uvicorn
from scim2_client import BaseSyncSCIMClient
from scim2_tester import Status, check_server

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.config import Settings
from app.domain.access import Principal, Role
from app.main import create_app
from app.services import access, organizations

# What the directory refuses on purpose, and scim2-tester tries anyway: employeeNumber is
# HR's key (published as immutable), and a person always has a name, a status and a
# department. Any other failure fails this test. Groups pass every check: a member's
# `display` is published read-only and left out, so a group reads back as written.
DIRECTORY_RULES = (
    "'employeeNumber' is immutable",
    "not compatible with the target attribute's mutability",
    "Attribute 'name' was not removed",
    "Attribute 'active' was not removed",
    "enterprise:2.0:User:department' was not removed",
)


class HttpxSCIMClient(BaseSyncSCIMClient):
    """scim2-client's sync engine, over plain httpx."""

    def __init__(self, client: httpx.Client, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.client = client

    def _stays_under_base_url(self, endpoint: str) -> bool:
        url = self.client.build_request("GET", endpoint).url
        base = self.client.base_url
        return url.host == base.host and url.raw_path.startswith(base.raw_path)

    def _parse_json(self, response: Any) -> Any:
        return response.json()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, url, **kwargs)


async def _integration_token(app_url: str) -> str:
    database = Database(app_url, pool_size=1)
    await database.open()
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None), name="Idp", slug="idp-" + uuid.uuid4().hex[:8]
        )
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(database, org.id),
            principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
            clock=SystemClock(),
            name="scim",
            role=Role.INTEGRATION,
        )
        return issued.token
    finally:
        await database.close()


def _serve(migrated_url: str) -> tuple[uvicorn.Server, threading.Thread, int]:
    settings = Settings(
        environment="test", database_url=migrated_url, secret_key="t" * 40, rate_limit=None
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(settings), log_config=None, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return server, thread, sock.getsockname()[1]


def _check(port: int, token: str) -> list:
    with httpx.Client(
        base_url=f"http://127.0.0.1:{port}/scim/v2",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ) as http:
        return check_server(HttpxSCIMClient(http))


async def test_scim2_tester_finds_no_error_beyond_the_directorys_own_rules(app_url, migrated_url):
    token = await _integration_token(app_url)
    server, thread, port = _serve(migrated_url)
    try:
        results = await asyncio.to_thread(_check, port, token)
    finally:
        server.should_exit = True
        await asyncio.to_thread(thread.join, 30)
    failures = [f"{r.title}: {r.reason}" for r in results if r.status == Status.ERROR]
    assert len(results) > 20
    checked = {r.resource_type for r in results if r.status == Status.SUCCESS}
    assert {"User", "Group"} <= checked
    unexpected = [f for f in failures if not any(d in f for d in DIRECTORY_RULES)]
    assert unexpected == [], "\n".join(unexpected)
