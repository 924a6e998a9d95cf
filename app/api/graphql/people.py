"""Who takes part and who pairs in GraphQL (issue 22), made of its concept modules (the same
service functions as REST). Strawberry lists a type's fields base by base, in the order the
bases are named, then the type's own."""

from __future__ import annotations

from uuid import UUID

import strawberry

from app.api.graphql.committee import CommitteeMutation, CommitteeQuery
from app.api.graphql.context import context_of
from app.api.graphql.mentor_register import RegisterMutation, RegisterQuery
from app.api.graphql.mentorship_types import Mentorship
from app.api.graphql.next_session import NextSessionQuery
from app.api.graphql.problems import Problem
from app.api.graphql.programs_common import MentorshipResult, or_problem, timed
from app.services import referrals
from app.services.relationships import endings


@strawberry.type
class PeopleQuery(NextSessionQuery, RegisterQuery, CommitteeQuery):
    pass


@strawberry.type
class PeopleMutation(CommitteeMutation, RegisterMutation):
    @strawberry.mutation(
        description="Close a flagged pair and propose the mentee with another mentor"
    )
    async def replace_flagged_mentor(
        self, info: strawberry.Info, id: UUID, mentor_id: UUID
    ) -> MentorshipResult:
        work = endings.replace_flagged_mentor(**timed(info), mentorship_id=id, mentor_id=mentor_id)
        found = await or_problem(work)
        return (
            found if isinstance(found, Problem) else Mentorship.of(found, context_of(info).loaders)
        )

    @strawberry.mutation(
        description="Record that a referred mentor's qualifications were confirmed"
    )
    async def confirm_referent_qualifications(
        self, info: strawberry.Info, id: UUID, note: str = ""
    ) -> MentorshipResult:
        work = referrals.confirm_referent_qualifications(**timed(info), mentorship_id=id, note=note)
        found = await or_problem(work)
        return (
            found if isinstance(found, Problem) else Mentorship.of(found, context_of(info).loaders)
        )
