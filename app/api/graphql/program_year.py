"""GraphQL of the program year: the coordinator's worklist and calendar edits, from the same
service functions as REST."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.preconditions import IF_MATCH, fingerprinted
from app.api.graphql.problems import Problem
from app.api.graphql.program_types import CohortEvent
from app.api.graphql.programs_common import args, or_problem, timed
from app.api.graphql.relay import PageInfo, cursor_argument, direction, page_info
from app.api.pagination import key_in, place
from app.domain.calendar.worklist import WorkItem as WorkItemRecord
from app.domain.calendar.worklist import WorkKind
from app.services.paging import encode_cursor
from app.services.program_year import calendars
from app.services.program_year.worklist import coordinator_worklist


@strawberry.type(description="One thing to do about one pair: the rule, its seed, when it was due")
class WorkItem:
    mentorship_id: UUID
    cohort_id: UUID
    kind: str = strawberry.field(
        description="What needs attention, one of: " + ", ".join(k.value for k in WorkKind)
    )
    rule: str
    seed: str
    due_on: date
    overdue: bool

    @classmethod
    def of(cls, item: WorkItemRecord) -> WorkItem:
        return cls(
            mentorship_id=item.mentorship_id,
            cohort_id=item.cohort_id,
            kind=item.kind.value,
            rule=item.rule,
            seed=item.seed,
            due_on=item.due_on,
            overdue=item.overdue,
        )


@strawberry.type
class WorkItemEdge:
    cursor: str
    node: WorkItem


@strawberry.type(description="A page of the worklist, worked out at each request")
class WorkItemConnection:
    edges: list[WorkItemEdge]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Items in the whole worklist")


MovedEventResult = Annotated[CohortEvent | Problem, strawberry.union("MovedEventResult")]


@strawberry.type
class ProgramYearQuery:
    @strawberry.field(
        description="What is overdue and due within `withinDays`, per cohort or organisation "
        "(Relay connection: `first`/`after` forward, `last`/`before` backward)"
    )
    async def worklist(
        self,
        info: strawberry.Info,
        cohort_id: UUID | None = None,
        within_days: int = 14,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> WorkItemConnection:
        count, cursor, backward = direction(first, after, last, before, default=50)
        at = key_in(cursor, place, cursor_argument(backward))
        page = await coordinator_worklist(
            **timed(info),
            cohort_id=cohort_id,
            within_days=within_days,
            # A cursor is the place just after its item: backward, the page ends at that item.
            offset=at - 1 if backward and at else at,
            limit=count,
            backward=backward,
        )
        edges = [
            WorkItemEdge(cursor=encode_cursor([page.start + n]), node=WorkItem.of(item))
            for n, item in enumerate(page.items, start=1)
        ]
        where = page_info(
            [e.cursor for e in edges], more=page.has_more, backward=backward, resumed=at is not None
        )
        return WorkItemConnection(edges=edges, page_info=where, total_count=page.total)


@strawberry.type
class ProgramYearMutation:
    @strawberry.mutation(description=f"Move or rename an event of a cohort's calendar. {IF_MATCH}")
    async def move_cohort_event(
        self,
        info: strawberry.Info,
        event_id: UUID,
        title: str | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        if_match: str | None = None,
    ) -> MovedEventResult:
        moved = await or_problem(
            fingerprinted(
                if_match,
                lambda expected: calendars.update_cohort_event(
                    **args(info),
                    event_id=event_id,
                    title=title,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    if_fingerprint=expected,
                ),
            )
        )
        return moved if isinstance(moved, Problem) else CohortEvent.of(moved)

    @strawberry.mutation(description="Take an event off a cohort's calendar (no attendance)")
    async def remove_cohort_event(self, info: strawberry.Info, event_id: UUID) -> MovedEventResult:
        removed = await or_problem(calendars.remove_cohort_event(**args(info), event_id=event_id))
        return removed if isinstance(removed, Problem) else CohortEvent.of(removed)
