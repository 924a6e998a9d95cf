"""REST routes of the employee directory."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

from fastapi import APIRouter, BackgroundTasks, Request, Response

from app.api import pagination
from app.api.contract import documented_body
from app.api.deps import CurrentCaller
from app.api.freed_memory import release_freed_memory
from app.api.pagination import PageQuery
from app.api.rest.responses import problems
from app.api.rest.schemas.employees import (
    EmployeeImportCreate,
    EmployeeImportRead,
    EmployeePageRead,
    EmployeeRead,
)
from app.api.rest.serialized import answer
from app.api.rest.streamed_json import streamed_rows
from app.domain.directory import EmploymentStatus
from app.services.directory import employees as service

router = APIRouter(prefix="/v1/employees", tags=["employees"])
import_router = APIRouter(prefix="/v1/employees", tags=["employees"])

# 100,000 rows of a full HR export fit in about 40 MB of JSON.
IMPORT_MAX_BODY_BYTES = 64 * 1024 * 1024


@import_router.post(
    "/import",
    operation_id="importEmployees",
    response_model=EmployeeImportRead,
    responses=problems(403, 413),
    # The body is read as it arrives (see streamed_json): declared for the documentation.
    openapi_extra=documented_body(EmployeeImportCreate),
)
async def import_employees(request: Request, caller: CurrentCaller, after: BackgroundTasks) -> Any:
    """Upsert employees by `employee_number`. Good rows are stored; bad rows are listed in
    `errors` with their row, field and reason. Managers may come later in the batch or in a
    later import: the link is made when they arrive."""
    after.add_task(release_freed_memory)  # once the answer is sent
    report = await service.import_employee_chunks(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        chunks=streamed_rows(
            request, EmployeeImportCreate, "employees", block=service.rows_from_json
        ),
    )
    # Written in a worker thread: a report may list thousands of refused rows.
    return await asyncio.to_thread(answer, EmployeeImportRead, report)


@router.get("", operation_id="listEmployees", response_model=EmployeePageRead, responses=problems())
async def list_employees(
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
    department: str | None = None,
    unit: str | None = None,
    employment_status: EmploymentStatus | None = None,
    employee_number: str | None = None,
) -> Any:
    """The directory in `employee_number` order, a page at a time."""
    filters = {
        k: str(v)
        for k, v in (
            ("department", department),
            ("unit", unit),
            ("employment_status", employment_status),
            ("employee_number", employee_number),
        )
        if v is not None
    }
    found = await service.list_employees(
        uow=caller.uow,
        principal=caller.principal,
        after=page.cursor,
        limit=page.limit,
        filters=filters,
    )
    body = pagination.answer(request, response, found.items, found.next_cursor)
    return answer(EmployeePageRead, body, headers=response.headers)


@router.get(
    "/{employee_id}",
    operation_id="getEmployee",
    response_model=EmployeeRead,
    responses=problems(404),
)
async def get_employee(employee_id: UUID, caller: CurrentCaller) -> Any:
    """One employee of the caller's organisation."""
    found = await service.get_employee(
        uow=caller.uow, principal=caller.principal, employee_id=employee_id
    )
    return answer(EmployeeRead, found)
