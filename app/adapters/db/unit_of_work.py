"""The unit of work: one connection, one transaction, the repositories bound to one tenant."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Self
from uuid import UUID

import asyncpg
from asyncpg.transaction import Transaction

from app.adapters.db.database import Database
from app.adapters.db.repositories.employees import SqlEmployeeRepository
from app.adapters.db.repositories.organizations import SqlOrganizationRepository


class SqlUnitOfWork:
    """`async with uow:` rolls back unless the service awaited `uow.commit()`.

    Inside an already open transaction (the test suite's) asyncpg makes it a savepoint, so
    a service's commit releases the savepoint and the test's rollback still undoes it.
    """

    organizations: SqlOrganizationRepository
    employees: SqlEmployeeRepository

    def __init__(self, database: Database, organization_id: UUID | None) -> None:
        self._database = database
        self._organization_id = organization_id

    async def __aenter__(self) -> Self:
        self._borrowed: AbstractAsyncContextManager[asyncpg.Connection] = self._database.connect()
        connection = await self._borrowed.__aenter__()
        try:
            self._transaction: Transaction = connection.transaction()
            await self._transaction.start()
        except BaseException as error:
            await self._borrowed.__aexit__(type(error), error, error.__traceback__)
            raise
        self._done = False
        self.organizations = SqlOrganizationRepository(connection)
        self.employees = SqlEmployeeRepository(connection, self._organization_id)
        return self

    async def commit(self) -> None:
        await self._transaction.commit()
        self._done = True

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self._done:
                await self._transaction.rollback()
        finally:
            await self._borrowed.__aexit__(et, e, tb)
