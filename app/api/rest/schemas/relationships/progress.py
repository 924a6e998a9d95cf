"""REST shapes of a mentorship's progress, its completion and its compatibility checkpoint."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples.relationships import progress as ex
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision


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


class NeedsAssessmentRead(BaseModel):
    """The mentee's needs assessment (NC): the pair reads it, others that it was provided."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.NEEDS_ASSESSMENT_READ)
    mentorship_id: UUID
    asked_by_initial_meeting: bool = Field(
        description="The pair's initial meeting is not logged until it is provided"
    )
    provided: bool
    text: str | None = Field(description="For the mentee and the mentor only")
    text_withheld: bool


class TerminationRecommendationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra=ex.TERMINATION_RECOMMENDATION_CREATE
    )
    reason: str = Field(
        default="",
        max_length=10_000,
        description="The administrator's own words to the pair (optional)",
    )


class ContactAnsweredRead(BaseModel):
    """The participant's contact a recommendation answers: its facts, never its content."""

    model_config = ConfigDict(from_attributes=True)
    disclosure_id: UUID = Field(description="The disclosure in the pair's file of disclosures")
    kind: str = Field(description="Always `relationship_not_working`")
    contacted_on: date = Field(description="The day the participant told the administrator")


class TerminationRecommendationRead(BaseModel):
    """The program administrator recommends that the pair end the relationship (Maine), in
    answer to a participant's contact; either participant ends it
    (`POST /v1/mentorships/{id}/end`)."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra=ex.TERMINATION_RECOMMENDATION_READ
    )
    id: UUID
    mentorship_id: UUID
    recommended_on: date
    recommended_by: UUID | None = Field(description="The administrator who recommended it")
    answers: ContactAnsweredRead | None = Field(
        description="The participant's `relationship_not_working` disclosure it answers (the "
        "latest on record when it was made; none for recommendations made before one was asked)"
    )
    reason: str


class TerminationRecommendationPageRead(Page[TerminationRecommendationRead]):
    """A page of the administrator's recommendations to end the pair."""
