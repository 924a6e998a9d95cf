"""DataLoaders: one per relation per request, so a list never costs a query per row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from uuid import UUID

from strawberry.dataloader import DataLoader

from app.domain.access import Principal
from app.domain.directory import Employee
from app.services import cohorts as cohort_service
from app.services import employees as directory
from app.services.ports import UnitOfWork
from app.services.program_records import CohortEvent


class Loaders:
    def __init__(self, new_uow: Callable[[], UnitOfWork], principal: Principal) -> None:
        async def employees(ids: Sequence[UUID]) -> list[Employee | None]:
            return await directory.employees_by_ids(uow=new_uow(), principal=principal, ids=ids)

        async def reports(ids: Sequence[UUID]) -> list[list[Employee]]:
            return await directory.reports_of(uow=new_uow(), principal=principal, manager_ids=ids)

        self.employee: DataLoader[UUID, Employee | None] = DataLoader(load_fn=employees)
        self.reports: DataLoader[UUID, list[Employee]] = DataLoader(load_fn=reports)

        async def cohort_events(ids: Sequence[UUID]) -> list[list[CohortEvent]]:
            return await cohort_service.events_of_cohorts(
                uow=new_uow(), principal=principal, cohort_ids=ids
            )

        self.cohort_events: DataLoader[UUID, list[CohortEvent]] = DataLoader(load_fn=cohort_events)
