"""The standing mentor register in GraphQL: the same service functions as REST."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.problems import Problem
from app.api.graphql.programs_common import args, or_problem
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.services import mentor_register


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
class RegisterLeft:
    employee_id: UUID


RegisteredMentorResult = Annotated[
    RegisteredMentor | Problem, strawberry.union("RegisteredMentorResult")
]
RegisterLeftResult = Annotated[RegisterLeft | Problem, strawberry.union("RegisterLeftResult")]


@strawberry.type
class RegisterQuery:
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


@strawberry.type
class RegisterMutation:
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
