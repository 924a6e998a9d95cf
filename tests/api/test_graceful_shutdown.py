"""Graceful shutdown of `mentoring serve` (issue 8): on SIGTERM the server stops accepting
connections, finishes the requests it has already started, and exits 0.

The server runs in a subprocess exactly as a user starts it. The in-flight request is a real
employee import whose body the client sends slowly: headers, then half the body, then SIGTERM,
then the rest. `Expect: 100-continue` makes that deterministic: the server answers
"100 Continue" only once the application is reading the body, so SIGTERM provably arrives
mid-request. Raw sockets, not an HTTP client, so every byte the server sends is seen.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.db.urls import application_url
from app.config import Settings
from app.domain.access import Principal, Role
from app.services import access, organizations
from tests.factories import employee_row

ROWS = 2000
# Hang guards only, never assertions about speed: `serve` waits up to 20 s
# (timeout_graceful_shutdown) for in-flight requests, then closes its pool.
START_TIMEOUT = 60.0
SOCKET_TIMEOUT = 60.0
EXIT_TIMEOUT = 60.0


@pytest.fixture
async def token(migrated_url: str) -> str:
    """A real token in a committed organisation: the server runs outside the test transaction."""
    database = Database(application_url(migrated_url, Settings()), pool_size=1)
    await database.open()
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None),
            name="Shutdown",
            slug="shutdown-" + uuid.uuid4().hex[:8],
        )
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(database, org.id),
            principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
            clock=SystemClock(),
            name="graceful shutdown test",
            role=Role.ORG_ADMIN,
        )
        return issued.token
    finally:
        await database.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _mentoring_command() -> list[str]:
    """The `mentoring` entry point a user runs; the same code through Python if not installed."""
    entry_point = Path(sys.executable).with_name("mentoring")
    if entry_point.exists():
        return [str(entry_point)]
    return [sys.executable, "-c", "from app.cli import main; main()"]


@contextlib.contextmanager
def _serve(migrated_url: str, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "DATABASE_URL": migrated_url, "LOG_LEVEL": "INFO"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*_mentoring_command(), "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(port, process, log)
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=EXIT_TIMEOUT)


def _wait_until_up(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, f"server exited early:\n{_tail(log)}"
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    pytest.fail(f"server did not start:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-4000:]


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=SOCKET_TIMEOUT)


def _read_response(sock: socket.socket, method: str) -> tuple[http.client.HTTPResponse, bytes]:
    """One whole response; `IncompleteRead` if the server stops short of its Content-Length."""
    response = http.client.HTTPResponse(sock, method=method)
    response.begin()
    return response, response.read()


def _read_until_blank_line(sock: socket.socket) -> bytes:
    received = b""
    while not received.endswith(b"\r\n\r\n"):
        chunk = sock.recv(1)
        assert chunk, f"connection closed after {received!r}"
        received += chunk
    return received


def _bytes_until_closed(sock: socket.socket) -> bytes:
    """Everything the server still sends before it closes the connection (a reset counts
    as closed: the server may drop a connection that has unread data)."""
    received = b""
    with contextlib.suppress(ConnectionResetError):
        while chunk := sock.recv(65536):
            received += chunk
    return received


def _idle_keep_alive_connection(port: int) -> socket.socket:
    """A connection that has finished one request and stays open for the next."""
    sock = _connect(port)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
    response, _ = _read_response(sock, "GET")
    assert response.status == 200
    assert response.getheader("connection", "").lower() != "close"
    return sock


def _import_body() -> bytes:
    rows = [employee_row(f"GS{n:05}") for n in range(ROWS)]
    return json.dumps({"employees": rows}).encode()


def _start_import(port: int, token: str, body: bytes) -> socket.socket:
    """Send the headers and half the body; return once the application is reading it."""
    sock = _connect(port)
    head = (
        "POST /v1/employees/import HTTP/1.1\r\n"
        "Host: test\r\n"
        f"Authorization: Bearer {token}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Expect: 100-continue\r\n"
        "\r\n"
    )
    sock.sendall(head.encode())
    interim = _read_until_blank_line(sock)
    assert interim.startswith(b"HTTP/1.1 100 "), interim
    sock.sendall(body[: len(body) // 2])
    return sock


def _wait_until_refused(port: int) -> None:
    """Signals arrive asynchronously: wait until the server has closed its listening socket.
    Connections accepted before that are dropped again; nothing else is asserted about them."""
    deadline = time.monotonic() + SOCKET_TIMEOUT
    while time.monotonic() < deadline:
        try:
            _connect(port).close()
        except ConnectionRefusedError:
            return
        time.sleep(0.05)
    pytest.fail("the server still accepted connections after SIGTERM")


def _attempt_request(sock: socket.socket) -> bytes:
    """Send a request on a connection the server may have closed; what comes back."""
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
    return _bytes_until_closed(sock)


def test_sigterm_finishes_the_request_in_flight_refuses_new_ones_and_exits_0(
    migrated_url: str, token: str, tmp_path: Path
) -> None:
    port, body, log = _free_port(), _import_body(), tmp_path / "server.log"
    with _serve(migrated_url, port, log) as process, contextlib.ExitStack() as sockets:
        idle = sockets.enter_context(_idle_keep_alive_connection(port))
        fresh = sockets.enter_context(_connect(port))  # its request comes only after SIGTERM
        in_flight = sockets.enter_context(_start_import(port, token, body))

        process.send_signal(signal.SIGTERM)

        _wait_until_refused(port)
        # Idle connections are closed without a byte; a request that arrives on a connection
        # being drained gets nothing at all, never half a reply.
        assert _bytes_until_closed(idle) == b""
        assert _attempt_request(idle) == b""
        assert _attempt_request(fresh) == b""
        assert process.poll() is None, "exited while a request was still in flight"

        in_flight.sendall(body[len(body) // 2 :])
        response, payload = _read_response(in_flight, "POST")
        assert response.status == 200, payload
        assert json.loads(payload) == {"created": ROWS, "updated": 0, "unchanged": 0, "errors": []}
        assert response.getheader("connection", "").lower() == "close"
        # The connection ends after that response: a further request on it gets nothing.
        assert _attempt_request(in_flight) == b""

        assert process.wait(timeout=EXIT_TIMEOUT) == 0, _tail(log)
        # Nothing was cut off by timeout_graceful_shutdown: the drain ended on its own.
        assert "timeout graceful shutdown exceeded" not in log.read_text(), _tail(log)
