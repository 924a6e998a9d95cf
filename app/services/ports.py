"""The ports the use cases need. Adapters implement them; tests may fake them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self
from uuid import UUID

from app.domain.directory import Employee


class Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class Organization:
    id: UUID
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class UpsertOutcome:
    created: int
    updated: int


class OrganizationRepository(Protocol):
    async def add(self, organization: Organization) -> None: ...
    async def by_slug(self, slug: str) -> Organization | None: ...
    async def get(self, organization_id: UUID) -> Organization | None: ...


class EmployeeRepository(Protocol):
    async def get(self, employee_id: UUID) -> Employee | None: ...
    async def get_many(self, ids: Sequence[UUID]) -> list[Employee]: ...
    async def by_number(self, employee_number: str) -> Employee | None: ...
    async def page(
        self, *, after: str | None, limit: int, filters: Mapping[str, str] | None = None
    ) -> list[Employee]: ...
    async def reports_of(self, manager_ids: Sequence[UUID]) -> list[Employee]: ...
    async def manager_numbers(self) -> dict[str, str | None]: ...
    async def upsert(self, rows: Sequence[Mapping[str, Any]]) -> UpsertOutcome: ...
    async def resolve_managers(self) -> None: ...


class UnitOfWork(Protocol):
    """One transaction. Leaving the block rolls back unless `commit()` was awaited."""

    @property
    def organizations(self) -> OrganizationRepository: ...
    @property
    def employees(self) -> EmployeeRepository: ...

    async def __aenter__(self) -> Self: ...
    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    async def commit(self) -> None: ...
