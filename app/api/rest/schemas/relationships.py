"""REST shapes of running a mentorship."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import relationships as ex
from app.domain.confidentiality import ContentPart, DisclosureKind
from app.domain.lifecycle import CheckpointDecision
from app.domain.policy.model import EvaluationKind
from app.services.relationships.goals import GoalKind

_READ = ConfigDict(from_attributes=True)
_INPUT = ConfigDict(extra="forbid")


class MentorshipProgressRead(BaseModel):
    """A mentorship's facts: state, confirmations, signatures, timeline, cadence signal."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.MENTORSHIP_PROGRESS_READ)
    id: UUID
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    state: str
    confirmed_by: list[str]
    agreement_required: bool
    agreement_signed_by: list[str]
    evaluations_done: list[str]
    evaluations_missing: dict[str, int]
    awaiting_signatures: bool = Field(
        description="Confirmed, waiting for both to sign the agreement as it now stands"
    )
    evaluations_owed: list[str] = Field(
        description='What completion still waits for, and from whom: "1 final from the mentor"'
    )
    starts_on: date
    ends_on: date
    initial_meeting_due_on: date | None
    checkpoint_opens_on: date | None
    checkpoint_due_on: date | None
    midpoint_on: date | None
    checkups: list[date]
    activated_on: date | None
    closed_on: date | None
    checkpoint_outcome: str | None
    successor_id: UUID | None
    mentee_eligible_for_next_cohort: bool
    outcomes: dict[str, Any] | None
    at_risk: bool | None = Field(description="Behind the policy's cadence (null: not computed)")
    at_risk_reason: str | None


class CompletionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.COMPLETION_CREATE)
    outcomes: dict[str, str] | None = Field(
        default=None, description="What came of the plan (NC: reviewed at the final meeting)"
    )


class AgreementUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "terms": {
                        "goals": "Prepare for a supervisory role",
                        "meetings": "Every other Tuesday, one hour",
                    }
                }
            ]
        },
    )
    terms: dict[str, str] = Field(description="The agreement's sections, as the policy names them")


class SignatureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.SIGNATURE_READ)
    party: str
    signed_by: UUID
    signed_at: datetime


class AgreementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.AGREEMENT_READ)
    mentorship_id: UUID
    title: str
    sections: list[str]
    version: int
    terms: dict[str, Any]
    signatures: list[SignatureRead]
    signed_by_both: bool
    withheld: list[str] = Field(description="Sections kept from this reader (confidential)")
    written_at: datetime | None


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
    goal_id: UUID | None = None
    competency: str | None = None
    observations: str | None = None
    follow_ups: str | None = None
    notes: str | None = Field(default=None, description="Confidential to the pair")


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


class JournalEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.JOURNAL_ENTRY_READ)
    id: UUID
    mentorship_id: UUID
    entry_on: date
    entry: dict[str, str]
    created_at: datetime | None


class JournalEntryPageRead(Page[JournalEntryRead]):
    """A page of journal entries."""


class GoalCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "goal",
                    "text": "Lead the quarterly budget review",
                    "smart": {
                        "measure": "review presented to the director",
                        "achievable": "with the mentor's coaching",
                        "relevant": "supervisory track",
                        "due_on": "2027-09-30",
                    },
                }
            ]
        },
    )
    kind: GoalKind
    text: str = Field(min_length=1, max_length=4000)
    parent_id: UUID | None = None
    smart: dict[str, str] | None = Field(
        default=None, description="measure, achievable, relevant, due_on (NC: required)"
    )


class GoalUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.GOAL_UPDATE)
    progress: int | None = Field(default=None, ge=0, le=100)
    outcome: str | None = None


class GoalCommentCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": "Draft shared with the director"}]}
    )
    text: str = Field(min_length=1, max_length=4000)


class GoalRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.GOAL_READ)
    id: UUID
    mentorship_id: UUID
    kind: str
    parent_id: UUID | None
    text: str
    progress: int
    outcome: str | None
    comments: list[dict[str, Any]]
    smart: dict[str, Any] | None = None
    created_at: datetime | None


class GoalPageRead(Page[GoalRead]):
    """A page of goals."""


class EvaluationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"kind": "midpoint", "scores": [4, 5, 3], "free_text": "Meetings are useful"}
            ]
        },
    )
    kind: EvaluationKind
    scores: list[int] = Field(
        default_factory=list, max_length=50, description="Likert 1-5, for a kind with no form"
    )
    free_text: str | None = None
    answers: dict[str, int | float | str] | None = Field(
        default=None,
        max_length=100,
        description="Item key -> answer, on the program's form for this kind (see its policy)",
    )


class EvaluationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.EVALUATION_READ)
    id: UUID
    mentorship_id: UUID
    kind: str
    party: str
    scores: dict[str, int] = Field(description="The respondent's own answers; empty for others")
    free_text: str | None
    submitted_on: date
    answers: dict[str, Any] = Field(description="Item by item; the respondent's own, else empty")
    form_version: int | None = Field(description="The form version the answers were given under")


class EvaluationPageRead(Page[EvaluationRead]):
    """A page of evaluations."""


class CheckpointCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"decision": "continue"}]}
    )
    decision: CheckpointDecision


class CheckpointRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.CHECKPOINT_READ)
    mentorship_id: UUID
    opens_on: date | None
    due_on: date | None
    closes_on: date | None = Field(description="After it, a late answer is refused or marked")
    my_decision: str | None
    change_requested: bool = Field(description="Someone asked for a change (never who, or why)")
    awaiting: str | None
    outcome: str | None = Field(description="continue, rematched or withdrawn (or ended)")
    state: str
    proposed_mentor_id: UUID | None
    successor_id: UUID | None
    rematch_of: UUID | None = Field(description="The pair this one continues after a rematch")
    mentee_eligible_for_next_cohort: bool


class RecipientSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)
    role: str = Field(description="administrator or supervisor")
    person_id: UUID


class DisclosureCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.DISCLOSURE_CREATE)
    kind: DisclosureKind
    to: list[RecipientSchema] = Field(min_length=1, max_length=10)
    parts: list[ContentPart] = Field(default_factory=list)
    description: str = ""
    purpose: str = ""
    protege_consent: bool = False
    protege_informed: bool = False
    occurred_at: datetime | None = None
    meeting_ids: list[UUID] = Field(
        default_factory=list,
        max_length=100,
        description="The meetings whose notes are shared (none: notes up to occurred_at)",
    )


class DisclosureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.DISCLOSURE_READ)
    id: UUID
    mentorship_id: UUID
    kind: str
    by_id: UUID
    by_party: str
    recipients: list[dict[str, str]]
    about_id: UUID
    parts: list[str]
    description: str
    purpose: str
    occurred_at: datetime
    protege_consent: bool = Field(description="Granted by the protege themselves")
    protege_informed: bool
    consent: str = Field(
        description="not_needed, requested (awaiting the protege), granted, refused"
    )
    acknowledged_at: datetime | None = Field(description="When the protege acknowledged it")
    meeting_ids: list[UUID] = Field(default_factory=list, description="The meetings named")


class DisclosurePageRead(Page[DisclosureRead]):
    """A page of disclosures."""
