"""Reading matching runs, volunteers and shortlists in GraphQL (the same services as REST)."""

from __future__ import annotations

from typing import cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.matching_types import (
    MatchingRun,
    Proposal,
    ProposalConnection,
    ProposalEdge,
    SuggestedMentor,
    Volunteer,
)
from app.api.graphql.programs_common import args, or_none, timed
from app.api.graphql.relay import Connection, bounded, direction, page_info
from app.api.pagination import by
from app.services import volunteers
from app.services.matching import interview_shortlist
from app.services.matching import proposals as run_proposals
from app.services.matching import runs as matching_runs


@strawberry.type
class MatchingQuery:
    @strawberry.field(description="A matching run with its proposals; null when not found")
    async def matching_run(self, info: strawberry.Info, id: UUID) -> MatchingRun | None:
        found = await or_none(matching_runs.get_matching_run(**args(info), run_id=id))
        return MatchingRun.of(found) if found else None

    @strawberry.field(
        description="A matching run's proposals a page at a time, in mentee id order (Relay "
        "connection: `first`/`after` forward, `last`/`before` backward); null when the run "
        "is not found"
    )
    async def matching_run_proposals(
        self,
        info: strawberry.Info,
        id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ProposalConnection | None:
        count, key, backward = direction(first, after, last, before, default=50)
        found = await or_none(
            run_proposals.list_run_proposals(
                **args(info), run_id=id, limit=count, cursor=key, backward=backward
            )
        )
        if found is None:
            return None
        edges = [
            ProposalEdge(cursor=c, node=Proposal.of(p))
            for c, p in zip(found.cursors, found.items, strict=True)
        ]
        where = page_info(
            found.cursors, more=found.has_more, backward=backward, resumed=key is not None
        )
        return ProposalConnection(edges=edges, page_info=where)

    @strawberry.field(description="Eligible mentors with places left; null when not found")
    async def volunteers(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Volunteer] | None:
        found = await or_none(volunteers.list_volunteers(**args(info), cohort_id=cohort_id))
        if found is None:
            return None
        return bounded(found, first, after, last, before, key=by("employee_id"), make=Volunteer.of)

    @strawberry.field(description="An interview shortlist of mentors; null when not found")
    async def suggested_mentors(
        self, info: strawberry.Info, application_id: UUID, count: int = 5
    ) -> list[SuggestedMentor] | None:
        found = await or_none(
            interview_shortlist.suggest_mentors(
                **timed(info), application_id=application_id, count=count
            )
        )
        if found is None:
            return None
        return [
            SuggestedMentor(
                mentor_id=UUID(str(e.mentor_id)),
                score=e.score.total,
                explanation=cast(JSON, e.to_dict()),
            )
            for e in found
        ]
