"""Who takes part and who pairs in GraphQL (issue 22): the same service functions as REST."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.context import context_of
from app.api.graphql.mentorship_types import Mentorship
from app.api.graphql.problems import Problem
from app.api.graphql.programs_common import MentorshipResult, args, or_none, or_problem, timed
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.domain.matching.committee import CommitteeRecommendation as CommitteeRecommendationRecord
from app.domain.matching.conflicts import RecordedConflict
from app.domain.next_session import CarriedMentee as CarriedMenteeRecord
from app.services import committee, conflicts, mentor_register, next_session, referrals
from app.services.relationships import endings


@strawberry.type
class CarriedMentee:
    mentee_id: UUID
    mentorship_id: UUID
    from_cohort_id: UUID
    withdrawn_on: date | None
    reason: str
    application_id: UUID | None

    @classmethod
    def of(cls, c: CarriedMenteeRecord) -> CarriedMentee:
        return cls(
            mentee_id=c.mentee_id,
            mentorship_id=c.mentorship_id,
            from_cohort_id=c.from_cohort_id,
            withdrawn_on=c.withdrawn_on,
            reason=c.reason.value,
            application_id=c.application_id,
        )


@strawberry.type
class RegisteredMentor:
    employee_id: UUID
    name: str
    job_title: str | None
    department: str
    division: str | None
    expertise: list[str]
    capacity: int | None = strawberry.field(description="Staff and the volunteer only")
    availability: str | None = strawberry.field(description="Staff and the volunteer only")

    @classmethod
    def of(cls, m: mentor_register.RegisteredMentor) -> RegisteredMentor:
        return cls(
            employee_id=m.employee_id,
            name=m.name,
            job_title=m.job_title,
            department=m.department,
            division=m.division,
            expertise=list(m.expertise),
            capacity=m.capacity,
            availability=m.availability,
        )


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
class RegisterLeft:
    employee_id: UUID


RegisteredMentorResult = Annotated[
    RegisteredMentor | Problem, strawberry.union("RegisteredMentorResult")
]
RegisterLeftResult = Annotated[RegisterLeft | Problem, strawberry.union("RegisterLeftResult")]


@strawberry.type
class PeopleQuery:
    @strawberry.field(
        description="Mentees carried to this cohort from a checkpoint withdrawal; null when "
        "the cohort is not found"
    )
    async def next_session_list(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CarriedMentee] | None:
        found = await or_none(next_session.next_session_list(**args(info), cohort_id=cohort_id))
        if found is None:
            return None
        return bounded(
            found, first, after, last, before, key=by("mentorship_id"), make=CarriedMentee.of
        )

    @strawberry.field(description="The standing mentor register (every employee may read it)")
    async def mentor_register(
        self,
        info: strawberry.Info,
        division: str | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RegisteredMentor]:
        found = await mentor_register.read_register(**args(info), division=division)
        return bounded(
            found, first, after, last, before, key=by("employee_id"), make=RegisteredMentor.of
        )

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
class PeopleMutation:
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

    @strawberry.mutation(description="Volunteer to mentor, or update the offer")
    async def join_mentor_register(
        self,
        info: strawberry.Info,
        employee_id: UUID,
        expertise: list[str],
        capacity: int = 1,
        availability: str = "",
        division: str | None = None,
    ) -> RegisteredMentorResult:
        work = mentor_register.join_register(
            **args(info),
            employee_id=employee_id,
            expertise=expertise,
            capacity=capacity,
            availability=availability,
            division=division,
        )
        found = await or_problem(work)
        return found if isinstance(found, Problem) else RegisteredMentor.of(found)

    @strawberry.mutation(description="Take an entry off the mentor register")
    async def leave_mentor_register(
        self, info: strawberry.Info, employee_id: UUID
    ) -> RegisterLeftResult:
        work = mentor_register.leave_register(**args(info), employee_id=employee_id)
        found = await or_problem(work)
        return found if isinstance(found, Problem) else RegisterLeft(employee_id=employee_id)

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
