"""REST routes of a mentorship's life: confirm, agreement, checkpoint, end, complete."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Response

from app.api.concurrency import IfMatch, expected_version, tagged
from app.api.deps import CurrentCaller
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.agreements import AgreementRead, AgreementUpdate
from app.api.rest.schemas.relationships.progress import (
    CheckpointCreate,
    CheckpointRead,
    CompletionCreate,
    MentorshipProgressRead,
    NeedsAssessmentRead,
)
from app.services.relationships import agreements, checkpoint, confirmations, endings
from app.services.relationships import needs_assessment as needs
from app.services.relationships import progress as mentorship_progress
from app.services.relationships.pairs import Pair

router = APIRouter(prefix="/v1", tags=["mentorships"])
_PROBLEMS = problems(400, 403, 404, 409)


def _progress(pair: Pair) -> mentorship_progress.ProgressView:
    return mentorship_progress.describe(pair)


@router.get(
    "/mentorships/{mentorship_id}/progress",
    operation_id="getMentorshipProgress",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def get_progress(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """The mentorship's facts: state, confirmations, signatures, timeline, cadence signal."""
    return await mentorship_progress.get_progress(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, mentorship_id=mentorship_id
    )


@router.post(
    "/mentorships/{mentorship_id}/confirm",
    operation_id="confirmMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def confirm(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """A participant confirms; `active` once both have (and signed, where the policy asks)."""
    return _progress(
        await confirmations.confirm_mentorship(
            uow=caller.uow,
            principal=caller.principal,
            clock=caller.clock,
            mentorship_id=mentorship_id,
        )
    )


@router.post(
    "/mentorships/{mentorship_id}/end",
    operation_id="endMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def end(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """Either participant ends the relationship, at any time; no reason is asked."""
    return _progress(
        await endings.end_mentorship(
            uow=caller.uow,
            principal=caller.principal,
            clock=caller.clock,
            mentorship_id=mentorship_id,
        )
    )


@router.post(
    "/mentorships/{mentorship_id}/terminate",
    operation_id="terminateMentorship",
    response_model=MentorshipProgressRead,
    responses=_PROBLEMS,
)
async def terminate(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """The program administrator ends a pair an HR change flagged, in every program, or any
    pair where the program's policy gives them that (Maine's administrator recommends instead:
    `POST .../termination-recommendations`)."""
    return _progress(
        await endings.terminate_mentorship(
            uow=caller.uow,
            principal=caller.principal,
            clock=caller.clock,
            mentorship_id=mentorship_id,
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
    caller: CurrentCaller,
) -> Any:
    """Complete at the term's end, after the required evaluations, with the plan's outcomes."""
    return _progress(
        await endings.complete_mentorship(
            uow=caller.uow,
            principal=caller.principal,
            clock=caller.clock,
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
async def get_agreement(mentorship_id: UUID, caller: CurrentCaller, response: Response) -> Any:
    """The current agreement, its version as the `ETag`; staff see that it is signed, never the
    pair's concerns."""
    found = await agreements.get_agreement(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    tagged(response, found.version)
    return found


@router.put(
    "/mentorships/{mentorship_id}/agreement",
    operation_id="writeAgreement",
    response_model=AgreementRead,
    responses=problems(400, 403, 404, 409, 412),
)
async def write_agreement(
    mentorship_id: UUID,
    body: AgreementUpdate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """A new version of the terms; both participants sign it again. With `If-Match`, only if
    nobody changed the agreement since you read it (412 otherwise)."""
    written = await agreements.write_agreement(
        uow=caller.uow,
        principal=caller.principal,
        mentorship_id=mentorship_id,
        terms=body.terms,
        if_version=expected_version(if_match),
    )
    tagged(response, written.version)
    return written


@router.post(
    "/mentorships/{mentorship_id}/agreement/sign",
    operation_id="signAgreement",
    response_model=AgreementRead,
    responses=problems(400, 403, 404, 409, 412),
)
async def sign_agreement(
    mentorship_id: UUID,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """The caller signs the current version of the agreement (once). With `If-Match` (the
    agreement's `ETag`), only if it is still the version you read (412 otherwise)."""
    signed = await agreements.sign_agreement(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        if_version=expected_version(if_match),
    )
    tagged(response, signed.version)
    return signed


@router.get(
    "/mentorships/{mentorship_id}/checkpoint",
    operation_id="getCheckpoint",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def get_checkpoint(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """Where the compatibility checkpoint stands: the caller's own answer, never the other's."""
    return await checkpoint.get_checkpoint(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )


@router.get(
    "/mentorships/{mentorship_id}/needs-assessment",
    operation_id="getNeedsAssessment",
    response_model=NeedsAssessmentRead,
    responses=_PROBLEMS,
)
async def get_needs_assessment(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """The mentee's needs assessment: its text for the pair, that it was provided for staff.
    The mentee provides it on their application's profile (`PUT .../profile`)."""
    return await needs.read_needs_assessment(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )


@router.post(
    "/mentorships/{mentorship_id}/checkpoint",
    operation_id="answerCheckpoint",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def answer_checkpoint(
    mentorship_id: UUID,
    body: CheckpointCreate,
    caller: CurrentCaller,
) -> Any:
    """Continue, or ask for a change (no reason): a rematch is proposed, else withdrawal."""
    return await checkpoint.answer_checkpoint(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        mentorship_id=mentorship_id,
        decision=body.decision,
    )


@router.post(
    "/mentorships/{mentorship_id}/checkpoint/confirm-rematch",
    operation_id="confirmRematch",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def confirm_rematch(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """The coordinator confirms the proposed change of mentor."""
    return await checkpoint.confirm_rematch(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, mentorship_id=mentorship_id
    )


@router.post(
    "/mentorships/{mentorship_id}/checkpoint/decline-rematch",
    operation_id="declineRematch",
    response_model=CheckpointRead,
    responses=_PROBLEMS,
)
async def decline_rematch(mentorship_id: UUID, caller: CurrentCaller) -> Any:
    """The coordinator declines the proposed mentor: the next alternative is proposed, or,
    with none left, the mentee is withdrawn (eligible for the next cohort)."""
    return await checkpoint.decline_rematch(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, mentorship_id=mentorship_id
    )
