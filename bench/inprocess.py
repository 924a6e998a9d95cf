"""The service's own CPU per request, in-process: each kind of the load mix (`bench.load`)
sent many times through the ASGI app with httpx's ASGITransport, and the process's CPU time
divided by the count. No network and no second process, so on a busy machine it moves far
less than throughput does; run it for two checkouts in turns and compare the minimums.

Run: `python -m bench.inprocess --database-url postgresql+asyncpg://...` (an empty database of
a server where the URL's user may create roles; without one, the embedded server is used).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from app.adapters.db import migrations
from app.adapters.db.database import Database
from app.adapters.db.urls import application_url
from app.adapters.embedded_postgres import EmbeddedPostgres
from app.config import Settings
from app.main import create_app
from bench.load import DASHBOARD, seed

Kind = tuple[str, str, Callable[[dict[str, Any], int], tuple[str, dict[str, str], Any]]]


def _staff(world: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {world['coordinator']}"}


def _meeting(world: dict[str, Any], i: int) -> tuple[str, dict[str, str], Any]:
    pair = world["mentorships"][i % len(world["mentorships"])]
    headers = {"Authorization": f"Bearer {world['mentee_tokens'][pair]}"}
    body = {"held_on": world["today"], "hours": 1.5, "topics": ["budgeting"], "notes": "ok"}
    return f"/v1/mentorships/{pair}/meetings", headers, body


KINDS: list[Kind] = [
    (
        "point read",
        "GET",
        lambda w, i: (f"/v1/employees/{w['employees'][i % 500]}", _staff(w), None),
    ),
    ("employee page", "GET", lambda w, i: ("/v1/employees?limit=20", _staff(w), None)),
    ("mentorship page", "GET", lambda w, i: ("/v1/mentorships?limit=20", _staff(w), None)),
    (
        "mentorship detail",
        "GET",
        lambda w, i: (f"/v1/mentorships/{w['mentorships'][i % 50]}", _staff(w), None),
    ),
    ("meeting write", "POST", _meeting),
    ("dashboard", "POST", lambda w, i: ("/graphql", _staff(w), {"query": DASHBOARD})),
]


async def measure(url: str, count: int, rounds: int) -> dict[str, float]:
    settings = Settings(database_url=url, rate_limit=None, log_level="WARNING")
    world = await seed(url, 50)
    world["today"] = time.strftime("%Y-%m-%d", time.gmtime())
    database = Database(application_url(url, settings))
    await database.open()
    app = create_app(settings, database=database)
    best: dict[str, float] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://s") as client:
        for _ in range(rounds):
            for name, method, make in KINDS:
                for i in range(20):  # warm-up: caches, compiled statements, connections
                    await _send(client, method, *make(world, i))
                started = time.process_time()
                for i in range(count):
                    await _send(client, method, *make(world, i))
                cost = (time.process_time() - started) / count * 1e6
                best[name] = min(best.get(name, cost), cost)
    await database.close()
    return best


async def _send(
    client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str], body: Any
) -> None:
    response = await client.request(method, path, headers=headers, json=body)
    if response.status_code >= 300:
        raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mentoring-inprocess-") as tmp:
        server = None
        url = args.database_url
        if url is None:
            server = EmbeddedPostgres(Path(tmp) / "pgdata", delete_on_stop=True)
            url = server.start()
        try:
            migrations.upgrade(url)
            best = asyncio.run(measure(url, args.count, args.rounds))
        finally:
            if server is not None:
                server.stop()
    print(json.dumps({name: round(us) for name, us in best.items()}))
    for name, us in best.items():
        print(f"  {name:18} {us:8.0f} µs CPU per request (best of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
