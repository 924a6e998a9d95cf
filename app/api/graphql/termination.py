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
    description="The participant's contact a recommendation answers: its facts, never its content"
)
class ContactAnswered:
    disclosure_id: UUID = strawberry.field(
        description="The disclosure in the pair's file of disclosures"
    )
    kind: str = strawberry.field(description="Always `relationship_not_working`")
    contacted_on: date = strawberry.field(
        description="The day the participant told the administrator"
    )


@strawberry.type(
    description="The program administrator recommends that the pair end the relationship "
    "(Maine), in answer to a participant's contact; either participant ends it"
)
class TerminationRecommendation:
    id: UUID
    mentorship_id: UUID
    recommended_on: date
    recommended_by: UUID | None
    answers: ContactAnswered | None = strawberry.field(
        description="The participant's `relationship_not_working` disclosure it answers (the "
        "latest on record when it was made; none for recommendations made before one was asked)"
    )
    reason: str


def _built(made: endings.TerminationRecommendationView) -> TerminationRecommendation:
    contact = made.answers
    answers = build(ContactAnswered, contact) if contact else None
    return build(TerminationRecommendation, made, answers=answers)


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
        return await found(work, lambda rs: [_built(r) for r in rs])


@strawberry.type
class TerminationMutation:
    @strawberry.mutation(
        description="The program administrator recommends that the pair end it (Maine), in "
        "answer to a participant's contact: refused (rule `no_participant_contact`) until the "
        "mentor or the protégé of this pair has recorded a `relationship_not_working` "
        "disclosure to the administrator (`recordDisclosure`)"
    )
    async def recommend_termination(
        self, info: strawberry.Info, mentorship_id: UUID, reason: str = ""
    ) -> TerminationRecommendationResult:
        work = endings.recommend_mentorship_termination(
            **args(info, clock=True), mentorship_id=mentorship_id, reason=reason
        )
        return await done(work, _built)
