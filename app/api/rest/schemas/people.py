"""REST shapes of who takes part: the next-session list (issue 22)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field


class CarriedMenteeRead(BaseModel):
    mentee_id: UUID
    mentorship_id: UUID = Field(description="The pair the mentee was withdrawn from")
    from_cohort_id: UUID
    withdrawn_on: date | None
    reason: str = Field(
        description="mentee_asked_change_no_rematch, mentor_asked_change_no_rematch, "
        "both_asked_change_no_rematch or no_rematch"
    )
    application_id: UUID | None = Field(description="Their application to this cohort, if any")
