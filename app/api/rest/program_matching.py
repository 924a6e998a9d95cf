"""REST routes of matching: runs, their proposals and publication, locked pairs, and an
interview shortlist of suggested mentors."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Header, Query, Request, Response

from app.api import pagination
from app.api.deps import CurrentCaller, MatchingBackgroundAbove
from app.api.pagination import PageQuery, keyset, single_key
from app.api.rest.responses import problems
from app.api.rest.schemas.matching import (
    MatchingRunPageRead,
    MatchingRunRead,
    MatchLockCreate,
    MatchLockRead,
    ProposalPageRead,
    PublishedRunRead,
    SuggestedMentorRead,
)
from app.domain.matching.run_state import PENDING
from app.services.matching import interview_shortlist
from app.services.matching import proposals as run_proposals
from app.services.matching import runs as matching_runs
from app.services.matching.queued_runs import POLL_AFTER_SECONDS
from app.services.programs.records import MatchingRun

router = APIRouter(prefix="/v1", tags=["programs"])


def run_read(run: MatchingRun) -> MatchingRunRead:
    result: dict[str, Any] = dict(run.result)  # empty until the run is computed
    return MatchingRunRead(
        id=run.id,
        cohort_id=run.cohort_id,
        state=run.state,
        policy_version=run.policy_version,
        proposals=result.get("proposals", []),
        unmatched=result.get("unmatched", []),
        total_score=result.get("total_score", 0.0),
        supervisory_line=result.get("supervisory_line"),
        mentors_without_mentee=result.get("mentors_without_mentee", []),
        created_by=run.created_by,
        created_at=run.created_at,
        published_at=run.published_at,
        started_at=run.started_at,
        finished_at=run.finished_at,
        failure=None if run.failure is None else dict(run.failure),
    )


def prefers_async(prefer: str | None) -> bool:
    """Whether a `Prefer` header (RFC 7240) asks for `respond-async`."""
    return any(
        p.split(";")[0].split("=")[0].strip().lower() == "respond-async"
        for p in (prefer or "").split(",")
    )


_QUEUED: dict[int | str, dict[str, Any]] = {
    202: {
        "model": MatchingRunRead,
        "description": "Queued for the background (asked with `Prefer: respond-async`, or a "
        "cohort above the service's threshold): poll the run at `Location` until its state "
        "is `computed` or `failed`",
        "headers": {
            "Location": {"description": "The run's URL", "schema": {"type": "string"}},
            "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}},
        },
    }
}


@router.post(
    "/cohorts/{cohort_id}/matching-runs",
    operation_id="startMatchingRun",
    status_code=201,
    responses={**_QUEUED, **problems(403, 404, 409)},
)
async def start_matching_run(
    cohort_id: UUID,
    caller: CurrentCaller,
    background_above: MatchingBackgroundAbove,
    response: Response,
    prefer: Annotated[
        str | None, Header(description="`respond-async` (RFC 7240): compute in the background")
    ] = None,
) -> MatchingRunRead:
    """The globally best pairs for the cohort's eligible applicants under every hard rule; each
    proposal explains its score and names runners-up; the unmatched are listed with a reason.
    A large cohort's run, or any with `Prefer: respond-async`, is answered 202 and computed in
    the background."""
    respond_async = prefers_async(prefer)
    run = await matching_runs.start_matching_run(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        respond_async=respond_async,
        background_above=background_above,
    )
    if run.state in PENDING:
        response.status_code = 202
        response.headers["Location"] = f"/v1/matching-runs/{run.id}"
        response.headers["Retry-After"] = str(POLL_AFTER_SECONDS)
        if respond_async:
            response.headers["Preference-Applied"] = "respond-async"
    return run_read(run)


@router.get(
    "/cohorts/{cohort_id}/matching-runs",
    operation_id="listMatchingRuns",
    response_model=MatchingRunPageRead,
    responses=problems(403, 404),
)
async def list_matching_runs(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """A cohort's matching runs, computed and published, with their proposals."""
    found = await matching_runs.list_matching_runs(
        uow=caller.uow,
        principal=caller.principal,
        cohort_id=cohort_id,
        after=single_key(page, UUID),
        limit=page.limit,
    )
    items = [run_read(r) for r in found.items]
    return keyset(request, response, items, found.has_more, key=lambda r: [str(r.id)])


@router.get(
    "/matching-runs/{run_id}",
    operation_id="getMatchingRun",
    responses=problems(403, 404),
)
async def get_matching_run(
    run_id: UUID, caller: CurrentCaller, response: Response
) -> MatchingRunRead:
    """One matching run with its proposals; while it is queued or computing, `Retry-After`
    says when to ask again."""
    run = await matching_runs.get_matching_run(
        uow=caller.uow, principal=caller.principal, run_id=run_id
    )
    if run.state in PENDING:
        response.headers["Retry-After"] = str(POLL_AFTER_SECONDS)
    return run_read(run)


@router.get(
    "/matching-runs/{run_id}/proposals",
    operation_id="listMatchingRunProposals",
    response_model=ProposalPageRead,
    responses=problems(403, 404, 409, 422),
)
async def list_matching_run_proposals(
    run_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The run's proposals a page at a time, in mentee id order, each explained."""
    found = await run_proposals.list_run_proposals(
        uow=caller.uow,
        principal=caller.principal,
        run_id=run_id,
        limit=page.limit,
        cursor=page.cursor,
    )
    return pagination.answer(request, response, found.items, found.next_cursor)


@router.post(
    "/matching-runs/{run_id}/publish",
    operation_id="publishMatchingRun",
    response_model=PublishedRunRead,
    responses=problems(403, 404, 409),
)
async def publish_matching_run(run_id: UUID, caller: CurrentCaller) -> Any:
    """Turn the proposals into mentorships in state `proposed`, starting on the publish day (or
    the cohort's start if that is later). A second publish is 409."""
    created = await matching_runs.publish_matching_run(
        uow=caller.uow, principal=caller.principal, clock=caller.clock, run_id=run_id
    )
    return {"matching_run_id": run_id, "mentorships": created}


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
    caller: CurrentCaller,
) -> Any:
    """Fix a pair: later runs of the cohort keep it. It must pass every hard rule."""
    return await matching_runs.lock_pair(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        mentee_id=body.mentee_id,
        mentor_id=body.mentor_id,
    )


@router.get(
    "/applications/{application_id}/suggested-mentors",
    operation_id="suggestMentors",
    responses=problems(403, 404),
)
async def suggest_mentors(
    application_id: UUID,
    caller: CurrentCaller,
    count: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[SuggestedMentorRead]:
    """An interview shortlist (Maine): the mentee's best allowed mentors, each explained."""
    found = await interview_shortlist.suggest_mentors(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        application_id=application_id,
        count=count,
    )
    return [
        SuggestedMentorRead(
            mentor_id=UUID(str(e.mentor_id)), score=e.score.total, explanation=e.to_dict()
        )
        for e in found
    ]
