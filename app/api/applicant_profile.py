"""An applicant's profile, as both APIs take it: REST's application bodies are built on it and
GraphQL checks its free-form `profile` argument against it, so a field is named, typed and
described once and a wrong value answers the same problem on either side."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class Preferences(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mentor_ids: list[UUID] = Field(default_factory=list, max_length=20)
    departments: list[str] = Field(default_factory=list, max_length=20)
    notes: str | None = Field(default=None, max_length=4000)


class ApplicantProfile(BaseModel):
    """What a mentee says of themselves, or a mentor of what they offer."""

    model_config = ConfigDict(extra="forbid")

    strengths: list[str] = Field(default_factory=list, description="Mentee self-assessment")
    weaknesses: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    leadership_history: str | None = None
    competencies_wanted: list[str] = Field(default_factory=list)
    career_path: list[str] = Field(
        default_factory=list,
        description="Mentee: where they want to go; mentor: where they've been",
    )
    preferences: Preferences = Field(default_factory=Preferences)
    needs_assessment: str | None = Field(
        default=None,
        description="NC: for the mentor, by the pair's initial meeting; may be provided after "
        "applications close while the mentee's pair is open",
    )
    participation_in_idp: bool = Field(
        default=False,
        description="Caltrans mentee: participation is included in their Individual "
        "Development Plan (IDP)",
    )
    commits_to_evaluation: bool = Field(
        default=False,
        description="Charlotte mentee: willing to participate actively in the evaluation of "
        "the experience through constructive feedback",
    )
    demographic_pairing: bool = Field(
        default=False, description="Opt in to cross-gender / cross-racial pairing preferences"
    )
    expertise: list[str] = Field(default_factory=list, description="Mentor volunteer profile")
    competencies: list[str] = Field(default_factory=list)
    bio: str | None = Field(default=None, max_length=4000)
    conflicts: list[UUID] = Field(
        default_factory=list, description="People with an actual or perceived conflict of interest"
    )

    def profile(self, *, given_only: bool = False) -> dict[str, Any]:
        """The profile as stored; `given_only` leaves out the fields the caller did not send."""
        return self.model_dump(
            mode="json",
            include=set(ApplicantProfile.model_fields),
            exclude_unset=given_only,
        )
