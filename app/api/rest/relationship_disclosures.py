"""REST routes of confidentiality disclosures: recording them and who may read them; and the
administrator's answer under Maine's exception 3, a recommendation to the pair to end it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, bounded
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.disclosures import (
    DisclosureCreate,
    DisclosurePageRead,
    DisclosureRead,
)
from app.api.rest.schemas.relationships.progress import (
    TerminationRecommendationCreate,
    TerminationRecommendationPageRead,
    TerminationRecommendationRead,
)
from app.services.relationships import disclosures, endings
from app.services.relationships.disclosures import RecipientInput

router = APIRouter(prefix="/v1", tags=["mentorships"])
_PROBLEMS = problems(400, 403, 404, 409)


@router.post(
    "/mentorships/{mentorship_id}/disclosures",
    operation_id="recordDisclosure",
    status_code=201,
    response_model=DisclosureRead,
    responses=_PROBLEMS,
)
async def record_disclosure(
    mentorship_id: UUID,
    body: DisclosureCreate,
    caller: CurrentCaller,
) -> Any:
    """Record a confidentiality exception (Maine): who, to whom, what, why, with what consent."""
    values = body.model_dump(exclude={"to"})
    return await disclosures.record_disclosure(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        to=[RecipientInput(r.role, r.person_id) for r in body.to],
        **values,
    )


@router.get(
    "/mentorships/{mentorship_id}/disclosures",
    operation_id="listDisclosures",
    response_model=DisclosurePageRead,
    responses=_PROBLEMS,
)
async def list_disclosures(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The mentorship's recorded disclosures (the pair and program staff)."""
    everything = await disclosures.list_disclosures(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)


@router.get(
    "/me/disclosures",
    operation_id="listDisclosuresAboutMe",
    response_model=DisclosurePageRead,
    responses=problems(403),
)
async def list_disclosures_about_me(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Every disclosure about the caller (the protege's right to know, seed 004)."""
    everything = await disclosures.disclosures_about_me(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, everything, page)


@router.post(
    "/mentorships/{mentorship_id}/termination-recommendations",
    operation_id="recommendTermination",
    status_code=201,
    response_model=TerminationRecommendationRead,
    responses=_PROBLEMS,
)
async def recommend_termination(
    mentorship_id: UUID, body: TerminationRecommendationCreate, caller: CurrentCaller
) -> Any:
    """The program administrator recommends that the pair end the relationship (Maine,
    exception 3), in answer to a participant's contact: refused (409, rule
    `no_participant_contact`) until the mentor or the protégé of this pair has recorded a
    `relationship_not_working` disclosure to the administrator (`POST .../disclosures`). The
    participants read it and either of them ends it (`POST .../end`)."""
    return await endings.recommend_mentorship_termination(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        reason=body.reason,
    )


@router.get(
    "/mentorships/{mentorship_id}/termination-recommendations",
    operation_id="listTerminationRecommendations",
    response_model=TerminationRecommendationPageRead,
    responses=_PROBLEMS,
)
async def list_termination_recommendations(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """The administrator's recommendations to end the pair, for the pair and program staff."""
    everything = await endings.termination_recommendations(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    return bounded(request, response, everything, page)
