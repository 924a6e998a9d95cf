"""REST shapes of matching runs, locked pairs and mentorships."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import matching as ex
from app.domain.policy.model import PairFormation


class MatchLockCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.MATCH_LOCK_CREATE)

    mentee_id: UUID
    mentor_id: UUID


class MatchLockRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.MATCH_LOCK_READ)

    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    locked_by: str


class RunnerUpRead(BaseModel):
    mentor_id: UUID
    score: float


class ProposalRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.PROPOSAL_READ)

    mentee_id: UUID
    mentor_id: UUID
    score: float
    locked: bool
    explanation: dict[str, Any] = Field(
        description="Hard rules passed, and the score broken down by preference term"
    )
    runners_up: list[RunnerUpRead]


class UnmatchedRead(BaseModel):
    mentee_id: UUID
    reason: str
    refused_by: dict[str, int] = Field(description="How many mentors each hard rule refused")


class SupervisoryLineRead(BaseModel):
    reading: str | None = Field(description="direct_supervisor, whole_chain, or None: no line")
    rule: str = Field(description="The reading in words")


class IdleMentorRead(BaseModel):
    mentor_id: UUID
    reason: str
    refused_by: dict[str, int] = Field(description="How many mentees each hard rule refused")


class MatchingRunRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.MATCHING_RUN_READ)

    id: UUID
    cohort_id: UUID
    state: str = Field(
        description="queued or computing (in the background; proposals empty until then), "
        "computed, failed (see `failure`), or published"
    )
    policy_version: int
    proposals: list[ProposalRead]
    unmatched: list[UnmatchedRead]
    total_score: float
    supervisory_line: SupervisoryLineRead | None = Field(
        default=None, description="Which supervisory reading the run applied (its handbook's)"
    )
    mentors_without_mentee: list[IdleMentorRead] = Field(
        default_factory=list, description="Eligible mentors who got no mentee, and why"
    )
    created_by: str = Field(
        description="Who ran it: the employee behind the token, or an integration token's label"
    )
    created_at: datetime | None
    published_at: datetime | None
    started_at: datetime | None = Field(default=None, description="When its computation began")
    finished_at: datetime | None = Field(
        default=None, description="When it was computed, or failed"
    )
    failure: dict[str, Any] | None = Field(
        default=None,
        description="Why it failed: an RFC 9457 problem document (`type`, `title`, `detail`, "
        "and the `field` or `rule` where one is to blame)",
    )


class MatchingRunPageRead(Page[MatchingRunRead]):
    """A cohort's matching runs in id order."""


class ProposalPageRead(Page[ProposalRead]):
    """A matching run's proposals, a page at a time."""


class MentorshipCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
                    "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "formed_by": "coordinator",
                }
            ]
        },
    )

    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    formed_by: PairFormation = Field(description="Must be one of the program's ways pairs form")
    supervisor_override_reason: str | None = Field(
        default=None,
        max_length=2000,
        description="Staff only, where the policy allows: pair across the direct-supervisor "
        "line, this reason recorded with who approved it",
    )


class MentorshipRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
                    "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
                    "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "state": "proposed",
                    "formed_by": "algorithm",
                    "matching_run_id": "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
                    "starts_on": "2027-03-01",
                    "ends_on": "2027-12-01",
                    "checkpoint_due_on": "2027-06-01",
                    "policy_version": 1,
                    "policy": {"duration_months": 9, "checkpoint_month": 3},
                    "explanation": {},
                    "created_at": "2027-02-20T10:00:00Z",
                }
            ]
        }
    )

    id: UUID
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    state: str
    formed_by: str
    matching_run_id: UUID | None
    starts_on: date
    ends_on: date
    checkpoint_due_on: date | None
    policy_version: int
    policy: dict[str, Any] = Field(description="The policy snapshot the mentorship lives under")
    explanation: dict[str, Any]
    created_at: datetime | None


class MentorshipPageRead(Page[MentorshipRead]):
    """Mentorships in id order."""


class PublishedRunRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.PUBLISHED_RUN_READ)

    matching_run_id: UUID
    mentorships: list[MentorshipRead]


class SuggestedMentorRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.SUGGESTED_MENTOR_READ)

    mentor_id: UUID
    score: float
    explanation: dict[str, Any] = Field(description="Rules passed and the score by term")
