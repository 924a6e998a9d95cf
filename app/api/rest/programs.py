"""REST routes of the programs area: presets, programs, cohorts and their calendars.
A cohort's own reads and edits, applications, matching runs and mentorships are in their own
modules, included here."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import (
    IfMatch,
    expected_fingerprint,
    expected_version,
    fingerprinted,
    tagged,
)
from app.api.deps import CurrentCaller, CurrentPrincipal
from app.api.pagination import PageQuery, bounded, by, keyset, single_key
from app.api.rest.program_applications import router as applications_router
from app.api.rest.program_cohorts import router as cohorts_router
from app.api.rest.program_matching import router as matching_router
from app.api.rest.program_mentorships import router as mentorships_router
from app.api.rest.responses import problems
from app.api.rest.schemas.programs import (
    AttendanceCorrectionCreate,
    AttendanceCreate,
    CohortCreate,
    CohortEventCreate,
    CohortEventPageRead,
    CohortEventRead,
    CohortPageRead,
    CohortRead,
    PresetPageRead,
    PresetRead,
    ProgramCreate,
    ProgramPageRead,
    ProgramPolicyUpdate,
    ProgramRead,
)
from app.services import cohorts
from app.services.program_year import attendance_records
from app.services.programs import catalog as programs
from app.services.programs.records import Program

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


@router.get(
    "/presets", operation_id="listPresets", response_model=PresetPageRead, responses=problems(403)
)
async def list_presets(
    principal: CurrentPrincipal, page: PageQuery, request: Request, response: Response
) -> Any:
    """The built-in policies: charlotte-sll, caltrans, nc-model, maine-mms."""
    everything = [
        PresetRead(key=p.key, title=p.title, description=p.description, policy=p.policy.to_dict())
        for p in programs.list_presets(principal=principal)
    ]
    return bounded(request, response, everything, page, key=by("key"))


@router.post(
    "/programs",
    operation_id="createProgram",
    status_code=201,
    responses=problems(403, 404),
)
async def create_program(body: ProgramCreate, caller: CurrentCaller) -> ProgramRead:
    """A program from a preset, with optional policy overrides."""
    program = await programs.create_program(
        uow=caller.uow,
        principal=caller.principal,
        name=body.name,
        preset_name=body.preset,
        overrides=body.policy,
    )
    return _program(program)


@router.get(
    "/programs",
    operation_id="listPrograms",
    response_model=ProgramPageRead,
    responses=problems(403),
)
async def list_programs(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The organisation's programs, each with its effective policy."""
    found = await programs.list_programs(
        uow=caller.uow, principal=caller.principal, after=single_key(page, UUID), limit=page.limit
    )
    return keyset(
        request,
        response,
        [_program(p) for p in found.items],
        found.has_more,
        key=lambda p: [str(p.id)],
    )


@router.get(
    "/programs/{program_id}/cohorts",
    operation_id="listCohorts",
    response_model=CohortPageRead,
    responses=problems(403, 404),
)
async def list_cohorts(
    program_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """A program's cohorts."""
    found = await cohorts.list_cohorts(
        uow=caller.uow,
        principal=caller.principal,
        program_id=program_id,
        after=single_key(page, UUID),
        limit=page.limit,
    )
    return keyset(request, response, found.items, found.has_more, key=lambda c: [str(c.id)])


@router.get(
    "/programs/{program_id}",
    operation_id="getProgram",
    responses=problems(403, 404),
)
async def get_program(program_id: UUID, caller: CurrentCaller, response: Response) -> ProgramRead:
    """A program with its effective policy; the policy's version is the `ETag`."""
    found = await programs.get_program(
        uow=caller.uow, principal=caller.principal, program_id=program_id
    )
    tagged(response, found.policy_version)
    return _program(found)


@router.post(
    "/programs/{program_id}/policy-versions",
    operation_id="updateProgramPolicy",
    status_code=201,
    responses=problems(403, 404, 409, 412),
)
async def update_program_policy(
    program_id: UUID,
    body: ProgramPolicyUpdate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> ProgramRead:
    """A new policy version; mentorships already made keep the policy they started with.
    With `If-Match` (the program's `ETag`), only if nobody changed the policy since you read
    it (412 otherwise)."""
    program = await programs.update_program_policy(
        uow=caller.uow,
        principal=caller.principal,
        program_id=program_id,
        overrides=body.policy,
        expected_version=body.expected_version,
        if_version=expected_version(if_match),
    )
    tagged(response, program.policy_version)
    return _program(program)


@router.post(
    "/programs/{program_id}/cohorts",
    operation_id="createCohort",
    status_code=201,
    response_model=CohortRead,
    responses=problems(403, 404),
)
async def create_cohort(program_id: UUID, body: CohortCreate, caller: CurrentCaller) -> Any:
    """A cohort (Charlotte: session; Maine: the yearly cycle) of a program."""
    return await cohorts.create_cohort(
        uow=caller.uow, principal=caller.principal, program_id=program_id, **body.model_dump()
    )


@router.post(
    "/cohorts/{cohort_id}/events",
    operation_id="addCohortEvent",
    status_code=201,
    response_model=CohortEventRead,
    responses=problems(403, 404),
)
async def add_cohort_event(
    cohort_id: UUID, body: CohortEventCreate, caller: CurrentCaller, response: Response
) -> Any:
    """A date on the cohort's calendar (its `ETag` is the `If-Match` of a later move)."""
    added = await cohorts.add_cohort_event(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id, **body.model_dump()
    )
    return fingerprinted(response, added)


@router.get(
    "/cohorts/{cohort_id}/events",
    operation_id="listCohortEvents",
    response_model=CohortEventPageRead,
    responses=problems(403, 404),
)
async def list_cohort_events(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The cohort's calendar in date order, with attendance."""
    everything = await cohorts.list_cohort_events(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    return bounded(request, response, everything, page)


@router.post(
    "/cohort-events/{event_id}/attendance",
    operation_id="recordAttendance",
    response_model=CohortEventRead,
    responses=problems(403, 404, 412, 422),
)
async def record_attendance(
    event_id: UUID,
    body: AttendanceCreate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """Record who attended (an information session counts toward NC and Caltrans eligibility,
    in every cohort of the program within the validity the policy sets) and who was excused
    (an excused mentee owes nothing for a mandatory group session; 422 for anyone both present
    and excused). With `If-Match` (the event's `ETag`), only if nobody changed the event since
    you read it (412 otherwise)."""
    recorded = await attendance_records.record_attendance(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        event_id=event_id,
        employee_ids=body.employee_ids,
        excused=body.excused,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return fingerprinted(response, recorded)


@router.post(
    "/cohort-events/{event_id}/attendance/corrections",
    operation_id="correctAttendance",
    response_model=CohortEventRead,
    responses=problems(403, 404, 412, 422),
)
async def correct_event_attendance(
    event_id: UUID,
    body: AttendanceCorrectionCreate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """Withdraw people recorded present or excused by mistake (422 on the field naming
    someone not so recorded). Whoever is withdrawn from the present list has eligibility
    decided again: an NC information session no longer counts for them. With `If-Match` (the
    event's `ETag`), only if nobody changed the event since you read it (412 otherwise)."""
    corrected = await attendance_records.correct_attendance(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        event_id=event_id,
        employee_ids=body.employee_ids,
        excused=body.excused,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return fingerprinted(response, corrected)


# Every route of the programs area, in matching order (see `app.main.create_app`).
routers = (router, cohorts_router, applications_router, matching_router, mentorships_router)
