"""No tenant waits on another: one organisation imports 50,000 employees (10% bad rows), then
imports them again (every row known: the stored directory is read), while another reads one
employee at a steady rate; then the same point reads served by one and by two processes, side
by side. All in one run, against one `mentoring serve`-style server (uvicorn with the app
factory) and a COPY of the same rows as the import's baseline.

Prints the reader's p50/p99/max while idle and during each import, how often the server's
event loop woke its 50 ms lag probe late during each import (from /metrics, scraped before and
after it), the import's rows/s beside COPY's and their ratio, and for 1 and 2 processes the
point read's req/s, p50 and p99. `--no-processes` skips the last part.

Run: `python -m bench.isolation` (target: the reader's max under 250 ms during the import).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from typing import Any

import asyncpg
import httpx

from app.adapters.clock import SystemClock
from app.adapters.db import migrations
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.db.urls import application_url
from app.config import Settings
from app.domain.access import Principal, Role
from app.services import access, organizations
from bench import loop_stalls
from bench.harness import Request, database, libpq_url, load_mix, server

READ_EVERY_SECONDS = 0.02  # the reader's steady rate: 50 reads a second


def rows(count: int) -> list[dict[str, Any]]:
    out = []
    for n in range(count):
        row: dict[str, Any] = {
            "employee_number": f"E{n:06}",
            "given_name": f"Given{n}",
            "family_name": "Family",
            "email": f"e{n}@example.org",
            "level": 3 + n % 5,
            "department": f"Dept{n % 20}",
            "unit": f"Unit{n % 200}",
            "manager_employee_number": f"E{n // 10:06}" if n else None,
            "hire_date": "2020-01-15",
        }
        if n % 10 == 5:
            row["email"] = "not-an-address"  # 10% bad rows
        out.append(row)
    return out


async def seed(url: str) -> dict[str, Any]:
    """Two organisations with an admin token each; the reader's a few employees."""
    database = Database(application_url(url, Settings()), pool_size=2)
    await database.open()
    try:
        world: dict[str, Any] = {}
        for name in ("busy", "quiet"):
            org = await organizations.create_organization(
                uow=SqlUnitOfWork(database, None), name=name, slug=f"{name}-{uuid.uuid4().hex[:6]}"
            )
            issued = await access.create_api_token(
                uow=SqlUnitOfWork(database, org.id),
                principal=Principal(org.id, Role.ORG_ADMIN, "bench"),
                clock=SystemClock(),
                name="bench",
                role=Role.ORG_ADMIN,
            )
            world[name] = {"org": org.id, "token": issued.token}
        return world
    finally:
        await database.close()


async def read_steadily(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], until: asyncio.Event
) -> list[float]:
    """Latencies (ms) of reads started every READ_EVERY_SECONDS, each on its own schedule:
    a slow answer does not delay the next start, so stalls show in full."""
    latencies: list[float] = []

    async def one() -> None:
        started = time.perf_counter()
        answer = await client.get(path, headers=headers)
        answer.raise_for_status()
        latencies.append((time.perf_counter() - started) * 1000)

    tasks = []
    while not until.is_set():
        tasks.append(asyncio.create_task(one()))
        await asyncio.sleep(READ_EVERY_SECONDS)
    await asyncio.gather(*tasks)
    return latencies


def summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"p50 {statistics.median(ordered):7.1f} ms  p99 {p99:7.1f} ms  "
        f"max {ordered[-1]:7.1f} ms  ({len(ordered)} reads)"
    )


async def during_import(
    base: str, world: dict[str, Any], count: int, reimports: int, stalls: bool = False
) -> float:
    """The reader's latencies while idle and during the import (then during each re-import
    of the same rows, which reads the stored directory); the first import's rows/s."""
    quiet = {"Authorization": f"Bearer {world['quiet']['token']}"}
    busy = {
        "Authorization": f"Bearer {world['busy']['token']}",
        "Content-Type": "application/json",
    }
    body = json.dumps({"employees": rows(count)}).encode()
    # Under uvicorn's 5 s keep-alive: a connection it is closing is never reused (a ReadError).
    limits = httpx.Limits(max_connections=200, keepalive_expiry=2)
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as client:
        await client.post(
            "/v1/employees/import",
            headers=quiet,
            json={"employees": rows(50)},
        )
        page = (await client.get("/v1/employees?limit=1", headers=quiet)).json()
        path = f"/v1/employees/{page['items'][0]['id']}"
        await client.get("/metrics")  # a first scrape's own cost stays out of the figures
        idle = asyncio.Event()
        reading = asyncio.create_task(read_steadily(client, path, quiet, idle))
        await asyncio.sleep(3)
        idle.set()
        print(f"  reader, idle server:       {summary(await reading)}")
        rate = 0.0
        for turn in range(1 + reimports):
            lag_before = await loop_lag(client)
            if stalls:
                await client.get("/bench/stalls")  # what came before is not this import's
            done = asyncio.Event()
            reading = asyncio.create_task(read_steadily(client, path, quiet, done))
            # The import is sent from another process: sending 12 MB from this one would
            # stall the reader here, and the figures would blame the server for it.
            seconds, report = await asyncio.to_thread(post_elsewhere, base, busy, body)
            done.set()
            latencies = await reading
            name = "the import:  " if turn == 0 else "a re-import: "
            print(f"  reader, during {name}{summary(latencies)}")
            lag = lag_between(lag_before, await loop_lag(client))
            print(f"    server's event-loop lag meanwhile: {lag}")
            if stalls:
                print(f"    {loop_stalls.summary((await client.get('/bench/stalls')).json())}")
            print(
                f"    {count} rows ({report['created']} created, {report['unchanged']} unchanged,"
                f" {len(report['errors'])} refused) in {seconds:.1f} s"
                f" = {count / seconds:,.0f} rows/s"
            )
            rate = rate or count / seconds
        return rate


_POST = """
import json, sys, time, httpx
base, headers, path = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
body = open(path, "rb").read()
started = time.perf_counter()
answer = httpx.post(base + "/v1/employees/import", content=body, headers=headers, timeout=600)
print(json.dumps([time.perf_counter() - started, answer.json()]))
"""


def post_elsewhere(base: str, headers: dict[str, str], body: bytes) -> tuple[float, Any]:
    """POST the import from a process of its own; (seconds, the answer's JSON)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        file.write(body)
        file.flush()
        command = [sys.executable, "-c", _POST, base, json.dumps(headers), file.name]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    seconds, report = json.loads(out)
    return float(seconds), report


async def loop_lag(client: httpx.AsyncClient) -> dict[str, float]:
    """The server's event-loop lag histogram (from /metrics): probes counted up to each bound."""
    text = (await client.get("/metrics")).text
    buckets = {}
    for line in text.splitlines():
        if line.startswith("event_loop_lag_seconds_bucket"):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            buckets[bound] = float(line.rsplit(" ", 1)[1])
    return buckets


def lag_between(before: dict[str, float], after: dict[str, float]) -> str:
    """How often the loop woke its 50 ms probe late between two scrapes, and by how much."""
    seen = {bound: after[bound] - before.get(bound, 0.0) for bound in after}
    total = seen.get("+Inf", 0.0)
    over = {b: total - n for b, n in seen.items() if b != "+Inf"}
    bounds = list(over)
    late = [i for i, b in enumerate(bounds) if over[b] > 0]
    worst = ""
    if late:
        low = float(bounds[late[-1]]) * 1000
        high = (
            f"{float(bounds[late[-1] + 1]) * 1000:.0f} ms" if late[-1] + 1 < len(bounds) else "more"
        )
        worst = f"; the worst late by {low:.0f} to {high}"
    return f"{total:.0f} probes, {over.get('0.05', 0):.0f} late by over 50 ms{worst}"


async def copy_baseline(url: str, count: int) -> float:
    """The same good rows written by COPY into a fresh organisation: rows/s."""
    connection = await asyncpg.connect(libpq_url(url))
    try:
        org_id = await connection.fetchval(
            "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), $1, 'copy') "
            "RETURNING id",
            f"copy-{uuid.uuid4().hex[:6]}",
        )
        await connection.execute("SELECT set_config('app.organization_id', $1, false)", str(org_id))
        good = [r for r in rows(count) if r["email"] != "not-an-address"]
        columns = ["organization_id", "id", "employee_number", "given_name", "family_name"]
        columns += ["email", "level", "department", "unit", "hire_date", "employment_status"]
        columns += ["in_good_standing", "attributes"]
        started = time.perf_counter()
        records = [
            (
                org_id,
                uuid.uuid4(),
                r["employee_number"],
                r["given_name"],
                r["family_name"],
                r["email"],
                r["level"],
                r["department"],
                r["unit"],
                date.fromisoformat(r["hire_date"]),
                "active",
                True,
                "{}",
            )
            for r in good
        ]
        await connection.copy_records_to_table("employees", records=records, columns=columns)
        return len(good) / (time.perf_counter() - started)
    finally:
        await connection.close()


def processes_side_by_side(url: str, world: dict[str, Any], seconds: int) -> None:
    quiet = {"Authorization": f"Bearer {world['quiet']['token']}"}
    env = {"DATABASE_URL": url, "RATE_LIMIT": "", "LOG_LEVEL": "WARNING"}
    env["BACKGROUND_WORK"] = "false"
    with (
        server("app.cli:served_app", env, workers=1) as one,
        server("app.cli:served_app", env, workers=2) as two,
    ):
        ids = httpx.get(one + "/v1/employees?limit=50", headers=quiet).json()["items"]
        reads = [Request("GET", f"/v1/employees/{e['id']}", quiet) for e in ids]
        for base in (one, two):
            load_mix(base, reads, seconds=2, connections=8)  # warm-up
        for c in (8, 32):
            for name, base in (("1 process ", one), ("2 processes", two)):
                r = load_mix(base, reads, seconds=seconds, connections=c)
                print(
                    f"  point read, {name} c={c:3}: {r.requests_per_second:7.0f} req/s  "
                    f"p50 {r.p50_ms:6.2f} ms  p99 {r.p99_ms:7.2f} ms  non-2xx {r.errors}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--reimports", type=int, default=1, help="re-imports of the same rows")
    parser.add_argument("--no-processes", action="store_true", help="skip 1 vs 2 processes")
    parser.add_argument(
        "--stalls", action="store_true", help="say what held the loop (bench/loop_stalls.py)"
    )
    args = parser.parse_args()
    with database() as url:
        migrations.upgrade(url)
        world = asyncio.run(seed(url))
        env = {"DATABASE_URL": url, "RATE_LIMIT": "", "LOG_LEVEL": "WARNING"}
        env["BACKGROUND_WORK"] = "false"
        print("one organisation imports while another reads (one process):")
        factory = "bench.loop_stalls:served_app" if args.stalls else "app.cli:served_app"
        with server(factory, env, workers=1) as base:
            import_rate = asyncio.run(
                during_import(base, world, args.rows, args.reimports, args.stalls)
            )
        copy_rate = asyncio.run(copy_baseline(url, args.rows))
        print(f"  COPY of the same good rows: {copy_rate:,.0f} rows/s")
        print(f"import ratio (import rate / COPY rate): {import_rate / copy_rate:.3f}")
        if not args.no_processes:
            print("one process and two, side by side:")
            processes_side_by_side(url, world, args.seconds)


if __name__ == "__main__":
    main()
