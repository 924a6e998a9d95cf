"""The unit of work: one connection, one transaction, the repositories bound to one tenant."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Any, Self, TypeVar, cast
from uuid import UUID

import asyncpg

from app.adapters.db import statistics
from app.adapters.db.database import Database
from app.adapters.db.repositories.access import SqlAccessRepository
from app.adapters.db.repositories.employees import SqlEmployeeRepository
from app.adapters.db.repositories.integrations import SqlIntegrationRepository
from app.adapters.db.repositories.mentor_register import (
    SqlCommittee,
    SqlConflicts,
    SqlMentorRegister,
)
from app.adapters.db.repositories.organizations import SqlOrganizationRepository
from app.adapters.db.repositories.outbox import SqlOutbox
from app.adapters.db.repositories.programs import SqlProgramRepository
from app.adapters.db.repositories.relationships import SqlRelationshipRepository
from app.adapters.db.repositories.trail import Trail
from app.adapters.db.rls import ORG_SETTING
from app.services.programs.records import KnownPairs

_savepoints = itertools.count()
R = TypeVar("R")


class SqlUnitOfWork:
    """`async with uow:` rolls back unless the service awaited `uow.commit()`.

    The transaction starts with the tenant setting that row-level security reads, sent in
    the same round trip as BEGIN. Inside an already open transaction (the test suite's) it
    is a savepoint instead, so a service's commit still leaves the test's rollback to undo it.
    `admin=True` (CLI commands, run as the schema owner) may cross tenants.

    `async with uow.read_only():` is for use cases that only read: no transaction, the
    tenant as a session setting kept from one use to the next (see `TenantConnection`).
    """

    def __init__(
        self,
        database: Database,
        organization_id: UUID | None,
        *,
        admin: bool = False,
        known_pairs: KnownPairs | None = None,
    ) -> None:
        self._database = database
        self._organization_id = organization_id
        self._admin = admin
        self._reading = False
        self._known_pairs = known_pairs

    def read_only(self) -> Self:
        """This use case only reads: run it without a transaction (one round trip a query)."""
        self._reading = True
        return self

    @property
    def _tenant(self) -> str:
        return "" if self._organization_id is None else str(self._organization_id)

    def _opening(self, nested: str | None) -> str:
        start = f"SAVEPOINT {nested}" if nested else "BEGIN"
        # Always set: '' overrides a session tenant left by a read (fail closed). A UUID is
        # safe to inline as a literal.
        settings = [f"set_config('{ORG_SETTING}', '{self._tenant}', true)"]
        if self._admin:
            settings.append("set_config('app.is_admin', 'on', true)")
        return f"{start}; SELECT {', '.join(settings)}"

    async def _open(self, connection: asyncpg.Connection) -> None:
        nested = connection.is_in_transaction()
        self._transaction = not (self._reading and not nested and not self._admin)
        self._savepoint = f"uow_{next(_savepoints)}" if nested else None
        if self._transaction:
            await connection.execute(self._opening(self._savepoint))
        else:
            await connection.use_tenant(self._tenant)

    async def __aenter__(self) -> Self:
        self._borrowed: AbstractAsyncContextManager[asyncpg.Connection] = self._database.connect()
        connection = await self._borrowed.__aenter__()
        try:
            await self._open(connection)
        except BaseException as error:
            await self._borrowed.__aexit__(type(error), error, error.__traceback__)
            raise
        self._connection, self._done = connection, False
        self._bulk_written: set[str] = set()
        # Audit records and outbox events go with the commit (see `Trail`).
        self._trail = Trail(connection, self._organization_id, deferred=self._transaction)
        self._made: dict[str, Any] = {}  # the repositories, each made when first used
        return self

    # A use case uses one or two of the ten repositories: each is made on first use (a read
    # of one employee made the other nine for nothing).

    @property
    def organizations(self) -> SqlOrganizationRepository:
        return self._repository(
            "organizations",
            lambda: SqlOrganizationRepository(self._connection, self._organization_id),
        )

    @property
    def employees(self) -> SqlEmployeeRepository:
        return self._repository(
            "employees",
            lambda: SqlEmployeeRepository(
                self._connection, self._organization_id, bulk_written=self._bulk_written
            ),
        )

    @property
    def access(self) -> SqlAccessRepository:
        return self._repository(
            "access",
            lambda: SqlAccessRepository(self._connection, self._organization_id, self._trail),
        )

    @property
    def outbox(self) -> SqlOutbox:
        return self._repository("outbox", lambda: SqlOutbox(self._trail))

    @property
    def programs(self) -> SqlProgramRepository:
        return self._repository(
            "programs",
            lambda: SqlProgramRepository(
                self._connection, self._organization_id, self._known_pairs
            ),
        )

    @property
    def integrations(self) -> SqlIntegrationRepository:
        return self._repository(
            "integrations",
            lambda: SqlIntegrationRepository(self._connection, self._organization_id),
        )

    @property
    def relationships(self) -> SqlRelationshipRepository:
        trail = self._trail if self._transaction else None
        return self._repository(
            "relationships",
            lambda: SqlRelationshipRepository(self._connection, self._organization_id, trail),
        )

    @property
    def register(self) -> SqlMentorRegister:
        return self._repository(
            "register", lambda: SqlMentorRegister(self._connection, self._organization_id)
        )

    @property
    def conflicts(self) -> SqlConflicts:
        return self._repository(
            "conflicts", lambda: SqlConflicts(self._connection, self._organization_id)
        )

    @property
    def committee(self) -> SqlCommittee:
        return self._repository(
            "committee", lambda: SqlCommittee(self._connection, self._organization_id)
        )

    def _repository(self, name: str, make: Callable[[], R]) -> R:
        if (made := self._made.get(name)) is None:
            made = self._made[name] = make()
        return cast(R, made)

    async def commit(self) -> None:
        if not self._transaction:
            raise RuntimeError("a read-only unit of work has nothing to commit")
        await self._trail.write()
        await self._connection.execute(
            f"RELEASE SAVEPOINT {self._savepoint}" if self._savepoint else "COMMIT"
        )
        self._done = True
        if self._bulk_written and not self._savepoint:  # a savepoint's rows are not yet in
            statistics.refresh_later(self._database.connect, self._bulk_written)

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._transaction and not self._done and not self._connection.is_closed():
                await self._connection.execute(
                    f"ROLLBACK TO SAVEPOINT {self._savepoint}" if self._savepoint else "ROLLBACK"
                )
        finally:
            self._reading = False  # a later `async with uow:` is a transaction again
            await self._borrowed.__aexit__(et, e, tb)
