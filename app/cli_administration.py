"""The `mentoring org list`, `token list` and `token revoke` commands (part of `app/cli.py`,
which registers them); what they print comes from `app.administration`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import typer

from app import administration
from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork

Runner = Callable[[Callable[[Database], Awaitable[Any]]], Any]


def _units(db: Database) -> administration.Units:
    return administration.Units(
        lambda: SqlUnitOfWork(db, None, admin=True), lambda org_id: SqlUnitOfWork(db, org_id)
    )


def _echo(lines: list[str]) -> None:
    typer.echo("\n".join(lines))


def register(org_cli: typer.Typer, token_cli: typer.Typer, run: Runner) -> None:
    """Add the commands to the `org` and `token` groups; `run` runs one job on the database."""

    @org_cli.command("list")
    def org_list() -> None:
        """List every organisation: slug, id, name."""
        _echo(run(lambda db: administration.organization_lines(_units(db))))

    @token_cli.command("list")
    def token_list(
        org: Annotated[str, typer.Option(help="Organisation slug")],
        revoked: Annotated[bool, typer.Option(help="Include revoked tokens")] = False,
    ) -> None:
        """List an organisation's API tokens (ids, roles, names; never the tokens)."""
        now = SystemClock().now()
        _echo(
            run(
                lambda db: administration.token_lines(
                    _units(db), org, now=now, include_revoked=revoked
                )
            )
        )

    @token_cli.command("revoke")
    def token_revoke(
        org: Annotated[str, typer.Option(help="Organisation slug")],
        token_id: Annotated[str, typer.Argument(help="The id `mentoring token list` shows")],
    ) -> None:
        """Revoke an API token; every process stops accepting it at once."""
        _echo(run(lambda db: administration.revoke_token(_units(db), org, token_id)))
