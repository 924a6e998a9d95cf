"""A unit of work's audit records and outbox events are written with its commit, in one
statement, and only then: what is rolled back never reaches the log or the webhooks."""

from __future__ import annotations

import uuid

from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import AuditEvent, Principal, Role
from app.services import organizations
from tests.api.graphql.test_efficiency import CountingConnection


def _admin(org) -> Principal:
    return Principal(org.id, Role.ORG_ADMIN, "trail@test")


async def _trail_of(connection, org) -> tuple[list[str], list[str]]:
    await connection.execute("SELECT set_config('app.organization_id', $1, false)", str(org.id))
    actions = await connection.fetch(
        "SELECT action FROM audit_events WHERE actor = 'trail@test' ORDER BY id"
    )
    events = await connection.fetch("SELECT event_type FROM outbox_events ORDER BY id")
    return [r[0] for r in actions], [r[0] for r in events]


async def test_what_a_unit_of_work_records_is_written_with_its_commit(database, connection, org):
    counting = CountingConnection(connection)
    database._connection = counting
    async with SqlUnitOfWork(database, org.id) as uow:
        await uow.access.record(AuditEvent.by(_admin(org), "trail.first", "thing", "1"))
        await uow.outbox.emit("program.created", {"program_id": "p1"})
        await uow.access.record_many(
            [AuditEvent.by(_admin(org), f"trail.then-{n}", "thing", str(n)) for n in (2, 3)]
        )
        await uow.outbox.emit("luncheon_groups.set", {"cohort_id": "c1", "groups": 2})
        before_commit = counting.statements
        await uow.commit()
    # All three records and both events in one statement (nothing read first: no chain head
    # to wait for), then the commit (or the savepoint's release, inside the test's own
    # transaction).
    assert counting.statements - before_commit == 2
    database._connection = connection
    assert await _trail_of(connection, org) == (
        ["trail.first", "trail.then-2", "trail.then-3"],
        ["program.created", "luncheon_groups.set"],
    )


async def test_a_unit_of_work_left_without_commit_writes_nothing(database, connection, org):
    async with SqlUnitOfWork(database, org.id) as uow:
        await uow.access.record(AuditEvent.by(_admin(org), "trail.lost", "thing"))
        await uow.outbox.emit("program.created", {"program_id": "p1"})
    assert await _trail_of(connection, org) == ([], [])


async def test_a_read_only_unit_of_work_audits_at_once(app_url):
    # No transaction to commit (outside the tests' own, which makes every unit of work a
    # savepoint): an audited read is written as it is recorded.
    database = Database(app_url, pool_size=2)
    await database.open()
    try:
        org = await organizations.create_organization(
            uow=SqlUnitOfWork(database, None), name="Trail", slug="trail-" + uuid.uuid4().hex[:8]
        )
        async with SqlUnitOfWork(database, org.id).read_only() as uow:
            await uow.access.record(AuditEvent.by(_admin(org), "trail.read", "thing"))
            async with database.connect() as other:
                assert await _trail_of(other, org) == (["trail.read"], [])
    finally:
        await database.close()
