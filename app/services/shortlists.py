"""Maine's interview shortlist as the protégé lives it (004: "MMS will provide the mentors'
names and biographies. Protégé then contacts/interviews the suggested mentors"): after the
interviews the protégé ranks the mentors; the ranking becomes their stated preference, each
mentor counting by rank in matching (the first choice most)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput, NotFound
from app.domain.matching.explanation import is_allowed
from app.domain.policy.model import PairFormation
from app.services.eligibility_refresh import reevaluate
from app.services.matching.pool import cohort_pool
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import Application
from app.services.versions import check_unchanged

MAX_RANKED = 20


async def rank_shortlist(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    application_id: UUID,
    mentor_ids: Sequence[UUID],
    if_fingerprint: str | None = None,
) -> Application:
    """The protégé ranks the mentors they interviewed, best first; each must be one the rules
    allow for them. Kept as their preferred mentors, in order: matching weighs them by rank.
    `if_fingerprint` (an `If-Match`): refused as stale unless the application is as it was read."""
    scope = reach(principal, Resource.APPLICATIONS, Action.WRITE)
    ranked = list(dict.fromkeys(mentor_ids))
    if not 1 <= len(ranked) <= MAX_RANKED:
        raise InvalidInput(f"rank between 1 and {MAX_RANKED} mentors", field="mentor_ids")
    today = clock.now().date()
    async with uow:
        application = await uow.programs.get_application(
            application_id, lock=if_fingerprint is not None
        )
        if application is None or (
            scope is Reach.OWN and application.employee_id != principal.employee_id
        ):
            raise NotFound("no such application", field="id")
        check_unchanged(application, if_fingerprint, "application")
        pool = await cohort_pool(uow, application.cohort_id, today, store=False)
        if PairFormation.INTERVIEW_SHORTLIST not in pool.policy.pair_formation:
            raise NotFound("this program keeps no interview shortlist", field="id")
        mentee = next((m for m in pool.mentees if m.id == application.employee_id), None)
        if mentee is None:
            raise InvalidInput("only an eligible mentee without a mentor ranks", field="id")
        allowed = {m.id for m in pool.mentors if is_allowed(mentee, m, pool.policy.matching)}
        for mentor_id in ranked:
            if mentor_id not in allowed:
                raise InvalidInput(f"{mentor_id} is not on this shortlist", field="mentor_ids")
        preferences = dict(application.profile.get("preferences") or {})
        preferences["mentor_ids"] = [str(i) for i in ranked]
        preferences["shortlist_ranking"] = [str(i) for i in ranked]  # best first: matching reads it
        edited = replace(application, profile={**application.profile, "preferences": preferences})
        await uow.programs.save_profile(edited)
        [decided] = await reevaluate(uow, [edited], today)
        await uow.programs.save_applications([decided])
        await uow.access.record(
            AuditEvent.by(principal, "application.shortlist_ranked", "application", application_id)
        )
        stored = await uow.programs.get_application(application_id)
        await uow.commit()
    return stored or decided
