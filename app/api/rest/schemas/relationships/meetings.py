"""REST shapes of the meeting log, its cadence and the mentee's journal."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples.relationships import meetings as ex
from app.domain.meeting_log import MeetingMode

_READ = ConfigDict(from_attributes=True)
_MODE = (
    "How the pair met (null: not stated). Where the "
    "program counts face-to-face meetings only (NC), a phone or email check-in adds its "
    "hours but is no meeting"
)


class MeetingCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "held_on": "2027-03-15",
                    "hours": 1.5,
                    "topics": ["goal setting"],
                    "notes": "Only the pair reads this.",
                }
            ]
        },
    )
    held_on: date
    hours: float = Field(gt=0, le=24)
    topics: list[str] = Field(default_factory=list, max_length=50)
    goal_id: UUID | None = Field(
        default=None, description="The goal it served: an entry of this pair's plan (422 otherwise)"
    )
    competency: str | None = None
    observations: str | None = None
    follow_ups: str | None = None
    notes: str | None = Field(default=None, description="Confidential to the pair")
    mode: MeetingMode | None = Field(default=None, description=_MODE)


class MeetingRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.MEETING_READ)
    id: UUID
    mentorship_id: UUID
    held_on: date
    hours: float
    topics: list[str]
    goal_id: UUID | None
    competency: str | None
    observations: str | None
    follow_ups: str | None
    notes: str | None
    logged_by: UUID | None
    cancelled: bool = Field(description="Cancelled: kept on record, counted nowhere")
    cancelled_at: datetime | None
    cancelled_by: UUID | None = Field(description="Shown to the pair only")
    created_at: datetime | None
    mode: MeetingMode | None = Field(default=None, description=_MODE)


class MonthCadenceRead(BaseModel):
    model_config = _READ
    month: int
    starts_on: date
    ends_on: date
    meetings: int
    hours: float
    min_meetings: int
    min_hours: float
    finished: bool
    short: bool


class CadenceRead(BaseModel):
    model_config = _READ
    months: list[MonthCadenceRead]
    initial_meeting_missed: bool
    at_risk: bool
    reason: str
    short_months: list[int] = Field(description="The finished months that fell short")


class MeetingLogRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.MEETING_LOG_READ)
    meetings: list[MeetingRead]
    content_withheld: bool
    cadence: CadenceRead


class JournalEntryCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "entry_on": "2027-03-16",
                    "focus": "Running a difficult meeting",
                    "learning_points": "Agree the agenda first",
                }
            ]
        },
    )
    entry_on: date
    overall_goal: str | None = None
    focus: str | None = Field(default=None, description="Focus of interaction")
    specifics: str | None = Field(default=None, description="Specifics of the issue / situation")
    learning_points: str | None = None
    application: str | None = Field(default=None, description="How and where it can be used")
    accomplishments: str | None = Field(default=None, description="Accomplishments toward goal")
    learning_activities: str | None = Field(
        default=None, description="Possible learning activities or ideas"
    )


class JournalEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.JOURNAL_ENTRY_READ)
    id: UUID
    mentorship_id: UUID
    entry_on: date
    entry: dict[str, str]
    created_at: datetime | None


class JournalEntryPageRead(Page[JournalEntryRead]):
    """A page of journal entries."""
