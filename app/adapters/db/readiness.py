"""Is the database reachable, and is its schema at the code's migration head?"""

from __future__ import annotations

from app.adapters.db.database import Database
from app.adapters.db.migrations import head_revision


async def schema_revision(database: Database) -> str | None:
    """The revision the database is at (raises when it cannot be reached)."""
    async with database.connect() as connection:
        revision: str | None = await connection.fetchval("SELECT version_num FROM alembic_version")
        return revision


async def readiness(database: Database) -> dict[str, object]:
    """`ready` with the reasons it is not, for load balancers and people."""
    head = head_revision()
    try:
        current = await schema_revision(database)
    except Exception as error:  # any failure to reach it means "not ready", and says why
        return {"ready": False, "database": f"unreachable: {type(error).__name__}", "head": head}
    return {"ready": current == head, "database": "reachable", "revision": current, "head": head}
