"""The selection committee in GraphQL: its slate and the conflicts of interest it records
(the same service functions as REST)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.context import context_of
from app.api.graphql.mentorship_types import Mentorship
from app.api.graphql.problems import Problem
from app.api.graphql.programs_common import args, or_none, or_problem, timed
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.domain.matching.committee import CommitteeRecommendation as CommitteeRecommendationRecord
from app.domain.matching.conflicts import RecordedConflict
from app.services import committee, conflicts


@strawberry.type
class ConflictOfInterest:
    id: UUID
    cohort_id: UUID
    employee_id: UUID
    other_employee_id: UUID
    reason: str
    recorded_by: str
    recorded_at: datetime | None

    @classmethod
    def of(cls, c: RecordedConflict) -> ConflictOfInterest:
        return cls(
            id=c.id,
            cohort_id=c.cohort_id,
            employee_id=c.employee_id,
            other_employee_id=c.other_employee_id,
            reason=c.reason,
            recorded_by=c.recorded_by,
            recorded_at=c.recorded_at,
        )


ConflictResult = Annotated[ConflictOfInterest | Problem, strawberry.union("ConflictResult")]


@strawberry.type
class CommitteeRecommendation:
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    note: str
    recommended_by: str
    recommended_at: datetime | None

    @classmethod
    def of(cls, p: CommitteeRecommendationRecord) -> CommitteeRecommendation:
        return cls(
            cohort_id=p.cohort_id,
            mentee_id=p.mentee_id,
            mentor_id=p.mentor_id,
            note=p.note,
            recommended_by=p.recommended_by,
            recommended_at=p.recommended_at,
        )


@strawberry.type
class PublishedSlate:
    cohort_id: UUID
    mentorships: list[Mentorship]


RecommendationResult = Annotated[
    CommitteeRecommendation | Problem, strawberry.union("RecommendationResult")
]
PublishedSlateResult = Annotated[PublishedSlate | Problem, strawberry.union("PublishedSlateResult")]


@strawberry.type
class CommitteeQuery:
    @strawberry.field(description="Conflicts recorded for a cohort; null when not found")
    async def conflicts_of_interest(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ConflictOfInterest] | None:
        work = conflicts.list_conflicts_of_interest(**args(info), cohort_id=cohort_id)
        found = await or_none(work)
        if found is None:
            return None
        return bounded(found, first, after, last, before, key=by("id"), make=ConflictOfInterest.of)

    @strawberry.field(description="The committee's unpublished slate; null when not found")
    async def committee_slate(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CommitteeRecommendation] | None:
        found = await or_none(committee.committee_slate(**args(info), cohort_id=cohort_id))
        if found is None:
            return None
        key = by("mentee_id", "mentor_id")
        return bounded(found, first, after, last, before, key=key, make=CommitteeRecommendation.of)


@strawberry.type
class CommitteeMutation:
    @strawberry.mutation(description="The selection committee recommends a mentor for a mentee")
    async def recommend_pair(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        mentee_id: UUID,
        mentor_id: UUID,
        note: str = "",
    ) -> RecommendationResult:
        work = committee.recommend_pair(
            **timed(info), cohort_id=cohort_id, mentee_id=mentee_id, mentor_id=mentor_id, note=note
        )
        found = await or_problem(work)
        return found if isinstance(found, Problem) else CommitteeRecommendation.of(found)

    @strawberry.mutation(description="Publish the committee's slate as proposed mentorships")
    async def publish_committee_slate(
        self, info: strawberry.Info, cohort_id: UUID
    ) -> PublishedSlateResult:
        work = committee.publish_committee_slate(**timed(info), cohort_id=cohort_id)
        found = await or_problem(work)
        if isinstance(found, Problem):
            return found
        return PublishedSlate(
            cohort_id=cohort_id,
            mentorships=[Mentorship.of(m, context_of(info).loaders) for m in found],
        )

    @strawberry.mutation(description="Record a conflict of interest between two people (004)")
    async def record_conflict_of_interest(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        employee_id: UUID,
        other_employee_id: UUID,
        reason: str,
    ) -> ConflictResult:
        work = conflicts.record_conflict_of_interest(
            **timed(info),
            cohort_id=cohort_id,
            employee_id=employee_id,
            other_employee_id=other_employee_id,
            reason=reason,
        )
        found = await or_problem(work)
        return found if isinstance(found, Problem) else ConflictOfInterest.of(found)
