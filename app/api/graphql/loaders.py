"""DataLoaders: one per relation per request, so a list never costs a query per row. Each is
made when a query first asks for its relation (most queries ask for one or two of them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from uuid import UUID

from strawberry.dataloader import DataLoader

from app.domain.access import Principal
from app.domain.directory import Employee
from app.services import cohorts as cohort_service
from app.services import employees as directory
from app.services import goals as goal_service
from app.services import meetings as meeting_service
from app.services import mentorships as mentorship_service
from app.services.goals import GoalPage
from app.services.mentorship_progress import ProgressView
from app.services.ports import UnitOfWork
from app.services.program_records import CohortEvent
from app.services.relationship_records import Meeting

# A page of a mentorship's goals: (mentorship id, first, after).
GoalKey = tuple[UUID, int, UUID | None]


class Loaders:
    def __init__(self, new_uow: Callable[[], UnitOfWork], principal: Principal) -> None:
        self._new_uow = new_uow
        self._principal = principal

    @cached_property
    def employee(self) -> DataLoader[UUID, Employee | None]:
        async def employees(ids: Sequence[UUID]) -> list[Employee | None]:
            return await directory.employees_by_ids(
                uow=self._new_uow(), principal=self._principal, ids=ids
            )

        return DataLoader(load_fn=employees)

    @cached_property
    def reports(self) -> DataLoader[UUID, list[Employee]]:
        async def reports(ids: Sequence[UUID]) -> list[list[Employee]]:
            return await directory.reports_of(
                uow=self._new_uow(), principal=self._principal, manager_ids=ids
            )

        return DataLoader(load_fn=reports)

    @cached_property
    def cohort_events(self) -> DataLoader[UUID, list[CohortEvent]]:
        async def cohort_events(ids: Sequence[UUID]) -> list[list[CohortEvent]]:
            return await cohort_service.events_of_cohorts(
                uow=self._new_uow(), principal=self._principal, cohort_ids=ids
            )

        return DataLoader(load_fn=cohort_events)

    @cached_property
    def goals(self) -> DataLoader[GoalKey, GoalPage | None]:
        async def goals(keys: Sequence[GoalKey]) -> list[GoalPage | None]:
            # One query per distinct page asked (a dashboard asks one: the first page of each).
            found: dict[GoalKey, GoalPage | None] = {}
            for (first, after), ids in _by_page(keys).items():
                pages = await goal_service.goal_pages(
                    uow=self._new_uow(),
                    principal=self._principal,
                    mentorship_ids=ids,
                    first=first,
                    after=after,
                )
                found.update({(i, first, after): p for i, p in zip(ids, pages, strict=True)})
            return [found[k] for k in keys]

        return DataLoader(load_fn=goals)

    @cached_property
    def last_meeting(self) -> DataLoader[UUID, Meeting | None]:
        async def last_meetings(ids: Sequence[UUID]) -> list[Meeting | None]:
            return await meeting_service.last_meetings(
                uow=self._new_uow(), principal=self._principal, mentorship_ids=ids
            )

        return DataLoader(load_fn=last_meetings)

    @cached_property
    def progress(self) -> DataLoader[UUID, ProgressView | None]:
        async def progress(ids: Sequence[UUID]) -> list[ProgressView | None]:
            return await mentorship_service.progress_of_mentorships(
                uow=self._new_uow(), principal=self._principal, mentorship_ids=ids
            )

        return DataLoader(load_fn=progress)


def _by_page(keys: Sequence[GoalKey]) -> dict[tuple[int, UUID | None], list[UUID]]:
    grouped: dict[tuple[int, UUID | None], list[UUID]] = {}
    for mentorship_id, first, after in keys:
        grouped.setdefault((first, after), []).append(mentorship_id)
    return grouped
