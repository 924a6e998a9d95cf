"""REST routes of who takes part and who pairs (issue 22)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from app.api.deps import CurrentPrincipal, UoW
from app.api.rest.responses import problems
from app.api.rest.schemas.people import CarriedMenteeRead
from app.services import next_session

router = APIRouter(prefix="/v1", tags=["programs"])


@router.get(
    "/cohorts/{cohort_id}/next-session-list",
    operation_id="listNextSession",
    responses=problems(403, 404),
)
async def list_next_session(
    cohort_id: UUID, uow: UoW, principal: CurrentPrincipal
) -> list[CarriedMenteeRead]:
    """Mentees withdrawn at a checkpoint of the program's earlier cohorts, carried to this one
    with their reason (000: "eligible for the next session"); a participant sees their own."""
    carried = await next_session.next_session_list(
        uow=uow, principal=principal, cohort_id=cohort_id
    )
    return [CarriedMenteeRead.model_validate(c, from_attributes=True) for c in carried]
