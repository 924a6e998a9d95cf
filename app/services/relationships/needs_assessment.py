"""NC's needs assessment at the initial meeting (003): the mentee's form is on their
application's profile; the first meeting a pair logs waits for it where the policy says so."""

from __future__ import annotations

from app.domain.eligibility.facts import ApplicantRole
from app.domain.needs_assessment import is_initial_meeting, provided, require_for_initial_meeting
from app.services.ports import UnitOfWork
from app.services.relationships.pairs import Pair


async def require_before_initial_meeting(uow: UnitOfWork, pair: Pair) -> None:
    """Refuse the pair's initial meeting while the mentee's needs assessment is not on file;
    reads nothing for a program that does not ask it."""
    onboarding = pair.policy.onboarding
    if not onboarding.needs_assessment_by_initial_meeting:
        return
    logged = await uow.relationships.meetings([pair.id])
    if not is_initial_meeting(m.cancelled for m in logged):
        return
    mentorship = pair.mentorship
    found = await uow.programs.applications(employee_ids=[mentorship.mentee_id])
    form = any(
        a.cohort_id == mentorship.cohort_id
        and a.role is ApplicantRole.MENTEE
        and provided(a.profile)
        for a in found
    )
    require_for_initial_meeting(onboarding, initial=True, form_provided=form)
