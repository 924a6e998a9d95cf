"""REST shapes of programs, cohorts, their calendars and applications."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.applicant_profile import ApplicantProfile
from app.api.pagination import Page
from app.api.rest.examples import programs as ex
from app.domain.eligibility.facts import ApplicantRole


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PresetRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.PRESET_READ)

    key: str
    title: str
    description: str
    policy: dict[str, Any]


class PresetPageRead(Page[PresetRead]):
    """A page of presets."""


class ProgramCreate(_Input):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"name": "Leadership mentoring 2027", "preset": "charlotte-sll"}]
        },
    )

    name: str = Field(min_length=1, max_length=200)
    preset: str = Field(description="One of GET /v1/presets")
    policy: dict[str, Any] | None = Field(
        default=None, description="Partial overrides of the preset's policy, nested as it is"
    )


class ProgramPolicyUpdate(_Input):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"policy": {"duration_months": 12}, "expected_version": 1}]
        },
    )

    policy: dict[str, Any] = Field(description="Partial overrides of the current policy")
    expected_version: int | None = Field(
        default=None, description="Refuse (409) unless the policy is still at this version"
    )


class ProgramRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.PROGRAM_READ)

    id: UUID
    name: str
    preset: str
    policy_version: int = Field(description="1 at creation; each policy edit adds one")
    policy: dict[str, Any] = Field(description="The effective policy")
    created_at: datetime | None


class ProgramPageRead(Page[ProgramRead]):
    """Programs in id order."""


class CohortCreate(_Input):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Spring 2027",
                    "starts_on": "2027-03-01",
                    "applications_close_on": "2027-02-12",
                }
            ]
        },
    )

    name: str = Field(min_length=1, max_length=200)
    starts_on: date
    ends_on: date | None = Field(
        default=None,
        description="The first day past the cohort's term (its last day is the day before); "
        "none: the term runs the policy's months and applications stay open",
    )
    applications_close_on: date | None = Field(
        default=None, description="The last day applications are taken"
    )


class CohortUpdate(_Input):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Spring 2027 (extended)",
                    "ends_on": "2027-12-10",
                    "applications_close_on": "2027-02-19",
                }
            ]
        },
    )

    name: str | None = Field(default=None, min_length=1, max_length=200)
    ends_on: date | None = Field(
        default=None,
        description="The first day past the cohort's term (its last day is the day before); "
        "null: the cohort has no set end",
    )
    applications_close_on: date | None = Field(
        default=None,
        description="null: applications close when the cohort starts, or where the program's "
        "pairs form as people come (`onboarding.applications_close_at_start` false) on its "
        "last day, the day before `ends_on`",
    )


class CohortRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.COHORT_READ)

    id: UUID
    program_id: UUID
    name: str
    starts_on: date
    ends_on: date | None = Field(
        description="The first day past the cohort's term (its last day is the day before)"
    )
    applications_close_on: date | None = Field(description="The coordinator's close date, if set")
    applications_open_until: date | None = Field(
        description="The last day the cohort takes applications: `applications_close_on` if "
        "set, else as the program's policy reads it (its start, or, where pairs form as people "
        "come, its last day: the day before `ends_on`); null: open while the cohort has no end"
    )


class CohortPageRead(Page[CohortRead]):
    """A program's cohorts in id order."""


class CohortEventCreate(_Input):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "orientation",
                    "title": "Spring 2027 orientation",
                    "starts_on": "2027-03-03",
                }
            ]
        },
    )

    kind: str = Field(description="information_session, orientation, social_event, ...")
    title: str = Field(default="", max_length=200)
    starts_on: date
    ends_on: date | None = None


class CohortEventRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.COHORT_EVENT_READ)

    id: UUID
    cohort_id: UUID
    kind: str
    title: str
    starts_on: date
    ends_on: date | None
    attendees: list[UUID] = Field(description="Recorded present")
    excused: list[UUID] = Field(
        description="Excused from it: an excused absence is not a missed session"
    )


class CohortEventPageRead(Page[CohortEventRead]):
    """A page of cohort events."""


class AttendanceCreate(_Input):
    model_config = ConfigDict(json_schema_extra=ex.ATTENDANCE_CREATE)

    employee_ids: list[UUID] = Field(
        default=[], max_length=10_000, description="Present (added to those recorded)"
    )
    excused: list[UUID] = Field(
        default=[],
        max_length=10_000,
        description="Excused (added to those recorded); never someone recorded present. "
        "Name someone in either list.",
    )


class AttendanceCorrectionCreate(_Input):
    model_config = ConfigDict(json_schema_extra=ex.ATTENDANCE_CORRECTION_CREATE)

    employee_ids: list[UUID] = Field(
        default=[],
        max_length=10_000,
        description="Withdrawn from those recorded present (each must be recorded present)",
    )
    excused: list[UUID] = Field(
        default=[],
        max_length=10_000,
        description="Withdrawn from those recorded excused (each must be recorded excused). "
        "Name someone in either list.",
    )


class ApplicationCreate(ApplicantProfile):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "employee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "role": "mentee",
                    "strengths": ["budgeting"],
                    "weaknesses": ["public speaking"],
                    "goals": ["lead a team within two years"],
                }
            ]
        },
    )

    employee_id: UUID
    role: ApplicantRole
    capacity: int = Field(default=1, ge=1, le=20, description="Mentor: mentees they can take")


class RuleOutcomeRead(BaseModel):
    rule: str
    passed: bool
    reason: str


class EligibilityRead(BaseModel):
    eligible: bool
    rules: list[RuleOutcomeRead]


class ApplicationRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.APPLICATION_READ)

    id: UUID
    cohort_id: UUID
    employee_id: UUID
    role: ApplicantRole
    profile: dict[str, Any]
    capacity: int
    supervisor_approval: str | None = Field(description="requested, approved, declined or null")
    overrides: list[dict[str, Any]]
    eligibility: EligibilityRead
    created_at: datetime | None
    evaluated_at: datetime | None


class ApplicationPageRead(Page[ApplicationRead]):
    """A cohort's applications in the order they came."""


class SupervisorDecisionCreate(_Input):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"approved": True}]})

    approved: bool


class EligibilityOverrideCreate(_Input):
    model_config = ConfigDict(json_schema_extra=ex.ELIGIBILITY_OVERRIDE_CREATE)

    rule: str = Field(description="The failed rule to admit the applicant despite")
    reason: str = Field(min_length=1, max_length=4000, description="The extenuating circumstances")


class VolunteerRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.VOLUNTEER_READ)

    employee_id: UUID
    name: str
    job_title: str | None
    department: str
    profile: dict[str, Any] = Field(description="expertise, competencies, career_path, bio")
    open_places: int


class VolunteerPageRead(Page[VolunteerRead]):
    """A page of volunteers."""
