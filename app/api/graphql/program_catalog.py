"""Programs, their policies and cohorts in GraphQL: the same service functions as REST."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.context import context_of
from app.api.graphql.preconditions import IF_MATCH, fingerprinted, versioned
from app.api.graphql.problems import Problem
from app.api.graphql.program_types import Cohort, CohortEvent, Preset, Program
from app.api.graphql.programs_common import (
    CohortEventResult,
    CohortResult,
    ProgramResult,
    args,
    or_none,
    or_problem,
    timed,
)
from app.services import cohorts
from app.services.program_year import attendance_records
from app.services.programs import catalog as programs
from app.services.programs.records import CohortEvent as CohortEventRecord


@strawberry.type
class CatalogQuery:
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


@strawberry.type
class CatalogMutation:
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

    @strawberry.mutation(
        description="A cohort of a program; `endsOn` is the first day past its term (its last "
        "day is the day before)"
    )
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

    @strawberry.mutation(
        description="Record who attended a calendar event and who was excused from it (added "
        "to those recorded; never someone both present and excused: an excused absence is not "
        f"a missed session). {IF_MATCH}"
    )
    async def record_attendance(
        self,
        info: strawberry.Info,
        event_id: UUID,
        employee_ids: list[UUID] | None = None,
        excused: list[UUID] | None = None,
        if_match: str | None = None,
    ) -> CohortEventResult:
        return await _attendance(
            attendance_records.record_attendance, info, event_id, employee_ids, excused, if_match
        )

    @strawberry.mutation(
        description="Withdraw people recorded present (`employeeIds`) or excused (`excused`) at "
        "a calendar event by mistake; naming someone not so recorded is a problem on that "
        "field. Those withdrawn from the present list have eligibility decided again. "
        f"{IF_MATCH}"
    )
    async def correct_attendance(
        self,
        info: strawberry.Info,
        event_id: UUID,
        employee_ids: list[UUID] | None = None,
        excused: list[UUID] | None = None,
        if_match: str | None = None,
    ) -> CohortEventResult:
        return await _attendance(
            attendance_records.correct_attendance, info, event_id, employee_ids, excused, if_match
        )


async def _attendance(
    use_case: Callable[..., Awaitable[CohortEventRecord]],
    info: strawberry.Info,
    event_id: UUID,
    employee_ids: list[UUID] | None,
    excused: list[UUID] | None,
    if_match: str | None,
) -> CohortEventResult:
    """Recording and correcting an event's attendance take the same arguments and answer the
    same event: one adapter for both use cases."""
    found = await or_problem(
        fingerprinted(
            if_match,
            lambda expected: use_case(
                **timed(info),
                event_id=event_id,
                employee_ids=employee_ids or (),
                excused=excused or (),
                if_fingerprint=expected,
            ),
        )
    )
    return CohortEvent.of(found) if not isinstance(found, Problem) else found
