"""The background jobs, one step each: deliver a batch of webhooks, compute a queued matching
run, seal audit records, announce the deadlines come due, forget old idempotency keys.
`schedule.run_background` decides when."""

from __future__ import annotations

from datetime import timedelta

from app.adapters.clock import SystemClock
from app.adapters.db import audit_seals
from app.adapters.db.audit_chain import chain_key
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.services.integrations.ports import WebhookSender
from app.services.integrations.webhook_delivery import deliver_due
from app.services.matching.run_jobs import compute_next_run
from app.services.relationships.deadlines import tick

# Clients retry within minutes; a day is generous.
KEEP_IDEMPOTENCY_KEYS = timedelta(hours=24)


async def deliver_webhooks(database: Database, sender: WebhookSender, batch_size: int) -> int:
    """Send one batch of due deliveries (any organisation); answers how many were tried."""
    return await deliver_due(
        uow=SqlUnitOfWork(database, None, admin=True),
        sender=sender,
        clock=SystemClock(),
        batch_size=batch_size,
    )


async def compute_matching_run(database: Database) -> int:
    """Compute the oldest queued matching run of any organisation; answers 1, or 0 if none."""
    computed = await compute_next_run(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org_id: SqlUnitOfWork(database, org_id),
        clock=SystemClock(),
    )
    return int(computed)


async def announce_deadlines(database: Database) -> int:
    """Announce every checkpoint, checkup, term end and program-evaluation round come due,
    each once."""
    return await tick(
        admin_uow=lambda: SqlUnitOfWork(database, None, admin=True),
        tenant_uow=lambda org_id: SqlUnitOfWork(database, org_id),
        clock=SystemClock(),
    )


async def seal_audit_records(database: Database) -> int:
    """Seal the audit records committed since the last turn (every organisation)."""
    async with database.connect() as connection:
        return await audit_seals.seal_pending(connection, chain_key())


async def purge_idempotency_keys(
    database: Database, older_than: timedelta = KEEP_IDEMPOTENCY_KEYS
) -> int:
    """Forget stored responses older than `older_than` in every organisation."""
    async with SqlUnitOfWork(database, None, admin=True) as uow:
        purged = await uow.integrations.purge_idempotency_keys(older_than)
        await uow.commit()
    return purged
