"""A migration revision's policy rewrites, run by the database on one stored snapshot at a
time, for the tests that show a snapshot stored before a revision reads after it as it did."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import asyncpg

from app.adapters.db.sql import to_dsn

VERSIONS = Path(__file__).parents[2] / "migrations" / "versions"


def revision(filename: str) -> ModuleType:
    """The migration module, loaded by path as Alembic does."""
    spec = importlib.util.spec_from_file_location(Path(filename).stem, VERSIONS / filename)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Rewrites:
    """One revision's `upgraded` and `downgraded` SQL, applied to a snapshot."""

    def __init__(self, connection: asyncpg.Connection, module: ModuleType) -> None:
        self.connection, self.module = connection, module

    async def upgraded(self, stored: dict[str, Any]) -> dict[str, Any]:
        return await self._run(self.module.upgraded("$1::jsonb"), stored)

    async def downgraded(self, stored: dict[str, Any]) -> dict[str, Any]:
        return await self._run(self.module.downgraded("$1::jsonb"), stored)

    async def _run(self, expression: str, stored: dict[str, Any]) -> dict[str, Any]:
        raw = await self.connection.fetchval(f"SELECT ({expression})::text", json.dumps(stored))
        result: dict[str, Any] = json.loads(raw)
        return result


@asynccontextmanager
async def rewrites(url: str, filename: str) -> AsyncIterator[Rewrites]:
    connection = await asyncpg.connect(to_dsn(url))
    try:
        yield Rewrites(connection, revision(filename))
    finally:
        await connection.close()


def as_stored(data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy, as JSON would store it."""
    copied: dict[str, Any] = json.loads(json.dumps(data))
    return copied
