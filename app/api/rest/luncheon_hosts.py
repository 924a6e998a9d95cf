"""REST routes of Charlotte's luncheon hosts: a mentor of the cohort volunteers to host."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from app.api.deps import CurrentCaller
from app.api.rest.examples import relationship_reports as ex
from app.api.rest.responses import problems
from app.services.relationships import luncheon_groups

router = APIRouter(prefix="/v1", tags=["mentorships"])


class LuncheonHostsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.LUNCHEON_HOSTS_READ)
    cohort_id: UUID
    volunteers: list[UUID]


@router.post(
    "/cohorts/{cohort_id}/luncheon-hosts",
    operation_id="volunteerToHostLuncheon",
    responses=problems(400, 403, 404),
)
async def volunteer_to_host(cohort_id: UUID, caller: CurrentCaller) -> LuncheonHostsRead:
    """The caller, a mentor of the cohort, volunteers to host a luncheon group once."""
    found = await luncheon_groups.volunteer_to_host(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    return LuncheonHostsRead.model_validate(found)


@router.get(
    "/cohorts/{cohort_id}/luncheon-hosts",
    operation_id="listLuncheonHosts",
    responses=problems(400, 403, 404),
)
async def list_luncheon_hosts(cohort_id: UUID, caller: CurrentCaller) -> LuncheonHostsRead:
    """The cohort's volunteer hosts, first offered first (coordinators)."""
    found = await luncheon_groups.list_luncheon_hosts(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    return LuncheonHostsRead.model_validate(found)
