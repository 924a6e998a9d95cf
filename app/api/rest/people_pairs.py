"""REST routes of changing who pairs after a pair is proposed: replacing a mentor an HR change
flagged, and confirming a referred mentor's qualifications (004)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from app.api.deps import CurrentCaller
from app.api.rest.responses import problems
from app.api.rest.schemas.matching import MentorshipRead
from app.api.rest.schemas.people import MentorReplacementCreate, ReferralConfirmationCreate
from app.services import referrals
from app.services.relationships import endings

router = APIRouter(prefix="/v1", tags=["programs"])


@router.post(
    "/mentorships/{mentorship_id}/replace-mentor",
    operation_id="replaceFlaggedMentor",
    status_code=201,
    responses=problems(403, 404, 409, 422),
)
async def replace_flagged_mentor(
    mentorship_id: UUID,
    body: MentorReplacementCreate,
    caller: CurrentCaller,
) -> MentorshipRead:
    """Close a pair an HR change flagged and propose the mentee with another mentor, outside
    the checkpoint and in every program (the flag is recorded as the reason)."""
    created = await endings.replace_flagged_mentor(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        mentor_id=body.mentor_id,
    )
    return MentorshipRead.model_validate(created, from_attributes=True)


@router.post(
    "/mentorships/{mentorship_id}/referral-confirmation",
    operation_id="confirmReferentQualifications",
    responses=problems(403, 404, 409),
)
async def confirm_referent_qualifications(
    mentorship_id: UUID,
    body: ReferralConfirmationCreate,
    caller: CurrentCaller,
) -> MentorshipRead:
    """The Program Administrator records that a referred mentor's qualifications were
    confirmed (004), with who confirmed and when."""
    confirmed = await referrals.confirm_referent_qualifications(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        note=body.note,
    )
    return MentorshipRead.model_validate(confirmed, from_attributes=True)
