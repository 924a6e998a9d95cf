"""The programs area in GraphQL: the same service functions as REST."""

from __future__ import annotations

from datetime import date
from typing import cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import page_relations
from app.api.graphql.cohort_mutations import CohortMutation
from app.api.graphql.context import context_of
from app.api.graphql.mentorship_relations import cursor
from app.api.graphql.preconditions import IF_MATCH, fingerprinted, versioned
from app.api.graphql.problems import Problem
from app.api.graphql.program_mutations import ApplicationMutation, MatchingMutation
from app.api.graphql.program_types import (
    Application,
    Cohort,
    CohortEvent,
    MatchingRun,
    Mentorship,
    MentorshipConnection,
    MentorshipEdge,
    Preset,
    Program,
    Proposal,
    ProposalConnection,
    ProposalEdge,
    SuggestedMentor,
    Volunteer,
)
from app.api.graphql.programs_common import (
    CohortEventResult,
    CohortResult,
    ProgramResult,
    args,
    or_none,
    or_problem,
    timed,
)
from app.api.graphql.relay import Connection, bounded, cursor_argument, direction, page_info
from app.api.pagination import arrival, by
from app.services import applications, cohorts, volunteers
from app.services.matching import proposals as run_proposals
from app.services.matching import runs as matching_runs
from app.services.paging import encode_cursor
from app.services.programs import catalog as programs
from app.services.relationships import mentorships


@strawberry.type
class ProgramQuery:
    @strawberry.field(description="The built-in policies a program can start from")
    def presets(self, info: strawberry.Info) -> list[Preset]:
        return [Preset.of(p) for p in programs.list_presets(principal=context_of(info).principal)]

    @strawberry.field(description="A program with its effective policy; null when not found")
    async def program(self, info: strawberry.Info, id: UUID) -> Program | None:
        found = await or_none(programs.get_program(**args(info), program_id=id))
        return Program.of(found) if found else None

    @strawberry.field(description="A cohort; null when not found")
    async def cohort(self, info: strawberry.Info, id: UUID) -> Cohort | None:
        found = await or_none(cohorts.get_cohort(**args(info), cohort_id=id))
        return Cohort.of(found) if found else None

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
            matching_runs.suggest_mentors(**timed(info), application_id=application_id, count=count)
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

    @strawberry.field(
        description="The mentorships the caller may see, in id order (Relay connection; "
        "keyset pages: `first`/`after` forward, `last`/`before` backward)"
    )
    async def mentorships(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        cohort_id: UUID | None = None,
    ) -> MentorshipConnection:
        count, key, backward = direction(first, after, last, before, default=50)
        asked = page_relations.wanted(info)
        page = await mentorships.page_of_mentorships(
            **args(info),
            cohort_id=cohort_id,
            after=cursor(key, cursor_argument(backward)),
            limit=count,
            documents=asked.documents,
            backward=backward,
        )
        related = await page_relations.load_related(info, page.mentorships, asked)
        loaders = context_of(info).loaders
        edges = [
            MentorshipEdge(
                cursor=encode_cursor([str(m.id)]), node=Mentorship.of(m, loaders, related)
            )
            for m in page.mentorships
        ]
        return MentorshipConnection(
            edges=edges,
            page_info=page_info(
                [e.cursor for e in edges],
                more=page.has_more,
                backward=backward,
                resumed=key is not None,
            ),
        )

    @strawberry.field(description="A mentorship; null when not found")
    async def mentorship(self, info: strawberry.Info, id: UUID) -> Mentorship | None:
        found = await or_none(mentorships.get_mentorship(**args(info), mentorship_id=id))
        return Mentorship.of(found, context_of(info).loaders) if found else None


@strawberry.type
class ProgramMutation(ApplicationMutation, MatchingMutation, CohortMutation):
    @strawberry.mutation(description="A program from a preset, with optional policy overrides")
    async def create_program(
        self, info: strawberry.Info, name: str, preset: str, policy: JSON | None = None
    ) -> ProgramResult:
        work = programs.create_program(
            **args(info),
            name=name,
            preset_name=preset,
            overrides=policy,  # type: ignore[arg-type]
        )
        found = await or_problem(work)
        return Program.of(found) if not isinstance(found, Problem) else found

    @strawberry.mutation(
        description=f"A new policy version; mentorships keep their snapshot. {IF_MATCH}"
    )
    async def update_program_policy(
        self,
        info: strawberry.Info,
        id: UUID,
        policy: JSON,
        expected_version: int | None = None,
        if_match: str | None = None,
    ) -> ProgramResult:
        found = await or_problem(
            versioned(
                if_match,
                lambda version: programs.update_program_policy(
                    **args(info),
                    program_id=id,
                    overrides=policy,  # type: ignore[arg-type]
                    expected_version=expected_version,
                    if_version=version,
                ),
            )
        )
        return Program.of(found) if not isinstance(found, Problem) else found

    @strawberry.mutation(description="A cohort of a program")
    async def create_cohort(
        self,
        info: strawberry.Info,
        program_id: UUID,
        name: str,
        starts_on: date,
        ends_on: date | None = None,
        applications_close_on: date | None = None,
    ) -> CohortResult:
        found = await or_problem(
            cohorts.create_cohort(
                **args(info),
                program_id=program_id,
                name=name,
                starts_on=starts_on,
                ends_on=ends_on,
                applications_close_on=applications_close_on,
            )
        )
        return Cohort.of(found) if not isinstance(found, Problem) else found

    @strawberry.mutation(description="A date on a cohort's calendar")
    async def add_cohort_event(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        kind: str,
        starts_on: date,
        title: str = "",
        ends_on: date | None = None,
    ) -> CohortEventResult:
        found = await or_problem(
            cohorts.add_cohort_event(
                **args(info),
                cohort_id=cohort_id,
                kind=kind,
                title=title,
                starts_on=starts_on,
                ends_on=ends_on,
            )
        )
        return CohortEvent.of(found) if not isinstance(found, Problem) else found

    @strawberry.mutation(description=f"Record who attended a calendar event. {IF_MATCH}")
    async def record_attendance(
        self,
        info: strawberry.Info,
        event_id: UUID,
        employee_ids: list[UUID],
        if_match: str | None = None,
    ) -> CohortEventResult:
        found = await or_problem(
            fingerprinted(
                if_match,
                lambda expected: cohorts.record_attendance(
                    **timed(info),
                    event_id=event_id,
                    employee_ids=employee_ids,
                    if_fingerprint=expected,
                ),
            )
        )
        return CohortEvent.of(found) if not isinstance(found, Problem) else found
