"""`mentoring audit verify`: check every organisation's audit records and seals and report
each break (a record whose MAC or hash does not verify: written around the service, without
the key; a sealed record missing or changed; a seal that does not verify; a record left
unsealed for longer than the sealer could explain)."""

from __future__ import annotations

import asyncio

import asyncpg
import typer

from app.adapters.db.audit_chain import Verification, chain_key, verify
from app.adapters.db.sql import to_dsn
from app.adapters.db.urls import resolve_database_url
from app.config import Settings

audit_cli = typer.Typer(help="The audit log.", no_args_is_help=True)


async def verify_all(url: str, key: bytes) -> Verification:
    """Every organisation's chain, read as the schema owner with row-level security's
    administrator setting (the application role sees one organisation at a time)."""
    connection = await asyncpg.connect(to_dsn(url))
    try:
        async with connection.transaction(readonly=True):
            await connection.execute("SELECT set_config('app.is_admin', 'on', true)")
            return await verify(connection, key)
    finally:
        await connection.close()


@audit_cli.command("verify")
def verify_command() -> None:
    """Check the audit chain of every organisation; exit 1 if any record breaks it."""
    settings = Settings()
    result = asyncio.run(verify_all(resolve_database_url(settings), chain_key()))
    for organization, record_id, why in result.breaks:
        typer.echo(f"break: organisation {organization}, audit record {record_id}: {why}")
    typer.echo(
        f"{result.records} records checked, {result.unchained} from before the chain, "
        f"{result.unsealed} not sealed yet, {result.seals} seals, {len(result.breaks)} breaks"
    )
    if result.breaks:
        raise typer.Exit(1)
