"""REST routes of the programs area: presets, programs, cohorts and their calendars.
Applications, matching runs and mentorships are in their own modules, included here."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from app.api.deps import CurrentPrincipal, SystemTime, UoW
from app.api.rest.program_applications import router as applications_router
from app.api.rest.program_matching import router as matching_router
from app.api.rest.responses import JsonModel, problems
from app.api.rest.schemas.programs import (
    AttendanceCreate,
    CohortCreate,
    CohortEventCreate,
    CohortEventRead,
    CohortRead,
    PresetRead,
    ProgramCreate,
    ProgramPolicyUpdate,
    ProgramRead,
)
from app.services import cohorts
from app.services.programs import catalog as programs
from app.services.programs.records import CohortEvent, Program

router = APIRouter(prefix="/v1", tags=["programs"])


def _program(program: Program) -> ProgramRead:
    return ProgramRead(
        id=program.id,
        name=program.name,
        preset=program.preset,
        policy_version=program.policy_version,
        policy=program.policy.to_dict(),
        created_at=program.created_at,
    )


def _event(event: CohortEvent) -> CohortEventRead:
    return CohortEventRead.model_validate(event, from_attributes=True)


@router.get(
    "/presets", operation_id="listPresets", response_model=list[PresetRead], responses=problems(403)
)
async def list_presets(principal: CurrentPrincipal) -> list[PresetRead]:
    """The built-in policies: charlotte-sll, caltrans, nc-model, maine-mms."""
    return [
        PresetRead(key=p.key, title=p.title, description=p.description, policy=p.policy.to_dict())
        for p in programs.list_presets(principal=principal)
    ]


@router.post(
    "/programs",
    operation_id="createProgram",
    status_code=201,
    response_model=ProgramRead,
    responses=problems(403, 404),
)
async def create_program(body: ProgramCreate, uow: UoW, principal: CurrentPrincipal) -> JsonModel:
    """A program from a preset, with optional policy overrides."""
    program = await programs.create_program(
        uow=uow, principal=principal, name=body.name, preset_name=body.preset, overrides=body.policy
    )
    return JsonModel(_program(program), 201)


@router.get(
    "/programs/{program_id}",
    operation_id="getProgram",
    response_model=ProgramRead,
    responses=problems(403, 404),
)
async def get_program(program_id: UUID, uow: UoW, principal: CurrentPrincipal) -> JsonModel:
    """A program with its effective policy."""
    return JsonModel(
        _program(await programs.get_program(uow=uow, principal=principal, program_id=program_id))
    )


@router.post(
    "/programs/{program_id}/policy-versions",
    operation_id="updateProgramPolicy",
    status_code=201,
    response_model=ProgramRead,
    responses=problems(403, 404, 409),
)
async def update_program_policy(
    program_id: UUID, body: ProgramPolicyUpdate, uow: UoW, principal: CurrentPrincipal
) -> JsonModel:
    """A new policy version; mentorships already made keep the policy they started with."""
    program = await programs.update_program_policy(
        uow=uow,
        principal=principal,
        program_id=program_id,
        overrides=body.policy,
        expected_version=body.expected_version,
    )
    return JsonModel(_program(program), 201)


@router.post(
    "/programs/{program_id}/cohorts",
    operation_id="createCohort",
    status_code=201,
    response_model=CohortRead,
    responses=problems(403, 404),
)
async def create_cohort(
    program_id: UUID, body: CohortCreate, uow: UoW, principal: CurrentPrincipal
) -> JsonModel:
    """A cohort (Charlotte: session; Maine: the yearly cycle) of a program."""
    cohort = await cohorts.create_cohort(
        uow=uow, principal=principal, program_id=program_id, **body.model_dump()
    )
    return JsonModel(CohortRead.model_validate(cohort, from_attributes=True), 201)


@router.get(
    "/cohorts/{cohort_id}",
    operation_id="getCohort",
    response_model=CohortRead,
    responses=problems(403, 404),
)
async def get_cohort(cohort_id: UUID, uow: UoW, principal: CurrentPrincipal) -> JsonModel:
    """One cohort."""
    cohort = await cohorts.get_cohort(uow=uow, principal=principal, cohort_id=cohort_id)
    return JsonModel(CohortRead.model_validate(cohort, from_attributes=True))


@router.post(
    "/cohorts/{cohort_id}/events",
    operation_id="addCohortEvent",
    status_code=201,
    response_model=CohortEventRead,
    responses=problems(403, 404),
)
async def add_cohort_event(
    cohort_id: UUID, body: CohortEventCreate, uow: UoW, principal: CurrentPrincipal
) -> JsonModel:
    """A date on the cohort's calendar."""
    event = await cohorts.add_cohort_event(
        uow=uow, principal=principal, cohort_id=cohort_id, **body.model_dump()
    )
    return JsonModel(_event(event), 201)


@router.get(
    "/cohorts/{cohort_id}/events",
    operation_id="listCohortEvents",
    response_model=list[CohortEventRead],
    responses=problems(403, 404),
)
async def list_cohort_events(
    cohort_id: UUID, uow: UoW, principal: CurrentPrincipal
) -> list[CohortEventRead]:
    """The cohort's calendar in date order, with attendance."""
    found = await cohorts.list_cohort_events(uow=uow, principal=principal, cohort_id=cohort_id)
    return [_event(e) for e in found]


@router.post(
    "/cohort-events/{event_id}/attendance",
    operation_id="recordAttendance",
    response_model=CohortEventRead,
    responses=problems(403, 404),
)
async def record_attendance(
    event_id: UUID, body: AttendanceCreate, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """Record who attended (an information session counts toward NC and Caltrans eligibility)."""
    event = await cohorts.record_attendance(
        uow=uow,
        principal=principal,
        clock=clock,
        event_id=event_id,
        employee_ids=body.employee_ids,
    )
    return JsonModel(_event(event))


# Every route of the programs area, in matching order (see `app.main.add_routes`).
routers = (router, applications_router, matching_router)
