"""GraphQL fields of Maine's exception 3 answered: the program administrator's recommendation
that the pair end the relationship, which either participant then ends (`endMentorship`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.built import build
from app.api.graphql.problems import Problem
from app.api.graphql.relationship_common import args, done, found
from app.services.relationships import endings


@strawberry.type(
    description="The program administrator recommends that the pair end the relationship "
    "(Maine); either participant ends it"
)
class TerminationRecommendation:
    id: UUID
    mentorship_id: UUID
    recommended_on: date
    recommended_by: UUID | None
    reason: str


TerminationRecommendationResult = Annotated[
    TerminationRecommendation | Problem, strawberry.union("TerminationRecommendationResult")
]


@strawberry.type
class TerminationQuery:
    @strawberry.field(
        description="The administrator's recommendations to end the pair (the pair and staff)"
    )
    async def termination_recommendations(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> list[TerminationRecommendation] | None:
        work = endings.termination_recommendations(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda rs: [build(TerminationRecommendation, r) for r in rs])


@strawberry.type
class TerminationMutation:
    @strawberry.mutation(
        description="The program administrator recommends that the pair end it (Maine)"
    )
    async def recommend_termination(
        self, info: strawberry.Info, mentorship_id: UUID, reason: str = ""
    ) -> TerminationRecommendationResult:
        work = endings.recommend_mentorship_termination(
            **args(info, clock=True), mentorship_id=mentorship_id, reason=reason
        )
        return await done(work, lambda r: build(TerminationRecommendation, r))
