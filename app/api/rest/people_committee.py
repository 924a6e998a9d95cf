"""REST routes of vetting pairs before they form: conflicts of interest, and the selection
committee's slate (000, 004)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded, by
from app.api.rest.responses import problems
from app.api.rest.schemas.matching import MentorshipRead
from app.api.rest.schemas.people import (
    CommitteeRecommendationCreate,
    CommitteeRecommendationPageRead,
    CommitteeRecommendationRead,
    ConflictOfInterestCreate,
    ConflictOfInterestPageRead,
    ConflictOfInterestRead,
)
from app.services import committee, conflicts

router = APIRouter(prefix="/v1", tags=["programs"])


@router.post(
    "/cohorts/{cohort_id}/conflicts-of-interest",
    operation_id="recordConflictOfInterest",
    status_code=201,
    responses=problems(403, 404, 422),
)
async def record_conflict_of_interest(
    cohort_id: UUID,
    body: ConflictOfInterestCreate,
    caller: CurrentCaller,
) -> ConflictOfInterestRead:
    """Record a conflict of interest between two people at any time (004 "Ethics"); matching
    refuses the pair and an open pair between them is flagged."""
    recorded = await conflicts.record_conflict_of_interest(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        **body.model_dump(),
    )
    return ConflictOfInterestRead.model_validate(recorded, from_attributes=True)


@router.get(
    "/cohorts/{cohort_id}/conflicts-of-interest",
    operation_id="listConflictsOfInterest",
    response_model=ConflictOfInterestPageRead,
    responses=problems(403, 404),
)
async def list_conflicts_of_interest(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The conflicts recorded for a cohort (coordinators)."""
    found = await conflicts.list_conflicts_of_interest(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    everything = [ConflictOfInterestRead.model_validate(c, from_attributes=True) for c in found]
    return bounded(request, response, everything, page)


@router.post(
    "/cohorts/{cohort_id}/committee-recommendations",
    operation_id="recommendPair",
    responses=problems(403, 404, 422),
)
async def recommend_pair(
    cohort_id: UUID,
    body: CommitteeRecommendationCreate,
    caller: CurrentCaller,
) -> CommitteeRecommendationRead:
    """The selection committee recommends a mentor for a mentee (000), every hard rule held;
    it replaces the mentee's earlier recommendation."""
    pick = await committee.recommend_pair(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        **body.model_dump(),
    )
    return CommitteeRecommendationRead.model_validate(pick, from_attributes=True)


@router.get(
    "/cohorts/{cohort_id}/committee-recommendations",
    operation_id="listCommitteeSlate",
    response_model=CommitteeRecommendationPageRead,
    responses=problems(403, 404),
)
async def list_committee_slate(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The committee's slate for the cohort, not yet published."""
    slate = await committee.committee_slate(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    everything = [
        CommitteeRecommendationRead.model_validate(p, from_attributes=True) for p in slate
    ]
    return bounded(request, response, everything, page, key=by("mentee_id", "mentor_id"))


@router.post(
    "/cohorts/{cohort_id}/committee-recommendations/publish",
    operation_id="publishCommitteeSlate",
    status_code=201,
    responses=problems(403, 404, 409, 422),
)
async def publish_committee_slate(cohort_id: UUID, caller: CurrentCaller) -> list[MentorshipRead]:
    """The coordinator publishes the committee's slate as proposed mentorships."""
    created = await committee.publish_committee_slate(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, cohort_id=cohort_id
    )
    return [MentorshipRead.model_validate(m, from_attributes=True) for m in created]
