"""REST routes of one cohort: read it, and edit its name and dates under `If-Match`."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Response

from app.api.concurrency import IfMatch, expected_fingerprint, fingerprinted
from app.api.deps import CurrentCaller
from app.api.rest.responses import problems
from app.api.rest.schemas.programs import CohortRead, CohortUpdate
from app.services import cohorts

router = APIRouter(prefix="/v1", tags=["programs"])


@router.get(
    "/cohorts/{cohort_id}",
    operation_id="getCohort",
    response_model=CohortRead,
    responses=problems(403, 404),
)
async def get_cohort(cohort_id: UUID, caller: CurrentCaller, response: Response) -> Any:
    """One cohort; its `ETag` is the `If-Match` of an update."""
    found = await cohorts.get_cohort(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    fingerprinted(response, found.record)
    return found


@router.patch(
    "/cohorts/{cohort_id}",
    operation_id="updateCohort",
    response_model=CohortRead,
    responses=problems(400, 403, 404, 412),
)
async def update_cohort(
    cohort_id: UUID,
    caller: CurrentCaller,
    response: Response,
    body: CohortUpdate | None = None,
    if_match: IfMatch = None,
) -> Any:
    """Rename the cohort, or move its end or the day applications close (null clears a
    date); its start stays. With `If-Match` (the cohort's `ETag`), only if nobody changed the
    cohort since you read it (412 otherwise)."""
    changes = body or CohortUpdate()
    sent = changes.model_dump(exclude_unset=True)
    updated = await cohorts.update_cohort(
        uow=caller.uow,
        principal=caller.principal,
        cohort_id=cohort_id,
        name=changes.name,
        ends_on=changes.ends_on,
        applications_close_on=changes.applications_close_on,
        cleared=[field for field, value in sent.items() if value is None],
        if_fingerprint=expected_fingerprint(if_match),
    )
    fingerprinted(response, updated.record)
    return updated
