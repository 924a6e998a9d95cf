"""REST routes of matching runs, locked pairs and mentorships."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query

from app.api.deps import CurrentPrincipal, SystemTime, UoW
from app.api.rest.responses import JsonModel, RecordJson, fields_of, problems
from app.api.rest.schemas.matching import (
    MatchingRunRead,
    MatchLockCreate,
    MatchLockRead,
    MentorshipCreate,
    MentorshipPageRead,
    MentorshipRead,
    PublishedRunRead,
    SuggestedMentorRead,
)
from app.services.matching import runs as matching_runs
from app.services.programs.records import MatchingRun, Mentorship
from app.services.relationships import mentorships

router = APIRouter(prefix="/v1", tags=["programs"])


def run_read(run: MatchingRun) -> MatchingRunRead:
    result: dict[str, Any] = dict(run.result)
    return MatchingRunRead(
        id=run.id,
        cohort_id=run.cohort_id,
        state=run.state,
        policy_version=run.policy_version,
        proposals=result["proposals"],
        unmatched=result["unmatched"],
        total_score=result["total_score"],
        supervisory_line=result.get("supervisory_line"),
        mentors_without_mentee=result.get("mentors_without_mentee", []),
        created_at=run.created_at,
        published_at=run.published_at,
    )


def mentorship_read(mentorship: Mentorship) -> dict[str, Any]:
    """A mentorship as `MentorshipRead`, its documents as stored (see `RecordJson`)."""
    return fields_of(mentorship, MentorshipRead)


@router.post(
    "/cohorts/{cohort_id}/matching-runs",
    operation_id="startMatchingRun",
    status_code=201,
    response_model=MatchingRunRead,
    responses=problems(403, 404, 409),
)
async def start_matching_run(
    cohort_id: UUID, uow: UoW, principal: CurrentPrincipal, clock: SystemTime
) -> JsonModel:
    """The globally best pairs for the cohort's eligible applicants under every hard rule; each
    proposal explains its score and names runners-up; the unmatched are listed with a reason."""
    run = await matching_runs.start_matching_run(
        uow=uow, principal=principal, clock=clock, cohort_id=cohort_id
    )
    return JsonModel(run_read(run), 201)


@router.get(
    "/matching-runs/{run_id}",
    operation_id="getMatchingRun",
    response_model=MatchingRunRead,
    responses=problems(403, 404),
)
async def get_matching_run(run_id: UUID, uow: UoW, principal: CurrentPrincipal) -> JsonModel:
    """One matching run with its proposals."""
    run = await matching_runs.get_matching_run(uow=uow, principal=principal, run_id=run_id)
    return JsonModel(run_read(run))


@router.post(
    "/matching-runs/{run_id}/publish",
    operation_id="publishMatchingRun",
    response_model=PublishedRunRead,
    responses=problems(403, 404, 409),
)
async def publish_matching_run(run_id: UUID, uow: UoW, principal: CurrentPrincipal) -> RecordJson:
    """Turn the proposals into mentorships in state `proposed`. A second publish is 409."""
    created = await matching_runs.publish_matching_run(uow=uow, principal=principal, run_id=run_id)
    return RecordJson(
        {"matching_run_id": run_id, "mentorships": [mentorship_read(m) for m in created]}
    )


@router.post(
    "/cohorts/{cohort_id}/locks",
    operation_id="lockPair",
    status_code=201,
    response_model=MatchLockRead,
    responses=problems(403, 404),
)
async def lock_pair(
    cohort_id: UUID,
    body: MatchLockCreate,
    uow: UoW,
    principal: CurrentPrincipal,
    clock: SystemTime,
) -> JsonModel:
    """Fix a pair: later runs of the cohort keep it. It must pass every hard rule."""
    lock = await matching_runs.lock_pair(
        uow=uow,
        principal=principal,
        clock=clock,
        cohort_id=cohort_id,
        mentee_id=body.mentee_id,
        mentor_id=body.mentor_id,
    )
    return JsonModel(MatchLockRead.model_validate(lock, from_attributes=True), 201)


@router.post(
    "/mentorships",
    operation_id="createMentorship",
    status_code=201,
    response_model=MentorshipRead,
    responses=problems(403, 404, 409),
)
async def create_mentorship(
    body: MentorshipCreate, uow: UoW, principal: CurrentPrincipal
) -> RecordJson:
    """A pair formed by the mentee's choice (an off-list mentor allowed), a referral, an
    interview shortlist, the committee or the coordinator; it must pass every hard rule."""
    created = await mentorships.create_mentorship(uow=uow, principal=principal, **body.model_dump())
    return RecordJson(mentorship_read(created), 201)


@router.get(
    "/mentorships",
    operation_id="listMentorships",
    response_model=MentorshipPageRead,
    responses=problems(403),
)
async def list_mentorships(
    uow: UoW,
    principal: CurrentPrincipal,
    cohort_id: UUID | None = None,
    after: Annotated[UUID | None, Query(description="`next_after` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=mentorships.MAX_PAGE)] = 50,
) -> RecordJson:
    """The mentorships the caller may see: their own, their reports', or all for staff."""
    found = await mentorships.list_mentorships(
        uow=uow, principal=principal, cohort_id=cohort_id, after=after, limit=limit
    )
    next_after = found[-1].id if len(found) == limit else None
    return RecordJson({"items": [mentorship_read(m) for m in found], "next_after": next_after})


@router.get(
    "/mentorships/{mentorship_id}",
    operation_id="getMentorship",
    response_model=MentorshipRead,
    responses=problems(403, 404),
)
async def get_mentorship(mentorship_id: UUID, uow: UoW, principal: CurrentPrincipal) -> RecordJson:
    """One mentorship: its dates, state and the policy snapshot it lives under."""
    found = await mentorships.get_mentorship(
        uow=uow, principal=principal, mentorship_id=mentorship_id
    )
    return RecordJson(mentorship_read(found))


@router.get(
    "/applications/{application_id}/suggested-mentors",
    operation_id="suggestMentors",
    response_model=list[SuggestedMentorRead],
    responses=problems(403, 404),
)
async def suggest_mentors(
    application_id: UUID,
    uow: UoW,
    principal: CurrentPrincipal,
    clock: SystemTime,
    count: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[SuggestedMentorRead]:
    """An interview shortlist (Maine): the mentee's best allowed mentors, each explained."""
    found = await matching_runs.suggest_mentors(
        uow=uow, principal=principal, clock=clock, application_id=application_id, count=count
    )
    return [
        SuggestedMentorRead(
            mentor_id=UUID(str(e.mentor_id)), score=e.score.total, explanation=e.to_dict()
        )
        for e in found
    ]
