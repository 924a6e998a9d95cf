"""GraphQL fields of the records issue 23 adds: Charlotte's luncheon host volunteers."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from app.api.graphql import relationship_types as t
from app.api.graphql.problems import Problem
from app.api.graphql.relationship_common import args, done, found
from app.services.relationships import disclosures, luncheon_groups


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

    @strawberry.mutation(
        description="The protege grants or refuses a request to speak with their supervisor"
    )
    async def answer_disclosure_consent(
        self, info: strawberry.Info, id: UUID, grant: bool
    ) -> t.DisclosureResult:
        work = disclosures.answer_consent(**args(info), disclosure_id=id, grant=grant)
        return await done(work, t.disclosure)

    @strawberry.mutation(description="The protege acknowledges a safety disclosure about them")
    async def acknowledge_disclosure(self, info: strawberry.Info, id: UUID) -> t.DisclosureResult:
        work = disclosures.acknowledge_disclosure(**args(info, clock=True), disclosure_id=id)
        return await done(work, t.disclosure)
