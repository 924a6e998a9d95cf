"""REST routes of a cohort's applicants: who is carried from an earlier cohort, and what an
applicant edits under `If-Match` (their profile, their shortlist ranking)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded, by
from app.api.rest.responses import problems
from app.api.rest.schemas.people import (
    ApplicationEdit,
    CarriedMenteePageRead,
    CarriedMenteeRead,
    ShortlistRankingWrite,
)
from app.api.rest.schemas.programs import ApplicationRead
from app.services import applications, next_session, shortlists

router = APIRouter(prefix="/v1", tags=["programs"])


@router.get(
    "/cohorts/{cohort_id}/next-session-list",
    operation_id="listNextSession",
    response_model=CarriedMenteePageRead,
    responses=problems(403, 404),
)
async def list_next_session(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Mentees withdrawn at a checkpoint of the program's earlier cohorts, carried to this one
    with their reason (000: "eligible for the next session"); a participant sees their own."""
    carried = await next_session.next_session_list(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    everything = [CarriedMenteeRead.model_validate(c, from_attributes=True) for c in carried]
    return bounded(request, response, everything, page, key=by("mentorship_id"))


@router.put(
    "/applications/{application_id}/profile",
    operation_id="editApplication",
    responses=problems(403, 404, 409, 412, 422),
)
async def edit_application(
    application_id: UUID,
    body: ApplicationEdit,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationRead:
    """Edit the self-assessment or volunteer profile; eligibility is decided again with it.
    Once applications close, only a matched NC mentee's `needs_assessment` may still change.
    With `If-Match` (the application's `ETag`), only if nobody changed it since you read it
    (412 otherwise)."""
    edited = await applications.edit_application(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        application_id=application_id,
        profile=body.profile(),
        capacity=body.capacity,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return ApplicationRead.model_validate(fingerprinted(response, edited), from_attributes=True)


@router.put(
    "/applications/{application_id}/shortlist-ranking",
    operation_id="rankShortlist",
    responses=problems(403, 404, 412, 422),
)
async def rank_shortlist(
    application_id: UUID,
    body: ShortlistRankingWrite,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationRead:
    """The protégé ranks the mentors of their interview shortlist, best first (004); the
    ranking becomes their preferred mentors. With `If-Match` (the application's `ETag`), only
    if nobody changed it since you read it (412 otherwise)."""
    ranked = await shortlists.rank_shortlist(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        application_id=application_id,
        mentor_ids=body.mentor_ids,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return ApplicationRead.model_validate(fingerprinted(response, ranked), from_attributes=True)
