"""Run Alembic from code: `mentoring migrate`, start-up and the test suite share this."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

ROOT = Path(__file__).resolve().parents[3]


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations and the given URL."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["url"] = url
    config.attributes["skip_logging"] = True
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` (blocking: call it from a thread in async code)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Revert migrations down to `revision`."""
    command.downgrade(alembic_config(url), revision)


@cache
def head_revision() -> str | None:
    """The newest revision in the code, for readiness checks."""
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()
