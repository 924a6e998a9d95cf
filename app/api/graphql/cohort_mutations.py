"""GraphQL edits of a cohort: the same service function as REST's `PATCH /v1/cohorts/{id}`."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import strawberry

from app.api.concurrency import expected_fingerprint
from app.api.graphql.problems import Problem
from app.api.graphql.program_types import Cohort
from app.api.graphql.programs_common import CohortResult, args, or_problem
from app.services import cohorts


@strawberry.type
class CohortMutation:
    @strawberry.mutation(
        description="Rename a cohort, or move its end (`endsOn`, the first day past its term) "
        "or the day applications close (null clears a date); its start stays. With `ifMatch` "
        "(the cohort's `etag`), only if nobody changed it since you read it."
    )
    async def update_cohort(
        self,
        info: strawberry.Info,
        id: UUID,
        name: str | None = None,
        ends_on: date | None = strawberry.UNSET,
        applications_close_on: date | None = strawberry.UNSET,
        if_match: str | None = None,
    ) -> CohortResult:
        dates = {"ends_on": ends_on, "applications_close_on": applications_close_on}
        sent = {field: value for field, value in dates.items() if value is not strawberry.UNSET}
        found = await or_problem(_update(info, id, name, sent, if_match))
        return Cohort.of(found) if not isinstance(found, Problem) else found


async def _update(
    info: strawberry.Info, id: UUID, name: str | None, sent: dict[str, Any], if_match: str | None
) -> Any:
    # Parsed here, inside the awaited work, so a malformed `ifMatch` answers a Problem too.
    return await cohorts.update_cohort(
        **args(info),
        cohort_id=id,
        name=name,
        cleared=[field for field, value in sent.items() if value is None],
        if_fingerprint=expected_fingerprint(if_match),
        **{field: value for field, value in sent.items() if value is not None},
    )
