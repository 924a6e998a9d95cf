"""DataLoaders: one per relation per request, so a list never costs a query per row. Each is
made when a query first asks for its relation (most queries ask for one or two of them)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader

from app.domain.access import Principal
from app.domain.directory import Employee
from app.services import cohorts as cohort_service
from app.services.directory import employees as directory
from app.services.ports import UnitOfWork
from app.services.programs.records import CohortEvent
from app.services.relationships import goals as goal_service
from app.services.relationships import meetings as meeting_service
from app.services.relationships import mentorships as mentorship_service
from app.services.relationships.goals import GoalPage
from app.services.relationships.progress import ProgressView
from app.services.relationships.records import Meeting

# A page of a mentorship's goals: (mentorship id, how many, from which goal, backward).
GoalKey = tuple[UUID, int, UUID | None, bool]
GoalPageAsked = tuple[int, UUID | None, bool]

Key = TypeVar("Key")
Found = TypeVar("Found")
# A batch function: the unit-of-work factory, the caller and the keys, to one answer a key.
Batch = Callable[[Callable[[], UnitOfWork], Principal, Sequence[Key]], Awaitable[list[Found]]]


class Loaders:
    def __init__(self, new_uow: Callable[[], UnitOfWork], principal: Principal) -> None:
        self._new_uow = new_uow
        self._principal = principal

    def _batched(self, load: Batch[Key, Found]) -> DataLoader[Key, Found]:
        """A loader over `load`, its function holding the unit-of-work factory and the
        principal rather than `self` (a loader holding its `Loaders` would be a cycle)."""
        new_uow, principal = self._new_uow, self._principal

        async def batch(keys: Sequence[Key]) -> list[Found]:
            return await load(new_uow, principal, keys)

        return DataLoader(load_fn=batch)

    @cached_property
    def employee(self) -> DataLoader[UUID, Employee | None]:
        return self._batched(
            lambda new_uow, principal, ids: directory.employees_by_ids(
                uow=new_uow(), principal=principal, ids=ids
            )
        )

    @cached_property
    def reports(self) -> DataLoader[UUID, list[Employee]]:
        return self._batched(
            lambda new_uow, principal, ids: directory.reports_of(
                uow=new_uow(), principal=principal, manager_ids=ids
            )
        )

    @cached_property
    def cohort_events(self) -> DataLoader[UUID, list[CohortEvent]]:
        return self._batched(
            lambda new_uow, principal, ids: cohort_service.events_of_cohorts(
                uow=new_uow(), principal=principal, cohort_ids=ids
            )
        )

    @cached_property
    def goals(self) -> DataLoader[GoalKey, GoalPage | None]:
        return self._batched(_goal_pages)

    @cached_property
    def last_meeting(self) -> DataLoader[UUID, Meeting | None]:
        return self._batched(
            lambda new_uow, principal, ids: meeting_service.last_meetings(
                uow=new_uow(), principal=principal, mentorship_ids=ids
            )
        )

    @cached_property
    def progress(self) -> DataLoader[UUID, ProgressView | None]:
        return self._batched(
            lambda new_uow, principal, ids: mentorship_service.progress_of_mentorships(
                uow=new_uow(), principal=principal, mentorship_ids=ids
            )
        )


async def _goal_pages(
    new_uow: Callable[[], UnitOfWork], principal: Principal, keys: Sequence[GoalKey]
) -> list[GoalPage | None]:
    # One query per distinct page asked (a dashboard asks one: the first page of each).
    found: dict[GoalKey, GoalPage | None] = {}
    for (count, cursor, backward), ids in _by_page(keys).items():
        pages = await goal_service.goal_pages(
            uow=new_uow(),
            principal=principal,
            mentorship_ids=ids,
            first=count,
            after=cursor,
            backward=backward,
        )
        found.update({(i, count, cursor, backward): p for i, p in zip(ids, pages, strict=True)})
    return [found[k] for k in keys]


def _by_page(keys: Sequence[GoalKey]) -> dict[GoalPageAsked, list[UUID]]:
    grouped: dict[GoalPageAsked, list[UUID]] = {}
    for mentorship_id, count, cursor, backward in keys:
        grouped.setdefault((count, cursor, backward), []).append(mentorship_id)
    return grouped
