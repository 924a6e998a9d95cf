"""NC's needs assessment (003): the mentee's form is on their application's profile; the pair's
initial meeting waits for it where the policy says so, and it is the pair's to read: the mentee
provides it "to the Mentor", staff see only that it was provided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.parts import ContentPart
from app.domain.eligibility.facts import ApplicantRole
from app.domain.needs_assessment import (
    FIELD,
    is_initial_meeting,
    provided,
    require_for_initial_meeting,
)
from app.services.ports import UnitOfWork
from app.services.relationships.pairs import Pair, audit_read, open_pair, readable


@dataclass(frozen=True, slots=True)
class NeedsAssessment:
    """The mentee's form as the caller may read it: `text` for the pair, facts for others."""

    mentorship_id: UUID
    asked_by_initial_meeting: bool
    provided: bool
    text: str | None
    text_withheld: bool


async def read_needs_assessment(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> NeedsAssessment:
    """The pair's needs assessment: its text for the mentee and the mentor (the read is
    audited), whether it was provided for those who may see the mentorship."""
    scope = reach(principal, Resource.MENTORSHIPS, Action.READ)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        profile = await _profile(uow, pair)
        shown = readable(pair, principal, ContentPart.NEEDS_ASSESSMENT)
        on_file = provided(profile)
        if shown and on_file:
            await audit_read(uow, principal, pair, ContentPart.NEEDS_ASSESSMENT, 1)
        await uow.commit()
    return NeedsAssessment(
        mentorship_id=pair.id,
        asked_by_initial_meeting=pair.policy.onboarding.needs_assessment_by_initial_meeting,
        provided=on_file,
        text=str(profile[FIELD]) if shown and on_file else None,
        text_withheld=not shown,
    )


async def require_before_initial_meeting(uow: UnitOfWork, pair: Pair) -> None:
    """Refuse the pair's initial meeting while the mentee's needs assessment is not on file;
    reads nothing for a program that does not ask it."""
    onboarding = pair.policy.onboarding
    if not onboarding.needs_assessment_by_initial_meeting:
        return
    # The latest meeting not cancelled, by its index: the pair's whole log is not read to
    # learn whether any meeting was held.
    held = await uow.relationships.last_meetings([pair.id])
    if not is_initial_meeting(m.cancelled for m in held):
        return
    profile = await _profile(uow, pair)
    require_for_initial_meeting(onboarding, initial=True, form_provided=provided(profile))


async def _profile(uow: UnitOfWork, pair: Pair) -> Mapping[str, Any]:
    """The profile of the mentee's application to the pair's cohort, where the needs
    assessment is kept (empty: no application)."""
    mentorship = pair.mentorship
    found = await uow.programs.applications(employee_ids=[mentorship.mentee_id])
    return next(
        (
            a.profile
            for a in found
            if a.cohort_id == mentorship.cohort_id and a.role is ApplicantRole.MENTEE
        ),
        {},
    )
