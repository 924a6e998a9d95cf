"""Helpers for tests that run `mentoring serve` as a user starts it, in a subprocess, against
the test run's database (committed data: the server is outside the test's transaction)."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.db.urls import application_url
from app.config import Settings
from app.domain.access import Principal, Role
from app.services import access, organizations
from tests.api.test_graceful_shutdown import _mentoring_command


async def committed_admin_token(migrated_url: str, name: str) -> str:
    """An admin token of a new, committed organisation."""
    database = Database(application_url(migrated_url, Settings()), pool_size=1)
    await database.open()
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None),
            name=name.title(),
            slug=f"{name}-{uuid.uuid4().hex[:8]}",
        )
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(database, org.id),
            principal=Principal(org.id, Role.ORG_ADMIN, "setup"),
            clock=SystemClock(),
            name=name,
            role=Role.ORG_ADMIN,
        )
        return issued.token
    finally:
        await database.close()


def serve(options: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`mentoring serve` as `make run` starts it, its output in `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [*_mentoring_command(), "serve", *options],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
