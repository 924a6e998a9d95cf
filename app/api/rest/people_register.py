"""REST routes of the standing mentor register (002): who volunteers to mentor, across cohorts."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded, by
from app.api.rest.responses import problems
from app.api.rest.schemas.people import (
    RegisteredMentorPageRead,
    RegisteredMentorRead,
    RegisterEntryWrite,
)
from app.services import mentor_register

router = APIRouter(prefix="/v1", tags=["programs"])


@router.get(
    "/mentor-register",
    operation_id="readMentorRegister",
    response_model=RegisteredMentorPageRead,
    responses=problems(403),
)
async def read_mentor_register(
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
    division: str | None = None,
) -> Any:
    """The standing mentor register, readable by every employee (002): names, titles and
    expertise; capacity and availability for staff and the volunteer."""
    found = await mentor_register.read_register(
        uow=caller.uow, principal=caller.principal, division=division
    )
    everything = [RegisteredMentorRead.model_validate(m, from_attributes=True) for m in found]
    return bounded(request, response, everything, page, key=by("employee_id"))


@router.put(
    "/mentor-register/{employee_id}",
    operation_id="joinMentorRegister",
    responses=problems(403, 404, 422),
)
async def join_mentor_register(
    employee_id: UUID, body: RegisterEntryWrite, caller: CurrentCaller
) -> RegisteredMentorRead:
    """Volunteer to mentor, or update the offer; it stays listed across cohorts."""
    entry = await mentor_register.join_register(
        uow=caller.uow,
        principal=caller.principal,
        employee_id=employee_id,
        expertise=body.expertise,
        capacity=body.capacity,
        availability=body.availability,
        division=body.division,
    )
    return RegisteredMentorRead.model_validate(entry, from_attributes=True)


@router.delete(
    "/mentor-register/{employee_id}",
    operation_id="leaveMentorRegister",
    status_code=204,
    responses=problems(403, 404),
)
async def leave_mentor_register(employee_id: UUID, caller: CurrentCaller) -> Response:
    """Take an entry off the register."""
    await mentor_register.leave_register(
        uow=caller.uow, principal=caller.principal, employee_id=employee_id
    )
    return Response(status_code=204)
