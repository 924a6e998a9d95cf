"""REST routes of a cohort's reports (aggregates, fee bill) and luncheon groups."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded, by
from app.api.rest.responses import problems
from app.api.rest.schemas.relationship_reports import (
    CohortReportRead,
    FeeBillRead,
    LuncheonGroupPageRead,
    LuncheonGroupSchema,
    LuncheonGroupsUpdate,
)
from app.domain.luncheons import LuncheonGroup
from app.services.relationships import luncheon_groups, reports

router = APIRouter(prefix="/v1", tags=["mentorships"])


@router.get(
    "/reports/cohorts/{cohort_id}",
    operation_id="getCohortReport",
    response_model=CohortReportRead,
    responses=problems(400, 403, 404),
)
async def get_cohort_report(cohort_id: UUID, caller: CurrentCaller) -> Any:
    """Counts, meetings and hours, checkpoint outcomes, rates, checkup averages (under five
    answers: suppressed)."""
    return await reports.cohort_report(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )


@router.get(
    "/reports/cohorts/{cohort_id}/billing",
    operation_id="getFeeBill",
    response_model=FeeBillRead,
    responses=problems(400, 403, 404),
)
async def get_fee_bill(cohort_id: UUID, caller: CurrentCaller) -> Any:
    """The program fee per department of the proteges (Maine: $150 each)."""
    return await reports.fee_bill(uow=caller.uow, principal=caller.principal, cohort_id=cohort_id)


@router.post(
    "/cohorts/{cohort_id}/luncheon-groups",
    operation_id="computeLuncheonGroups",
    response_model=list[LuncheonGroupSchema],
    responses=problems(400, 403, 404, 409),
)
async def compute_luncheon_groups(cohort_id: UUID, caller: CurrentCaller) -> Any:
    """Seat the cohort's mentees in groups that stay together; hosts rotate (Charlotte). Once a
    luncheon has been held the groups stand: 409 `luncheon_groups_fixed` (edit them instead)."""
    return await luncheon_groups.compute_luncheon_groups(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, cohort_id=cohort_id
    )


@router.put(
    "/cohorts/{cohort_id}/luncheon-groups",
    operation_id="editLuncheonGroups",
    response_model=list[LuncheonGroupSchema],
    responses=problems(400, 403, 404),
)
async def edit_luncheon_groups(
    cohort_id: UUID, body: LuncheonGroupsUpdate, caller: CurrentCaller
) -> Any:
    """Replace the groups with the coordinator's own arrangement (same rules); once a luncheon
    has been held, a mentee who stays keeps their group and its past hosts stay (422
    `mentees_remain_with_their_group`)."""
    groups = [LuncheonGroup(g.number, tuple(g.mentees), tuple(g.hosts)) for g in body.groups]
    return await luncheon_groups.edit_luncheon_groups(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        groups=groups,
    )


@router.get(
    "/cohorts/{cohort_id}/luncheon-groups",
    operation_id="listLuncheonGroups",
    response_model=LuncheonGroupPageRead,
    responses=problems(400, 403, 404),
)
async def list_luncheon_groups(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The cohort's luncheon groups (a participant: only their own)."""
    everything = await luncheon_groups.list_luncheon_groups(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    return bounded(request, response, everything, page, key=by("number"))
