"""GraphQL fields of the records issue 23 adds: Charlotte's luncheon host volunteers."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from app.api.graphql.problems import Problem
from app.api.graphql.relationship_common import args, done, found
from app.services.relationships import luncheon_groups


@strawberry.type(description="A cohort's volunteer luncheon hosts, first offered first")
class LuncheonHosts:
    cohort_id: UUID
    volunteers: list[UUID]


LuncheonHostsResult = Annotated[LuncheonHosts | Problem, strawberry.union("LuncheonHostsResult")]


def _hosts(found: Any) -> LuncheonHosts:
    return LuncheonHosts(cohort_id=found.cohort_id, volunteers=list(found.volunteers))


@strawberry.type
class RecordsQuery:
    @strawberry.field(description="A cohort's volunteer luncheon hosts (coordinators)")
    async def luncheon_hosts(self, info: strawberry.Info, cohort_id: UUID) -> LuncheonHosts | None:
        work = luncheon_groups.list_luncheon_hosts(**args(info), cohort_id=cohort_id)
        return await found(work, _hosts)


@strawberry.type
class RecordsMutation:
    @strawberry.mutation(description="A mentor of the cohort volunteers to host a luncheon once")
    async def volunteer_to_host_luncheon(
        self, info: strawberry.Info, cohort_id: UUID
    ) -> LuncheonHostsResult:
        work = luncheon_groups.volunteer_to_host(**args(info), cohort_id=cohort_id)
        return await done(work, _hosts)
