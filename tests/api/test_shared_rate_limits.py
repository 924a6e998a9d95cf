"""Several processes enforce one rate limit between them (issue 24): the count lives in
Redis (RATE_LIMIT_STORAGE), and `serve` refuses to run several processes that would each
count alone. Redis tests start a real redis-server, and skip saying so if there is none."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest

from app.adapters.rate_limit import RateLimiter
from tests.api.test_graceful_shutdown import _free_port, _wait_until_up
from tests.served import committed_admin_token, serve

HANG_GUARD_SECONDS = 60.0  # only against a hang; never an assertion about speed


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server): no shared store")
    port = _free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + HANG_GUARD_SECONDS
        while True:
            assert process.poll() is None, "redis-server exited"
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=HANG_GUARD_SECONDS)


async def test_two_processes_limiters_share_one_count_in_redis(redis_url: str):
    # Two limiters, as two processes have: requests alternate between them.
    first, second = RateLimiter("5/minute", redis_url), RateLimiter("5/minute", redis_url)
    key = f"token:{time.time_ns()}"
    decisions = [await (first if n % 2 else second).hit(key) for n in range(8)]
    assert [d.allowed for d in decisions] == [True] * 5 + [False] * 3
    assert [d.remaining for d in decisions[:5]] == [4, 3, 2, 1, 0]


async def test_serve_with_two_workers_enforces_the_configured_limit_once(
    redis_url: str, migrated_url: str, tmp_path
):
    token = await committed_admin_token(migrated_url, "limited")
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": migrated_url,
        "RATE_LIMIT": "10/minute",
        "RATE_LIMIT_STORAGE": redis_url,
        "BACKGROUND_WORK": "false",
    }
    log = tmp_path / "serve.log"
    server = serve(["--port", str(port), "--workers", "2"], env, log)
    try:
        _wait_until_up(port, server, log)
        statuses = []
        for _ in range(15):  # a new connection each: either process may answer
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                answer = await client.get(
                    "/v1/employees", headers={"Authorization": f"Bearer {token}"}
                )
            statuses.append(answer.status_code)
        assert statuses == [200] * 10 + [429] * 5
    finally:
        server.terminate()
        assert server.wait(timeout=HANG_GUARD_SECONDS) == 0


def test_serve_refuses_several_processes_that_would_each_count_alone(migrated_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": migrated_url, "RATE_LIMIT": "60/minute"}
    env.pop("RATE_LIMIT_STORAGE", None)
    log = tmp_path / "serve.log"
    server = serve(["--port", str(_free_port()), "--workers", "2"], env, log)
    assert server.wait(timeout=HANG_GUARD_SECONDS) == 2
    assert "RATE_LIMIT_STORAGE" in log.read_text()
