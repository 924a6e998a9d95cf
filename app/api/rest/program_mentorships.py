"""REST routes of mentorships as pairs of a program: one formed by hand, the caller's pages of
them, and one in detail (what happens within a mentorship is in the relationship_* modules)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, keyset, single_key
from app.api.rest.responses import problems
from app.api.rest.schemas.matching import MentorshipCreate, MentorshipPageRead, MentorshipRead
from app.api.rest.serialized import answer
from app.services.relationships import mentorships

router = APIRouter(prefix="/v1", tags=["programs"])


@router.post(
    "/mentorships",
    operation_id="createMentorship",
    status_code=201,
    response_model=MentorshipRead,
    responses=problems(403, 404, 409),
)
async def create_mentorship(body: MentorshipCreate, caller: CurrentCaller) -> Any:
    """A pair formed by the mentee's choice (an off-list mentor allowed), a referral, an
    interview shortlist, the committee or the coordinator; it must pass every hard rule. It
    starts on the day it is formed, or on the cohort's start if that is later."""
    return await mentorships.create_mentorship(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, **body.model_dump()
    )


@router.get(
    "/mentorships",
    operation_id="listMentorships",
    response_model=MentorshipPageRead,
    responses=problems(403),
)
async def list_mentorships(
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
    cohort_id: UUID | None = None,
) -> Any:
    """The mentorships the caller may see: their own, their reports', or all for staff."""
    found = await mentorships.page_of_mentorships(
        uow=caller.uow,
        principal=caller.principal,
        cohort_id=cohort_id,
        after=single_key(page, UUID),
        limit=page.limit,
    )
    body = keyset(request, response, found.mentorships, found.has_more, key=lambda m: [str(m.id)])
    return answer(MentorshipPageRead, body, headers=response.headers)


@router.get(
    "/mentorships/{mentorship_id}",
    operation_id="getMentorship",
    response_model=MentorshipRead,
    responses=problems(403, 404),
)
async def get_mentorship(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """One mentorship: its dates, state and the policy snapshot it lives under."""
    found = await mentorships.get_mentorship(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return answer(MentorshipRead, found)
