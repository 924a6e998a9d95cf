"""The unit of work: one connection, one transaction, the repositories bound to one tenant."""

from __future__ import annotations

import itertools
from contextlib import AbstractAsyncContextManager
from functools import cached_property
from types import TracebackType
from typing import Self
from uuid import UUID

import asyncpg

from app.adapters.db import statistics
from app.adapters.db.database import Database
from app.adapters.db.repositories.access import SqlAccessRepository
from app.adapters.db.repositories.employees import SqlEmployeeRepository
from app.adapters.db.repositories.integrations import SqlIntegrationRepository
from app.adapters.db.repositories.matching.mentorships import (
    hold_mentorship,
    hold_mentorship_of_meeting,
)
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


class SqlUnitOfWork:
    """`async with uow:` rolls back unless the service awaited `uow.commit()`.

    The transaction starts with the tenant setting that row-level security reads, sent in
    the same round trip as BEGIN. Inside an already open transaction (the test suite's) it
    is a savepoint instead, so a service's commit still leaves the test's rollback to undo it.
    `admin=True` (CLI commands, run as the schema owner) may cross tenants.

    `async with uow.read_only():` is for use cases that only read: no transaction, the
    tenant as a session setting kept from one use to the next (see `TenantConnection`).
    `async with uow.holding_pair(id):` takes a mentorship's row lock in that same first
    round trip; `uow.holding_pair_of_meeting(id)` the lock of a meeting's mentorship.
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
        self._hold: str | None = None  # the statement that locks a held pair's row
        self._known_pairs = known_pairs

    def read_only(self) -> Self:
        """This use case only reads: run it without a transaction (one round trip a query)."""
        self._reading = True
        return self

    def holding_pair(self, mentorship_id: UUID, *, shared: bool = False) -> Self:
        """This use case holds the mentorship's row (`shared`: FOR SHARE, else FOR UPDATE)
        from its first round trip on, sent with BEGIN and the tenant rather than as a
        statement of its own. A read of the pair made afterwards waits for nothing, so it
        sees whatever a transition that held the row committed before the lock was granted."""
        self._hold = hold_mentorship(self._tenant, mentorship_id, shared)
        return self

    def holding_pair_of_meeting(self, meeting_id: UUID) -> Self:
        """As `holding_pair` (not shared), for the mentorship the meeting is of, found in the
        same statement: one round trip, where reading the meeting and then locking its pair
        took two."""
        self._hold = hold_mentorship_of_meeting(self._tenant, meeting_id)
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
        opening = f"{start}; SELECT {', '.join(settings)}"
        if self._hold is not None:  # after the tenant: row-level security applies to it
            opening += "; " + self._hold
        return opening

    async def _open(self, connection: asyncpg.Connection) -> None:
        nested = connection.is_in_transaction()
        self._transaction = not (self._reading and not nested and not self._admin)
        if self._hold is not None and not self._transaction:
            raise RuntimeError("a read-only unit of work holds no row")
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
        self._forget_repositories()
        return self

    # A use case uses one or two of the ten repositories: each is made on first use (a read
    # of one employee made the other nine for nothing), and forgotten when the unit of work
    # is entered again, on another connection (`_forget_repositories`).

    @cached_property
    def organizations(self) -> SqlOrganizationRepository:
        return SqlOrganizationRepository(self._connection, self._organization_id)

    @cached_property
    def employees(self) -> SqlEmployeeRepository:
        return SqlEmployeeRepository(
            self._connection, self._organization_id, bulk_written=self._bulk_written
        )

    @cached_property
    def access(self) -> SqlAccessRepository:
        return SqlAccessRepository(self._connection, self._organization_id, self._trail)

    @cached_property
    def outbox(self) -> SqlOutbox:
        return SqlOutbox(self._trail)

    @cached_property
    def programs(self) -> SqlProgramRepository:
        return SqlProgramRepository(self._connection, self._organization_id, self._known_pairs)

    @cached_property
    def integrations(self) -> SqlIntegrationRepository:
        return SqlIntegrationRepository(self._connection, self._organization_id)

    @cached_property
    def relationships(self) -> SqlRelationshipRepository:
        trail = self._trail if self._transaction else None
        return SqlRelationshipRepository(self._connection, self._organization_id, trail)

    @cached_property
    def register(self) -> SqlMentorRegister:
        return SqlMentorRegister(self._connection, self._organization_id)

    @cached_property
    def conflicts(self) -> SqlConflicts:
        return SqlConflicts(self._connection, self._organization_id)

    @cached_property
    def committee(self) -> SqlCommittee:
        return SqlCommittee(self._connection, self._organization_id)

    def _forget_repositories(self) -> None:
        for name in _REPOSITORIES:
            self.__dict__.pop(name, None)

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
            self._hold = None
            await self._borrowed.__aexit__(et, e, tb)


# The repositories a unit of work makes on first use, by name (its cached properties).
_REPOSITORIES = tuple(
    name for name, kind in vars(SqlUnitOfWork).items() if isinstance(kind, cached_property)
)
