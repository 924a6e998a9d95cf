"""REST shapes of the program year: the coordinator's worklist and calendar edits."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import program_year as ex


class WorkItemRead(BaseModel):
    mentorship_id: UUID
    cohort_id: UUID
    kind: str = Field(description="checkpoint_unanswered, checkup_missing, cadence_at_risk, ...")
    rule: str = Field(description="What the rule asks, in the handbook's words")
    seed: str = Field(description="The handbook (seed file) the program's rule comes from")
    due_on: date
    overdue: bool


class WorklistRead(Page[WorkItemRead]):
    """What is due, overdue first; `total` counts every item on every page."""

    model_config = ConfigDict(json_schema_extra=ex.WORKLIST_READ)

    total: int


class CohortEventUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.COHORT_EVENT_UPDATE)
    title: str = Field(min_length=1, max_length=200)
    starts_on: date
    ends_on: date | None = None
