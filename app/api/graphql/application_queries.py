"""Reading a cohort's applications in GraphQL: the same service functions as REST."""

from __future__ import annotations

from uuid import UUID

import strawberry

from app.api.graphql.program_types import Application
from app.api.graphql.programs_common import args, or_none
from app.api.graphql.relay import Connection, cursor_argument, direction
from app.api.pagination import arrival
from app.services import applications
from app.services.paging import encode_cursor


@strawberry.type
class ApplicationQuery:
    @strawberry.field(
        description="A cohort's applications in the order they came (Relay connection: "
        "`first`/`after` forward, `last`/`before` backward); null when not found"
    )
    async def applications(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Application] | None:
        count, cursor, backward = direction(first, after, last, before, default=50)
        found = await or_none(
            applications.applications_page(
                **args(info),
                cohort_id=cohort_id,
                after=arrival(cursor, cursor_argument(backward)),
                limit=count,
                backward=backward,
            )
        )
        if found is None:
            return None
        cursors = [encode_cursor([str(a.created_at), str(a.id)]) for a in found.items]
        return Connection.of(
            [Application.of(a) for a in found.items],
            cursors,
            more=found.has_more,
            backward=backward,
            resumed=cursor is not None,
        )

    @strawberry.field(description="An application and its eligibility; null when not found")
    async def application(self, info: strawberry.Info, id: UUID) -> Application | None:
        found = await or_none(applications.get_application(**args(info), application_id=id))
        return Application.of(found) if found else None
