"""REST routes of the protege's own acts on a disclosure about them (Maine, seed 004)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from app.api.deps import CurrentCaller
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.disclosures import DisclosureRead
from app.services.relationships import disclosures

router = APIRouter(prefix="/v1", tags=["mentorships"])


class ConsentAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"grant": False}]})
    grant: bool


@router.post(
    "/disclosures/{disclosure_id}/consent",
    operation_id="answerDisclosureConsent",
    responses=problems(400, 403, 404, 409),
)
async def answer_consent(
    disclosure_id: UUID, body: ConsentAnswer, caller: CurrentCaller
) -> DisclosureRead:
    """The protege grants or refuses the mentor's request to speak with their supervisor."""
    found = await disclosures.answer_consent(
        uow=caller.uow, principal=caller.principal, disclosure_id=disclosure_id, grant=body.grant
    )
    return DisclosureRead.model_validate(found, from_attributes=True)


@router.post(
    "/disclosures/{disclosure_id}/acknowledge",
    operation_id="acknowledgeDisclosure",
    responses=problems(400, 403, 404, 409),
)
async def acknowledge(disclosure_id: UUID, caller: CurrentCaller) -> DisclosureRead:
    """The protege records that they know of a safety disclosure about them."""
    found = await disclosures.acknowledge_disclosure(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, disclosure_id=disclosure_id
    )
    return DisclosureRead.model_validate(found, from_attributes=True)
