"""GraphQL mutations of applications, matching runs and mentorships."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry
from pydantic import ValidationError
from strawberry.scalars import JSON

from app.api.applicant_profile import ApplicantProfile
from app.api.graphql.context import context_of
from app.api.graphql.matching_types import MatchingRun, MatchLock, PublishedRun
from app.api.graphql.mentorship_types import Mentorship, PairFormation
from app.api.graphql.preconditions import IF_MATCH, fingerprinted
from app.api.graphql.problems import Problem
from app.api.graphql.program_types import ApplicantRole, Application
from app.api.graphql.programs_common import (
    ApplicationResult,
    MatchingRunResult,
    MatchLockResult,
    MentorshipResult,
    PublishResult,
    or_problem,
    timed,
)
from app.services import applications, eligibility_decisions, shortlists
from app.services.matching import runs as matching_runs
from app.services.relationships import mentorships


def _checked(profile: JSON | None) -> dict[str, Any] | Problem:
    """The profile as REST takes it (`ApplicantProfile`): only the fields given, each of its
    type, or the first wrong one named."""
    try:
        checked = ApplicantProfile.model_validate(profile or {})
    except ValidationError as error:
        wrong = error.errors()[0]
        where = ".".join(str(part) for part in ("profile", *wrong["loc"]))
        return Problem(code="invalid-input", detail=f"{where}: {wrong['msg']}", field=where)
    return checked.profile(given_only=True)


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(description="Apply to a cohort; the answer carries its eligibility")
    async def submit_application(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        employee_id: UUID,
        role: ApplicantRole,  # type: ignore[valid-type]
        profile: JSON | None = None,
        capacity: int = 1,
    ) -> ApplicationResult:
        given = _checked(profile)
        if isinstance(given, Problem):
            return given
        found = await or_problem(
            applications.submit_application(
                **timed(info),
                cohort_id=cohort_id,
                employee_id=employee_id,
                role=role,
                profile=given,
                capacity=capacity,
            )
        )
        return found if isinstance(found, Problem) else Application.of(found)

    @strawberry.mutation(
        description=(
            "Edit the profile; eligibility is decided again with it. Once applications close, "
            f"only a matched NC mentee's `needs_assessment` may still change. {IF_MATCH}"
        )
    )
    async def edit_application(
        self,
        info: strawberry.Info,
        id: UUID,
        profile: JSON,
        capacity: int = 1,
        if_match: str | None = None,
    ) -> ApplicationResult:
        given = _checked(profile)
        if isinstance(given, Problem):
            return given
        found = await or_problem(
            fingerprinted(
                if_match,
                lambda expected: applications.edit_application(
                    **timed(info),
                    application_id=id,
                    profile=given,
                    capacity=capacity,
                    if_fingerprint=expected,
                ),
            )
        )
        return found if isinstance(found, Problem) else Application.of(found)

    @strawberry.mutation(
        description=f"The protégé ranks their interview shortlist, best first. {IF_MATCH}"
    )
    async def rank_shortlist(
        self, info: strawberry.Info, id: UUID, mentor_ids: list[UUID], if_match: str | None = None
    ) -> ApplicationResult:
        found = await or_problem(
            fingerprinted(
                if_match,
                lambda expected: shortlists.rank_shortlist(
                    **timed(info), application_id=id, mentor_ids=mentor_ids, if_fingerprint=expected
                ),
            )
        )
        return found if isinstance(found, Problem) else Application.of(found)

    @strawberry.mutation(description=f"The supervisor approves or declines (Caltrans). {IF_MATCH}")
    async def decide_supervisor_approval(
        self, info: strawberry.Info, id: UUID, approved: bool, if_match: str | None = None
    ) -> ApplicationResult:
        found = await or_problem(
            fingerprinted(
                if_match,
                lambda expected: eligibility_decisions.decide_supervisor_approval(
                    **timed(info), application_id=id, approved=approved, if_fingerprint=expected
                ),
            )
        )
        return found if isinstance(found, Problem) else Application.of(found)

    @strawberry.mutation(description=f"Admit, on record, an applicant who fails a rule. {IF_MATCH}")
    async def override_eligibility(
        self,
        info: strawberry.Info,
        id: UUID,
        rule: str,
        reason: str,
        if_match: str | None = None,
    ) -> ApplicationResult:
        found = await or_problem(
            fingerprinted(
                if_match,
                lambda expected: eligibility_decisions.override_eligibility(
                    **timed(info),
                    application_id=id,
                    rule=rule,
                    reason=reason,
                    if_fingerprint=expected,
                ),
            )
        )
        return found if isinstance(found, Problem) else Application.of(found)


@strawberry.type
class MatchingMutation:
    @strawberry.mutation(
        description="Propose the globally best pairs for a cohort. With `respondAsync` (or for "
        "a cohort above the service's threshold) the run comes back `queued` and is computed "
        "in the background: poll `matchingRun(id)` until its state is `computed` or `failed`"
    )
    async def start_matching_run(
        self, info: strawberry.Info, cohort_id: UUID, respond_async: bool = False
    ) -> MatchingRunResult:
        found = await or_problem(
            matching_runs.start_matching_run(
                **timed(info),
                cohort_id=cohort_id,
                respond_async=respond_async,
                background_above=context_of(info).matching_background_above,
            )
        )
        return found if isinstance(found, Problem) else MatchingRun.of(found)

    @strawberry.mutation(description="Fix a pair for every later run of the cohort")
    async def lock_pair(
        self, info: strawberry.Info, cohort_id: UUID, mentee_id: UUID, mentor_id: UUID
    ) -> MatchLockResult:
        found = await or_problem(
            matching_runs.lock_pair(
                **timed(info), cohort_id=cohort_id, mentee_id=mentee_id, mentor_id=mentor_id
            )
        )
        if isinstance(found, Problem):
            return found
        return MatchLock(
            cohort_id=found.cohort_id,
            mentee_id=found.mentee_id,
            mentor_id=found.mentor_id,
            locked_by=found.locked_by,
        )

    @strawberry.mutation(
        description=(
            "Turn a run's proposals into proposed mentorships, once; they start on the "
            "publish day, or the cohort's start if later"
        )
    )
    async def publish_matching_run(self, info: strawberry.Info, id: UUID) -> PublishResult:
        found = await or_problem(matching_runs.publish_matching_run(**timed(info), run_id=id))
        if isinstance(found, Problem):
            return found
        return PublishedRun(
            matching_run_id=id,
            mentorships=[Mentorship.of(m, context_of(info).loaders) for m in found],
        )

    @strawberry.mutation(
        description=(
            "A pair formed outside a run; every hard rule applies. It starts the day it is "
            "formed, or the cohort's start if later"
        )
    )
    async def create_mentorship(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        mentee_id: UUID,
        mentor_id: UUID,
        formed_by: PairFormation,  # type: ignore[valid-type]
        supervisor_override_reason: str | None = None,
    ) -> MentorshipResult:
        found = await or_problem(
            mentorships.create_mentorship(
                **timed(info),
                cohort_id=cohort_id,
                mentee_id=mentee_id,
                mentor_id=mentor_id,
                formed_by=formed_by,
                supervisor_override_reason=supervisor_override_reason,
            )
        )
        return (
            found if isinstance(found, Problem) else Mentorship.of(found, context_of(info).loaders)
        )
