"""The next session list in GraphQL: mentees carried over from a checkpoint withdrawal (the
same service as REST)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from app.api.graphql.programs_common import args, or_none
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.domain.next_session import CarriedMentee as CarriedMenteeRecord
from app.services import next_session


@strawberry.type
class CarriedMentee:
    mentee_id: UUID
    mentorship_id: UUID
    from_cohort_id: UUID
    withdrawn_on: date | None
    reason: str
    application_id: UUID | None

    @classmethod
    def of(cls, c: CarriedMenteeRecord) -> CarriedMentee:
        return cls(
            mentee_id=c.mentee_id,
            mentorship_id=c.mentorship_id,
            from_cohort_id=c.from_cohort_id,
            withdrawn_on=c.withdrawn_on,
            reason=c.reason.value,
            application_id=c.application_id,
        )


@strawberry.type
class NextSessionQuery:
    @strawberry.field(
        description="Mentees carried to this cohort from a checkpoint withdrawal; null when "
        "the cohort is not found"
    )
    async def next_session_list(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CarriedMentee] | None:
        found = await or_none(next_session.next_session_list(**args(info), cohort_id=cohort_id))
        if found is None:
            return None
        return bounded(
            found, first, after, last, before, key=by("mentorship_id"), make=CarriedMentee.of
        )
