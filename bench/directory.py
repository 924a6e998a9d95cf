"""Directory benchmark: the service against raw asyncpg, side by side in one run.

1. `GET /v1/employees/{id}` through the service vs the same read through raw asyncpg
   behind a minimal Starlette route (`bench/raw_app.py`) and behind a bare FastAPI route
   (`bench/fastapi_app.py`: the framework's ceiling); one uvicorn worker each, driven in
   alternating rounds; each ratio is the median round's.
2. An import of 100,000 employees over HTTP vs asyncpg `COPY` of the same rows into a plain
   table and into `employees` (`bench.bulk_import`), with the server's memory.

Run: `make bench` (or `python -m bench.directory --help`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import uuid

import asyncpg
import httpx

from app.adapters.clock import SystemClock
from app.adapters.db import migrations
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services.access import create_api_token
from app.services.directory.employees import import_employees
from app.services.organizations import create_organization
from bench.bulk_import import import_over_http, rows
from bench.harness import LoadResult, database, libpq_url, load, server


def hr(org: uuid.UUID) -> Principal:
    return Principal(org, Role.INTEGRATION, "bench")


async def new_org(db: Database, slug: str) -> uuid.UUID:
    return (await create_organization(uow=SqlUnitOfWork(db, None), name=slug, slug=slug)).id


async def seed_reads(url: str, count: int) -> tuple[uuid.UUID, list[uuid.UUID], str]:
    db = Database(url)
    await db.open()
    org = await new_org(db, "bench-reads-" + uuid.uuid4().hex[:6])
    await import_employees(
        uow=SqlUnitOfWork(db, org), principal=hr(org), clock=SystemClock(), rows=rows(count)
    )
    conn = await asyncpg.connect(libpq_url(url))
    ids = [
        r["id"]
        for r in await conn.fetch(
            "SELECT id FROM employees WHERE organization_id = $1 ORDER BY random() LIMIT 1000", org
        )
    ]
    await conn.close()
    issued = await create_api_token(
        uow=SqlUnitOfWork(db, org),
        principal=Principal(org, Role.ORG_ADMIN, "bench"),
        clock=SystemClock(),
        name="bench",
        role=Role.COORDINATOR,
    )
    await db.close()
    return org, ids, issued.token


def bench_reads(url: str, args: argparse.Namespace) -> None:
    org, ids, token = asyncio.run(seed_reads(url, args.read_rows))
    paths = [f"/v1/employees/{i}" for i in ids]
    # The service runs as in production (application role, row-level security, token auth)
    # except for the per-token rate limit, which would throttle the load generator.
    env = {
        "DATABASE_URL": url,
        "RATE_LIMIT": "",
        "BENCH_DSN": libpq_url(url),
        "BENCH_ORG_ID": str(org),
        "LOG_LEVEL": "WARNING",
    }
    auth = {"Authorization": f"Bearer {token}"}
    factories = {
        RAW: "bench.raw_app:create_app",
        FASTAPI: "bench.fastapi_app:create_app",
        SERVICE: "app.cli:served_app",
    }
    rounds: dict[str, list[LoadResult]] = {name: [] for name in factories}
    with contextlib.ExitStack() as stack:
        bases = {name: stack.enter_context(server(f, env)) for name, f in factories.items()}
        for base in bases.values():
            assert httpx.get(base + paths[0], headers=auth).is_success
            load(base, paths, auth, seconds=2)  # warm-up
        # Short rounds, taking turns: this machine's speed drifts over a minute, and a drift
        # must weigh on all sides alike. An idle server costs the others nothing.
        for _ in range(args.rounds):
            for name, base in bases.items():
                rounds[name].append(
                    load(base, paths, auth, seconds=args.seconds, connections=args.connections)
                )
    for name, results in rounds.items():
        r = sorted(results, key=lambda x: x.requests_per_second)[len(results) // 2]
        each = " ".join(f"{x.requests_per_second:.0f}" for x in results)
        print(
            f"  {name:12} {r.requests_per_second:8.0f} req/s  p50 {r.p50_ms:6.2f} ms  "
            f"p99 {r.p99_ms:6.2f} ms  non-2xx {sum(x.errors for x in results)}  (rounds: {each})"
        )
    ratios = _ratios(rounds[SERVICE], rounds[RAW])
    print(f"  ratio by round: {' '.join(f'{x:.2f}' for x in ratios)}")
    ratio = ratios[len(ratios) // 2]
    print(f"read ratio (service / raw asyncpg), median round: {ratio:.2f}  (floor >= 0.60)")
    # The framework's ceiling (bench/fastapi_app.py) splits the service's figure in two:
    # what FastAPI's own request handling leaves of raw Starlette, and what the service's
    # middleware, dependencies and use case leave of that.
    for mine, other, label in (
        (FASTAPI, RAW, "bare FastAPI / raw asyncpg"),
        (SERVICE, FASTAPI, "service / bare FastAPI"),
    ):
        split = _ratios(rounds[mine], rounds[other])
        print(
            f"read ratio ({label}), median round: {split[len(split) // 2]:.2f}"
            f"  (rounds {' '.join(f'{x:.2f}' for x in split)})"
        )


RAW, FASTAPI, SERVICE = "raw asyncpg", "bare FastAPI", "service"


def _ratios(mine: list[LoadResult], other: list[LoadResult]) -> list[float]:
    """Round by round, sorted."""
    return sorted(
        m.requests_per_second / o.requests_per_second for m, o in zip(mine, other, strict=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--read-rows", type=int, default=10_000)
    parser.add_argument(
        "--import-rows", type=int, default=100_000, help="0: the point read only, no import"
    )
    parser.add_argument("--seconds", type=int, default=5, help="per round and side")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with database() as url:
        migrations.upgrade(url)
        print("GET /v1/employees/{id}")
        bench_reads(url, args)
        if args.import_rows:
            print(f"import of {args.import_rows} employees over HTTP")
            import_over_http(url, args.import_rows)


if __name__ == "__main__":
    main()
