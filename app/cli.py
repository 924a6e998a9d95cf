"""The `mentoring` command: serve, migrate, and administer organisations and tokens."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer

from app import cli_administration
from app.adapters.clock import SystemClock
from app.adapters.db import migrations
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.db.urls import resolve_database_url
from app.audit_cli import audit_cli
from app.config import Settings
from app.domain.access import Principal, Role
from app.domain.errors import DomainError
from app.served import served_app as served_app  # uvicorn's factory: app.cli:served_app
from app.services import access, organizations
from app.services.directory import employees

cli = typer.Typer(help="Run and administer the mentoring programs service.", no_args_is_help=True)
org_cli = typer.Typer(help="Organisations (tenants).", no_args_is_help=True)
token_cli = typer.Typer(help="API tokens.", no_args_is_help=True)
cli.add_typer(org_cli, name="org")
cli.add_typer(token_cli, name="token")
cli.add_typer(audit_cli, name="audit")

T = TypeVar("T")

# How long `serve` lets in-flight requests finish after SIGTERM; a container's stop timeout
# (compose's stop_grace_period) must be longer, or they are killed mid-request.
GRACEFUL_SHUTDOWN_SECONDS = 20


def _database_url() -> str:
    return resolve_database_url(Settings())


def _run(work: Callable[[Database], Awaitable[T]]) -> T:
    """Run one async job against the database, turning domain errors into a clean exit."""

    async def main() -> T:
        database = Database(_database_url(), pool_size=2)
        await database.open()
        try:
            return await work(database)
        finally:
            await database.close()

    try:
        return asyncio.run(main())
    except DomainError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(2) from None


@cli.command()
def migrate() -> None:
    """Apply database migrations up to the newest."""
    migrations.upgrade(_database_url())
    _set_app_role_password()
    typer.echo("migrated to " + str(migrations.head_revision()))


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Migrate, then serve the API (an embedded PostgreSQL when DATABASE_URL is unset)."""
    import uvicorn

    _refuse_per_process_limits(workers)
    url = _database_url()
    migrations.upgrade(url)
    _set_app_role_password()
    os.environ["DATABASE_URL"] = url  # workers use the server this process started
    # uvicorn drains on SIGTERM, then re-raises the signal under the handler it found: with
    # Python's default, a clean stop would end as "killed by SIGTERM" (status 143). Exit 0,
    # as uvicorn's multi-worker supervisor already does.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(0))
    uvicorn.run(
        "app.cli:served_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=None,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


def _set_app_role_password() -> None:
    """Give the application role APP_DATABASE_PASSWORD, when set, so the service can log in
    as it on a server that asks for passwords (a container, a managed PostgreSQL)."""
    from app.adapters.db.rls import APP_ROLE

    password = Settings().app_database_password
    if not password:
        return

    async def apply(db: Database) -> None:
        async with db.connect() as connection:
            literal = await connection.fetchval("SELECT quote_literal($1)", password)
            # ALTER ROLE takes no parameters: the literal is quoted by the server itself.
            await connection.execute(f"ALTER ROLE {APP_ROLE} PASSWORD {literal}")

    _run(apply)


def _refuse_per_process_limits(workers: int) -> None:
    """Several processes counting rate limits each alone would allow N times the limit."""
    from app.adapters.rate_limit import counts_per_process

    settings = Settings()
    if workers > 1 and settings.rate_limit and counts_per_process(settings.rate_limit_storage):
        typer.echo(
            f"error: with {workers} worker processes each would count RATE_LIMIT "
            f"({settings.rate_limit}) alone: set RATE_LIMIT_STORAGE=redis://host:6379/0 "
            "to share the count, or run one process (RATE_LIMIT= turns limits off)",
            err=True,
        )
        raise typer.Exit(2)


@org_cli.command("create")
def org_create(
    name: Annotated[str, typer.Option(help="Display name")],
    slug: Annotated[str, typer.Option(help="Short unique name, e.g. city-of-charlotte")],
) -> None:
    """Create an organisation and print its id."""
    organization = _run(
        lambda db: organizations.create_organization(
            uow=SqlUnitOfWork(db, None, admin=True), name=name, slug=slug
        )
    )
    typer.echo(str(organization.id))


@token_cli.command("create")
def token_create(
    org: Annotated[str, typer.Option(help="Organisation slug")],
    role: Annotated[Role, typer.Option(help="What the token may do")],
    scope: Annotated[list[str] | None, typer.Option(help="Extra scope (repeatable)")] = None,
    employee_number: Annotated[str | None, typer.Option(help="Bind to this employee")] = None,
    name: Annotated[str, typer.Option(help="What the token is for")] = "created with the CLI",
) -> None:
    """Mint an API token bound to one organisation (and employee); print it once."""

    async def mint(db: Database) -> str:
        organization = await organizations.organization_by_slug(
            uow=SqlUnitOfWork(db, None, admin=True), slug=org
        )
        employee_id = None
        if employee_number is not None:
            found = await employees.employee_by_number(
                uow=SqlUnitOfWork(db, organization.id), employee_number=employee_number
            )
            employee_id = found.id
        operator = Principal(organization.id, Role.ORG_ADMIN, "cli")
        issued = await access.create_api_token(
            uow=SqlUnitOfWork(db, organization.id),
            principal=operator,
            clock=SystemClock(),
            name=name,
            role=role,
            scopes=scope or (),
            employee_id=employee_id,
        )
        return issued.token

    typer.echo(_run(mint))


@cli.command()
def worker(
    batch_size: Annotated[int, typer.Option(help="Deliveries per batch")] = 20,
    idle_seconds: Annotated[float, typer.Option(help="Poll interval when idle")] = 1.0,
    allow_private_addresses: Annotated[
        bool, typer.Option(envvar="WEBHOOK_ALLOW_PRIVATE_ADDRESSES", help="Testing only")
    ] = False,
) -> None:
    """Deliver webhooks until stopped (several may run at once); the one holding the
    scheduler lock also announces deadlines and purges. `serve` does the same by default."""
    from app.adapters.background.leader import Leadership
    from app.adapters.background.schedule import Schedule, run_background
    from app.adapters.webhooks.sender import HttpWebhookSender
    from app.observability import configure_logging

    # An operator watching a worker sees it start, what each turn did, and that it stopped.
    configure_logging(Settings().log_level)
    log = logging.getLogger("mentoring.worker")

    async def loop(db: Database) -> None:
        sender = HttpWebhookSender(allow_private_addresses=allow_private_addresses)
        leadership = Leadership(_database_url())
        schedule = Schedule(batch_size, idle_seconds, deliver_without_lead=True)
        # SIGTERM (a deploy, `docker stop`) or Ctrl-C: finish the batch in hand and record
        # what it delivered, then exit 0. Killed instead, the batch's claim rolls back and
        # another worker sends it again (at least once; receivers dedupe on webhook-id).
        stop = asyncio.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            asyncio.get_running_loop().add_signal_handler(signum, stop.set)
        log.info("worker started", extra={"batch_size": batch_size, "idle_seconds": idle_seconds})
        try:
            await run_background(db, sender, leadership=leadership, stop=stop, schedule=schedule)
        finally:
            await leadership.release()
            await sender.close()
            log.info("worker stopped")

    _run(loop)


@cli.command()
def tick(
    every: Annotated[float, typer.Option(help="Seconds between ticks; 0: tick once")] = 0.0,
) -> None:
    """Announce checkpoints, checkups and term ends come due (each once; safe to repeat)."""
    from app.services.relationships.deadlines import tick as announce

    async def run(db: Database) -> None:
        while True:
            total = await announce(
                admin_uow=lambda: SqlUnitOfWork(db, None, admin=True),
                tenant_uow=lambda org_id: SqlUnitOfWork(db, org_id),
                clock=SystemClock(),
            )
            typer.echo(f"announced {total} deadlines")
            if every <= 0:
                return
            await asyncio.sleep(every)

    _run(run)


@cli.command()
def demo(
    slug: Annotated[str, typer.Option(help="Slug of the demo organisation")] = "demo",
    url: Annotated[str, typer.Option(help="Where the server answers")] = "http://127.0.0.1:8000",
) -> None:
    """Load a demo organisation (a directory, a program per preset, pairs in every state)."""
    from app.demo import load_demo, next_steps

    report = _run(
        lambda db: load_demo(
            admin_uow=lambda: SqlUnitOfWork(db, None, admin=True),
            tenant_uow=lambda org_id: SqlUnitOfWork(db, org_id),
            clock=SystemClock(),
            slug=slug,
        )
    )
    typer.echo(f"organisation: {report.slug}")
    for key, program in report.programs.items():
        typer.echo(f"program {key}: {program} (cohort {report.cohorts[key]})")
    for label, token in report.tokens.items():
        typer.echo(f"token {label}: {token}")
    for state, mentorship in report.mentorships.items():
        typer.echo(f"mentorship {state}: {mentorship}")
    typer.echo("\n".join(next_steps(report, url)))


cli_administration.register(org_cli, token_cli, _run)


def main() -> None:
    cli()
