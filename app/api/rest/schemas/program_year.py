"""REST shapes of the program year: the coordinator's worklist and calendar edits."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import program_year as ex
from app.domain.calendar.worklist import WorkKind


class WorkItemRead(BaseModel):
    mentorship_id: UUID
    cohort_id: UUID
    kind: WorkKind = Field(
        description="What needs attention; `group_session_missed`: a mandatory group session "
        "held (attendance recorded) while the pair ran, missed by whom the `rule` names; "
        "`luncheon_missed`: a luncheon held while the pair ran, missed by the mentee or by "
        "the mentor hosting it (the `rule` names whom); "
        "`progress_report_missing`: a month of the running term without the mentee's monthly "
        "progress report, due on that month's last day; `debrief_missing`: a concluded pair "
        "(completed, or ended after it ran) whose coordinator has yet to debrief the side the "
        "`rule` names, due on the day it concluded; `plan_draft_missing`: a pair whose initial "
        "meeting was held while its development plan still holds no entry, due on the initial "
        "meeting's day (where the program's `goals.plan_drafted_at_initial_meeting` asks)"
    )
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
