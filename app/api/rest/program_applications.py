"""REST routes of applications: submit, read, supervisor approval, eligibility overrides."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller
from app.api.pagination import PageQuery, arrival, bounded, by, keyset
from app.api.rest.responses import problems
from app.api.rest.schemas.programs import (
    ApplicationCreate,
    ApplicationPageRead,
    ApplicationRead,
    EligibilityOverrideCreate,
    SupervisorDecisionCreate,
    VolunteerPageRead,
)
from app.services import applications as service
from app.services import eligibility_decisions, volunteers

router = APIRouter(prefix="/v1", tags=["programs"])


@router.post(
    "/cohorts/{cohort_id}/applications",
    operation_id="submitApplication",
    status_code=201,
    response_model=ApplicationRead,
    responses=problems(403, 404, 409),
)
async def submit_application(
    cohort_id: UUID,
    body: ApplicationCreate,
    caller: CurrentCaller,
) -> Any:
    """Apply as mentee (self-assessment) or mentor (volunteer profile). The answer carries the
    eligibility decision: every rule's outcome and reason."""
    return await service.submit_application(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        cohort_id=cohort_id,
        employee_id=body.employee_id,
        role=body.role,
        profile=body.profile(),
        capacity=body.capacity,
    )


@router.get(
    "/cohorts/{cohort_id}/applications",
    operation_id="listApplications",
    response_model=ApplicationPageRead,
    responses=problems(403, 404),
)
async def list_applications(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The applications to the cohort, in the order they came."""
    found = await service.applications_page(
        uow=caller.uow,
        principal=caller.principal,
        cohort_id=cohort_id,
        after=arrival(page.cursor),
        limit=page.limit,
    )
    return keyset(
        request, response, found.items, found.has_more, key=lambda a: [str(a.created_at), str(a.id)]
    )


@router.get(
    "/applications/{application_id}",
    operation_id="getApplication",
    response_model=ApplicationRead,
    responses=problems(403, 404),
)
async def get_application(application_id: UUID, caller: CurrentCaller, response: Response) -> Any:
    """One application and its latest eligibility decision; its `ETag` is the `If-Match` of an
    edit."""
    found = await service.get_application(
        uow=caller.uow, principal=caller.principal, application_id=application_id
    )
    return fingerprinted(response, found)


@router.post(
    "/applications/{application_id}/supervisor-decision",
    operation_id="decideSupervisorApproval",
    response_model=ApplicationRead,
    responses=problems(403, 404, 409, 412),
)
async def decide_supervisor_approval(
    application_id: UUID,
    body: SupervisorDecisionCreate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """The mentee's supervisor approves or declines participation (Caltrans). With `If-Match`
    (the application's `ETag`), only if nobody changed it since you read it (412 otherwise)."""
    decided = await eligibility_decisions.decide_supervisor_approval(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        application_id=application_id,
        approved=body.approved,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return fingerprinted(response, decided)


@router.post(
    "/applications/{application_id}/eligibility-overrides",
    operation_id="overrideEligibility",
    response_model=ApplicationRead,
    responses=problems(403, 404, 412),
)
async def override_eligibility(
    application_id: UUID,
    body: EligibilityOverrideCreate,
    caller: CurrentCaller,
    response: Response,
    if_match: IfMatch = None,
) -> Any:
    """Admit, on record, an applicant who fails a rule (where the policy allows: NC). With
    `If-Match` (the application's `ETag`), only if nobody changed it since you read it."""
    decided = await eligibility_decisions.override_eligibility(
        uow=caller.uow,
        principal=caller.principal,
        clock=caller.clock,
        application_id=application_id,
        rule=body.rule,
        reason=body.reason,
        if_fingerprint=expected_fingerprint(if_match),
    )
    return fingerprinted(response, decided)


@router.get(
    "/cohorts/{cohort_id}/volunteers",
    operation_id="listVolunteers",
    response_model=VolunteerPageRead,
    responses=problems(403, 404),
)
async def list_volunteers(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The volunteer list (Caltrans): eligible mentors with places left, to choose from."""
    everything = await volunteers.list_volunteers(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    return bounded(request, response, everything, page, key=by("employee_id"))
