"""REST shapes of who takes part: the next-session list (issue 22)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.applicant_profile import ApplicantProfile
from app.api.pagination import Page
from app.api.rest.examples import people as ex


class CarriedMenteeRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.CARRIED_MENTEE_READ)

    mentee_id: UUID
    mentorship_id: UUID = Field(description="The pair the mentee was withdrawn from")
    from_cohort_id: UUID
    withdrawn_on: date | None
    reason: str = Field(
        description="mentee_asked_change_no_rematch, mentor_asked_change_no_rematch, "
        "both_asked_change_no_rematch or no_rematch"
    )
    application_id: UUID | None = Field(description="Their application to this cohort, if any")


class CarriedMenteePageRead(Page[CarriedMenteeRead]):
    """A page of carried mentees."""


class RegisterEntryWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.REGISTER_ENTRY_WRITE)

    expertise: list[str] = Field(default_factory=list, max_length=20)
    capacity: int = Field(default=1, description="Mentees the volunteer can take at once")
    availability: str = Field(default="", description="When the volunteer can meet")
    division: str | None = Field(default=None, description="District or division, if any")


class RegisteredMentorRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.REGISTERED_MENTOR_READ)

    employee_id: UUID
    name: str
    job_title: str | None
    department: str
    division: str | None
    expertise: list[str]
    capacity: int | None = Field(description="Shown to staff and the volunteer only")
    availability: str | None = Field(description="Shown to staff and the volunteer only")


class RegisteredMentorPageRead(Page[RegisteredMentorRead]):
    """A page of registered mentors."""


class MentorReplacementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.MENTOR_REPLACEMENT_CREATE)

    mentor_id: UUID = Field(description="The new mentor; every hard rule applies")


class ConflictOfInterestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.CONFLICT_OF_INTEREST_CREATE)

    employee_id: UUID
    other_employee_id: UUID
    reason: str = Field(min_length=1, max_length=2000)


class ConflictOfInterestRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.CONFLICT_OF_INTEREST_READ)

    id: UUID
    cohort_id: UUID
    employee_id: UUID
    other_employee_id: UUID
    reason: str
    recorded_by: str = Field(description="The person who recorded it, by name")
    recorded_at: datetime | None


class ConflictOfInterestPageRead(Page[ConflictOfInterestRead]):
    """A page of conflicts of interest."""


class CommitteeRecommendationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.COMMITTEE_RECOMMENDATION_CREATE)

    mentee_id: UUID
    mentor_id: UUID
    note: str = Field(default="", max_length=2000, description="Why this mentor, for the slate")


class CommitteeRecommendationRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.COMMITTEE_RECOMMENDATION_READ)

    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    note: str
    recommended_by: str = Field(description="The committee member, by name")
    recommended_at: datetime | None


class CommitteeRecommendationPageRead(Page[CommitteeRecommendationRead]):
    """A page of committee recommendations."""


class ApplicationEdit(ApplicantProfile):
    """The editable part of an application: the same profile fields as when applying."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.APPLICATION_EDIT)

    capacity: int = Field(default=1, ge=1, le=20, description="Mentor: mentees they can take")


class ReferralConfirmationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.REFERRAL_CONFIRMATION_CREATE)

    note: str = Field(
        default="", max_length=2000, description="How the qualifications were checked"
    )


class ShortlistRankingWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.SHORTLIST_RANKING_WRITE)

    mentor_ids: list[UUID] = Field(min_length=1, max_length=20, description="Best first")
