"""REST routes of a mentorship's life: confirm, agreement, checkpoint, end, complete."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from app.api.deps import CurrentPrincipal, SystemTime, UoW
from app.api.rest.responses import JsonModel, problems
from app.api.rest.schemas.relationships import (
    AgreementRead,
    AgreementUpdate,
    CheckpointCreate,
    CheckpointRead,
    CompletionCreate,
    MentorshipProgressRead,
)
from app.services.relationships import agreements, checkpoint, confirmations, endings
from app.services.relationships import progress as mentorship_progress
from app.services.relationships.pairs import Pair

router = APIRouter(prefix="/v1", tags=["mentorships"])
_PROBLEMS = problems(400, 403, 404, 409)


def _progress(pair: Pair) -> JsonModel:
    view = mentorship_progress.describe(pair)
    return JsonModel(MentorshipProgressRead.model_validate(view, from_attributes=True))


@router.get(
    "/mentorships/{mentorship_id}/progress",
    operation_id="getMentorshipProgress",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def get_progress(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """The mentorship's facts: state, confirmations, signatures, timeline, cadence signal."""
    view = await mentorship_progress.get_progress(
        uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
    )
    return JsonModel(MentorshipProgressRead.model_validate(view, from_attributes=True))


@router.post(
    "/mentorships/{mentorship_id}/confirm",
    operation_id="confirmMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def confirm(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """A participant confirms; `active` once both have (and signed, where the policy asks)."""
    return _progress(
        await confirmations.confirm_mentorship(
            uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
        )
    )


@router.post(
    "/mentorships/{mentorship_id}/end",
    operation_id="endMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def end(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """Either participant ends the relationship, at any time; no reason is asked."""
    return _progress(
        await endings.end_mentorship(
            uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
        )
    )


@router.post(
    "/mentorships/{mentorship_id}/terminate",
    operation_id="terminateMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def terminate(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """The program administrator ends the relationship, where the policy allows (Maine)."""
    return _progress(
        await endings.terminate_mentorship(
            uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
        )
    )


@router.post(
    "/mentorships/{mentorship_id}/complete",
    operation_id="completeMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def complete(
    mentorship_id: UUID,
    body: CompletionCreate,
    uow: UoW,
    principal: CurrentPrincipal,
    clock: SystemTime,
) -> JsonModel:
    """Complete at the term's end, after the required evaluations, with the plan's outcomes."""
    return _progress(
        await endings.complete_mentorship(
            uow=uow,
            principal=principal,
            clock=clock,
            mentorship_id=mentorship_id,
            outcomes=body.outcomes,
        )
    )


@router.get(
    "/mentorships/{mentorship_id}/agreement",
    operation_id="getAgreement",
    response_model=AgreementRead,
    responses=_PROBLEMS,
)
async def get_agreement(mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal) -> JsonModel:
    """The current agreement; staff see that it is signed, never the pair's concerns."""
    view = await agreements.get_agreement(uow=uow, principal=principal, mentorship_id=mentorship_id)
    return JsonModel(AgreementRead.model_validate(view, from_attributes=True))


@router.put(
    "/mentorships/{mentorship_id}/agreement",
    operation_id="writeAgreement",
    response_model=AgreementRead,
    responses=_PROBLEMS,
)
async def write_agreement(
    mentorship_id: UUID, body: AgreementUpdate, uow: UoW, principal: CurrentPrincipal
) -> JsonModel:
    """A new version of the terms; both participants sign it again."""
    view = await agreements.write_agreement(
        uow=uow, principal=principal, mentorship_id=mentorship_id, terms=body.terms
    )
    return JsonModel(AgreementRead.model_validate(view, from_attributes=True))


@router.post(
    "/mentorships/{mentorship_id}/agreement/sign",
    operation_id="signAgreement",
    response_model=AgreementRead,
    responses=_PROBLEMS,
)
async def sign_agreement(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """The caller signs the current version of the agreement (once)."""
    view = await agreements.sign_agreement(
        uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
    )
    return JsonModel(AgreementRead.model_validate(view, from_attributes=True))


@router.get(
    "/mentorships/{mentorship_id}/checkpoint",
    operation_id="getCheckpoint",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def get_checkpoint(mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal) -> JsonModel:
    """Where the compatibility checkpoint stands: the caller's own answer, never the other's."""
    view = await checkpoint.get_checkpoint(
        uow=uow, principal=principal, mentorship_id=mentorship_id
    )
    return JsonModel(CheckpointRead.model_validate(view, from_attributes=True))


@router.post(
    "/mentorships/{mentorship_id}/checkpoint",
    operation_id="answerCheckpoint",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def answer_checkpoint(
    mentorship_id: UUID,
    body: CheckpointCreate,
    uow: UoW,
    principal: CurrentPrincipal,
    clock: SystemTime,
) -> JsonModel:
    """Continue, or ask for a change (no reason): a rematch is proposed, else withdrawal."""
    view = await checkpoint.answer_checkpoint(
        uow=uow,
        principal=principal,
        clock=clock,
        mentorship_id=mentorship_id,
        decision=body.decision,
    )
    return JsonModel(CheckpointRead.model_validate(view, from_attributes=True))


@router.post(
    "/mentorships/{mentorship_id}/checkpoint/confirm-rematch",
    operation_id="confirmRematch",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def confirm_rematch(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """The coordinator confirms the proposed change of mentor."""
    view = await checkpoint.confirm_rematch(
        uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
    )
    return JsonModel(CheckpointRead.model_validate(view, from_attributes=True))


@router.post(
    "/mentorships/{mentorship_id}/checkpoint/decline-rematch",
    operation_id="declineRematch",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def decline_rematch(
    mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """The coordinator declines the proposed mentor: the next alternative is proposed, or,
    with none left, the mentee is withdrawn (eligible for the next cohort)."""
    view = await checkpoint.decline_rematch(
        uow=uow, principal=principal, clock=clock, mentorship_id=mentorship_id
    )
    return JsonModel(CheckpointRead.model_validate(view, from_attributes=True))
