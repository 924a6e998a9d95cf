"""Which database to use: DATABASE_URL when set, else the embedded server."""

from __future__ import annotations

from app.adapters.embedded_postgres import EmbeddedPostgres
from app.config import Settings


def to_async_url(url: str) -> str:
    """Accept the usual `postgres://` / `postgresql://` forms and pick the asyncpg driver."""
    for prefix in (
        "postgres://",
        "postgresql://",
        "postgresql+psycopg://",
        "postgresql+psycopg2://",
    ):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def resolve_database_url(settings: Settings) -> str:
    """DATABASE_URL wins; with none, start (or reuse) the embedded server in ./.mentoring."""
    if settings.database_url:
        return to_async_url(settings.database_url)
    return EmbeddedPostgres(settings.pgdata).start()


def application_url(owner_url: str, settings: Settings) -> str:
    """The URL the running service uses: APP_DATABASE_URL, or the owner's URL with the
    application role as the user, so row-level security binds every query it makes."""
    if settings.app_database_url:
        return to_async_url(settings.app_database_url)
    from sqlalchemy.engine import make_url

    from app.adapters.db.rls import APP_ROLE

    url = make_url(owner_url).set(username=APP_ROLE, password=settings.app_database_password)
    return url.render_as_string(hide_password=False)
