"""REST routes of who takes part and who pairs (issue 22)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller, SystemTime
from app.api.pagination import PageQuery, bounded, by
from app.api.rest.responses import problems
from app.api.rest.schemas.matching import MentorshipRead
from app.api.rest.schemas.people import (
    ApplicationEdit,
    CarriedMenteePageRead,
    CarriedMenteeRead,
    CommitteeRecommendationCreate,
    CommitteeRecommendationPageRead,
    CommitteeRecommendationRead,
    ConflictOfInterestCreate,
    ConflictOfInterestPageRead,
    ConflictOfInterestRead,
    MentorReplacementCreate,
    ReferralConfirmationCreate,
    RegisteredMentorPageRead,
    RegisteredMentorRead,
    RegisterEntryWrite,
    ShortlistRankingWrite,
)
from app.api.rest.schemas.programs import ApplicationRead
from app.services import (
    applications,
    committee,
    conflicts,
    mentor_register,
    next_session,
    referrals,
    shortlists,
)
from app.services.relationships import endings

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


@router.get(
    "/mentor-register",
    operation_id="readMentorRegister",
    response_model=RegisteredMentorPageRead,
    responses=problems(403),
)
async def read_mentor_register(
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
    division: str | None = None,
) -> Any:
    """The standing mentor register, readable by every employee (002): names, titles and
    expertise; capacity and availability for staff and the volunteer."""
    found = await mentor_register.read_register(
        uow=caller.uow, principal=caller.principal, division=division
    )
    everything = [RegisteredMentorRead.model_validate(m, from_attributes=True) for m in found]
    return bounded(request, response, everything, page, key=by("employee_id"))


@router.put(
    "/mentor-register/{employee_id}",
    operation_id="joinMentorRegister",
    responses=problems(403, 404, 422),
)
async def join_mentor_register(
    employee_id: UUID, body: RegisterEntryWrite, caller: CurrentCaller
) -> RegisteredMentorRead:
    """Volunteer to mentor, or update the offer; it stays listed across cohorts."""
    entry = await mentor_register.join_register(
        uow=caller.uow,
        principal=caller.principal,
        employee_id=employee_id,
        expertise=body.expertise,
        capacity=body.capacity,
        availability=body.availability,
        division=body.division,
    )
    return RegisteredMentorRead.model_validate(entry, from_attributes=True)


@router.delete(
    "/mentor-register/{employee_id}",
    operation_id="leaveMentorRegister",
    status_code=204,
    responses=problems(403, 404),
)
async def leave_mentor_register(employee_id: UUID, caller: CurrentCaller) -> Response:
    """Take an entry off the register."""
    await mentor_register.leave_register(
        uow=caller.uow, principal=caller.principal, employee_id=employee_id
    )
    return Response(status_code=204)


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
    clock: SystemTime,
) -> MentorshipRead:
    """Close a pair an HR change flagged and propose the mentee with another mentor, outside
    the checkpoint and in every program (the flag is recorded as the reason)."""
    created = await endings.replace_flagged_mentor(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
        mentorship_id=mentorship_id,
        mentor_id=body.mentor_id,
    )
    return MentorshipRead.model_validate(created, from_attributes=True)


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
    clock: SystemTime,
) -> ConflictOfInterestRead:
    """Record a conflict of interest between two people at any time (004 "Ethics"); matching
    refuses the pair and an open pair between them is flagged."""
    recorded = await conflicts.record_conflict_of_interest(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
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
    clock: SystemTime,
) -> CommitteeRecommendationRead:
    """The selection committee recommends a mentor for a mentee (000), every hard rule held;
    it replaces the mentee's earlier recommendation."""
    pick = await committee.recommend_pair(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
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
async def publish_committee_slate(
    cohort_id: UUID, caller: CurrentCaller, clock: SystemTime
) -> list[MentorshipRead]:
    """The coordinator publishes the committee's slate as proposed mentorships."""
    created = await committee.publish_committee_slate(
        uow=caller.uow, principal=caller.principal, clock=clock, cohort_id=cohort_id
    )
    return [MentorshipRead.model_validate(m, from_attributes=True) for m in created]


@router.put(
    "/applications/{application_id}/profile",
    operation_id="editApplication",
    responses=problems(403, 404, 409, 412, 422),
)
async def edit_application(
    application_id: UUID,
    body: ApplicationEdit,
    caller: CurrentCaller,
    clock: SystemTime,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationRead:
    """Edit the self-assessment or volunteer profile; eligibility is decided again with it.
    With `If-Match` (the application's `ETag`), only if nobody changed it since you read it
    (412 otherwise)."""
    edited = await applications.edit_application(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
        application_id=application_id,
        profile=body.profile(),
        capacity=body.capacity,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return ApplicationRead.model_validate(fingerprinted(response, edited), from_attributes=True)


@router.post(
    "/mentorships/{mentorship_id}/referral-confirmation",
    operation_id="confirmReferentQualifications",
    responses=problems(403, 404, 409),
)
async def confirm_referent_qualifications(
    mentorship_id: UUID,
    body: ReferralConfirmationCreate,
    caller: CurrentCaller,
    clock: SystemTime,
) -> MentorshipRead:
    """The Program Administrator records that a referred mentor's qualifications were
    confirmed (004), with who confirmed and when."""
    confirmed = await referrals.confirm_referent_qualifications(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
        mentorship_id=mentorship_id,
        note=body.note,
    )
    return MentorshipRead.model_validate(confirmed, from_attributes=True)


@router.put(
    "/applications/{application_id}/shortlist-ranking",
    operation_id="rankShortlist",
    responses=problems(403, 404, 412, 422),
)
async def rank_shortlist(
    application_id: UUID,
    body: ShortlistRankingWrite,
    caller: CurrentCaller,
    clock: SystemTime,
    response: Response,
    if_match: IfMatch = None,
) -> ApplicationRead:
    """The protégé ranks the mentors of their interview shortlist, best first (004); the
    ranking becomes their preferred mentors. With `If-Match` (the application's `ETag`), only
    if nobody changed it since you read it (412 otherwise)."""
    ranked = await shortlists.rank_shortlist(
        uow=caller.uow,
        principal=caller.principal,
        clock=clock,
        application_id=application_id,
        mentor_ids=body.mentor_ids,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return ApplicationRead.model_validate(fingerprinted(response, ranked), from_attributes=True)
