"""Shared pieces of the benchmarks: a database, servers in subprocesses, and a load driver.

Figures from this machine are noisy, so every benchmark measures its baseline in the same
run and prints the ratio; absolute numbers are only context.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.adapters.db.urls import to_async_url
from app.adapters.embedded_postgres import EmbeddedPostgres


@contextlib.contextmanager
def database() -> Iterator[str]:
    """BENCH_DATABASE_URL when set, else a throw-away embedded server."""
    if url := os.environ.get("BENCH_DATABASE_URL"):
        yield to_async_url(url)
        return
    with tempfile.TemporaryDirectory(prefix="mentoring-bench-") as tmp:
        server = EmbeddedPostgres(Path(tmp) / "pgdata", delete_on_stop=True)
        try:
            yield server.start()
        finally:
            server.stop()


def libpq_url(async_url: str) -> str:
    return async_url.replace("postgresql+asyncpg://", "postgresql://", 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(factory: str, env: dict[str, str], workers: int = 1) -> Iterator[str]:
    """Serve an app factory with uvicorn in a subprocess; yields its base URL."""
    with served(factory, env, workers) as (base, _):
        yield base


@contextlib.contextmanager
def served(factory: str, env: dict[str, str], workers: int = 1) -> Iterator[tuple[str, int]]:
    """`server`, yielding (base URL, process id): with one worker, the serving process."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            httpx.get(base + "/healthz", timeout=1)
            return
        time.sleep(0.2)
    raise RuntimeError("server did not start")


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass(frozen=True)
class Request:
    """One request of a mix: method, path, headers and an optional body."""

    method: str
    path: str
    headers: dict[str, str]
    body: str | None = None


def load(
    base: str,
    paths: Sequence[str],
    headers: dict[str, str],
    *,
    seconds: int = 10,
    connections: int = 32,
) -> LoadResult:
    """Drive GETs over `paths` in rotation (see `load_mix`)."""
    requests = [Request("GET", path, headers) for path in paths]
    return load_mix(base, requests, seconds=seconds, connections=connections)


def _wrk_ms(out: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


_MIX_LUA = """
local requests = {%s}
local i = 0
request = function()
  i = i %% #requests + 1
  local r = requests[i]
  return wrk.format(r[1], r[2], r[3], r[4])
end
"""


def _lua_string(value: str) -> str:
    return "[==[" + value + "]==]"


def load_mix(
    base: str, requests: Sequence[Request], *, seconds: int = 10, connections: int = 32
) -> LoadResult:
    """Drive a mix of requests in rotation: wrk when installed (C, keeps the client cheap),
    else a Python client in its own process. Both use keep-alive connections."""
    if not shutil.which("wrk"):
        return _python_mix(base, requests, seconds, connections)
    entries = []
    for r in requests:
        headers = ", ".join(
            f"[ {_lua_string(k)} ] = {_lua_string(v)}" for k, v in r.headers.items()
        )
        body = _lua_string(r.body) if r.body is not None else "nil"
        entries.append(f"{{{_lua_string(r.method)}, {_lua_string(r.path)}, {{{headers}}}, {body}}}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_MIX_LUA % ", ".join(entries))
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name]
    out = subprocess.run([*command, base], capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return LoadResult(
        float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        _wrk_ms(out, "50%"),
        _wrk_ms(out, "99%"),
        int(errors.group(1)) if errors else 0,
    )


def _python_mix(
    base: str, requests: Sequence[Request], seconds: int, connections: int
) -> LoadResult:
    import json

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as spec:
        json.dump([r.__dict__ for r in requests], spec)
    command = [
        sys.executable,
        "-m",
        "bench.python_load",
        base,
        str(seconds),
        str(connections),
        spec.name,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    os.unlink(spec.name)
    rps, p50, p99, errors = out
    return LoadResult(float(rps), float(p50), float(p99), int(errors))
