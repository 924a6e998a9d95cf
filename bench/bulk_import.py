"""An import of 100,000 employees over HTTP against asyncpg COPY of the same rows, in one run.

The import is POSTed from a process of its own to a `serve`-style server (one uvicorn
process, the application role, row-level security, token auth), while a thread samples the
server's resident memory. COPY writes the same rows into a plain table (the same columns,
no index, key or constraint: the floor of any write) and into `employees` itself.

Prints both ratios (import rate / COPY rate), the CPU time the server and the database
used during the import (steadier than wall time on a busy machine), and the server's
memory before, at its peak and after. Run: `python -m bench.bulk_import` (also part of
`bench.directory`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import threading
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from app.adapters.db import migrations
from bench.harness import database, libpq_url, served
from bench.isolation import post_elsewhere, seed

_COLUMNS = (
    "employee_number",
    "given_name",
    "family_name",
    "email",
    "job_title",
    "level",
    "department",
    "unit",
    "manager_employee_number",
    "hire_date",
    "employment_status",
    "in_good_standing",
    "attributes",
)


def rows(count: int, prefix: str = "E") -> list[dict[str, Any]]:
    """A realistic tree: everyone reports to someone eight times fewer numbered."""
    return [
        {
            "employee_number": f"{prefix}{n:06}",
            "given_name": f"Given{n}",
            "family_name": "Family",
            "email": f"p{n}@example.org",
            "job_title": "Analyst",
            "level": 10 - min(9, len(str(n))),
            "department": f"Dept{n % 12}",
            "unit": f"Unit{n % 97}",
            "manager_employee_number": f"{prefix}{n // 8:06}" if n else None,
            "hire_date": date(2015 + n % 10, 1 + n % 12, 1 + n % 28),
            "employment_status": "active",
            "in_good_standing": True,
            "attributes": {},
        }
        for n in range(count)
    ]


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU these processes have used so far (what a busy machine's other
    work does not add to, unlike wall time)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


async def data_directory(url: str) -> Path:
    connection = await asyncpg.connect(libpq_url(url))
    try:
        return Path(await connection.fetchval("SHOW data_directory"))
    finally:
        await connection.close()


def database_processes(data: Path) -> list[int]:
    """The database server's processes: its postmaster and the postmaster's children."""
    postmaster = int((data / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                children.append(int(stat.parent.name))
    return [postmaster, *children]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemoryWatch:
    """Samples a process's resident memory every 10 ms in a thread; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, rss_mib(pid), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, rss_mib(self.pid))

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


async def copy_seconds(url: str, batch: list[dict[str, Any]], table: str) -> float:
    """Seconds to COPY `batch` into `table` (a fresh organisation for `employees`)."""
    connection = await asyncpg.connect(libpq_url(url))
    try:
        org = await connection.fetchval(
            "INSERT INTO organizations (id, slug, name) VALUES (gen_random_uuid(), $1, 'copy') "
            "RETURNING id",
            f"copy-{uuid.uuid4().hex[:8]}",
        )
        if table != "employees":
            await connection.execute(f"DROP TABLE IF EXISTS {table}")
            await connection.execute(f"CREATE TABLE {table} (LIKE employees INCLUDING DEFAULTS)")
        records = [
            (org, uuid.uuid4(), *(r[c] if c != "attributes" else "{}" for c in _COLUMNS))
            for r in batch
        ]
        columns = ["organization_id", "id", *_COLUMNS]
        started = time.perf_counter()
        await connection.copy_records_to_table(table, records=records, columns=columns)
        return time.perf_counter() - started
    finally:
        await connection.close()


def import_over_http(url: str, count: int) -> None:
    world = asyncio.run(seed(url))
    batch = rows(count)
    body = json.dumps({"employees": batch}, default=str).encode()
    headers = {
        "Authorization": f"Bearer {world['busy']['token']}",
        "Content-Type": "application/json",
    }
    env = {"DATABASE_URL": url, "RATE_LIMIT": "", "LOG_LEVEL": "WARNING"}
    env["BACKGROUND_WORK"] = "false"
    with served("app.cli:served_app", env) as (base, pid):
        warm = json.dumps({"employees": rows(200, "W")}, default=str)
        httpx.post(base + "/v1/employees/import", content=warm, headers=headers).raise_for_status()
        time.sleep(1)
        before = rss_mib(pid)
        plain_s = asyncio.run(copy_seconds(url, batch, "bench_plain_employees"))
        database_pids = database_processes(asyncio.run(data_directory(url)))
        cpu_before = cpu_seconds([pid]), cpu_seconds(database_pids)
        with MemoryWatch(pid) as memory:
            seconds, report = post_elsewhere(base, headers, body)
        server_cpu = cpu_seconds([pid]) - cpu_before[0]
        database_cpu = cpu_seconds(database_pids) - cpu_before[1]
        time.sleep(3)  # what the server keeps once the import is over
        after = rss_mib(pid)
    indexed_s = asyncio.run(copy_seconds(url, batch, "employees"))
    plain_s = min(plain_s, asyncio.run(copy_seconds(url, batch, "bench_plain_employees")))
    print(
        f"  import over HTTP {count} rows: {seconds:6.2f} s ({count / seconds:8.0f} rows/s; "
        f"{report['created']} created, {len(report['errors'])} refused)"
    )
    print(f"  CPU during the import: server {server_cpu:.2f} s, database {database_cpu:.2f} s")
    print(f"  COPY into a plain table:  {plain_s:6.2f} s ({count / plain_s:8.0f} rows/s)")
    print(f"  COPY into employees:      {indexed_s:6.2f} s ({count / indexed_s:8.0f} rows/s)")
    print(
        f"  server RSS: {before:.0f} MiB before, peak {memory.peak:.0f} MiB "
        f"(+{memory.peak - before:.0f}), {after:.0f} MiB after (+{after - before:.0f})"
    )
    print(f"import ratio (import rate / COPY into a plain table): {plain_s / seconds:.3f}")
    print(f"import ratio (import rate / COPY into employees): {indexed_s / seconds:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with database() as url:
        migrations.upgrade(url)
        print(f"import of {args.rows} employees over HTTP")
        import_over_http(url, args.rows)


if __name__ == "__main__":
    main()
