"""REST shapes of the mentee's plan (goals and their comments) and of evaluations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples.relationships import goals as ex
from app.domain.policy.model import EvaluationKind
from app.services.relationships.goals import GoalKind


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
    free_text: str | None = Field(
        description="The respondent's, and their partner's when `partner_reads_free_text`"
    )
    submitted_on: date
    answers: dict[str, Any] = Field(
        description="Item by item: the respondent's own; the partner reads the free-text items "
        "when `partner_reads_free_text`; else empty"
    )
    form_version: int | None = Field(description="The form version the answers were given under")
    period_number: int | None = Field(
        description="The period it was given for, kept whatever later edits of the calendar or "
        "the term do: checkup 2, month 3, round 1 of the program evaluation; null for a kind "
        "with one period per term (mid-point, final...)",
    )
    partner_reads_free_text: bool = Field(
        description="Whether the other side of the pair reads this evaluation's free text "
        "(the program's `evaluations.free_text_shared_with_pair`, as the pair's policy snapshot "
        "holds it); staff never do"
    )


class EvaluationPageRead(Page[EvaluationRead]):
    """A page of evaluations."""
