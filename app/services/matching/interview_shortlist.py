"""An interview shortlist (Maine, 004): a protégé's best allowed mentors, each explained, to
interview from. Staff read any; the protégé their own, where the program interviews from one."""

from __future__ import annotations

from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput, NotFound, NotPermitted
from app.domain.matching.explanation import MatchExplanation, explain
from app.domain.policy.model import PairFormation
from app.services.matching.pool import cohort_pool
from app.services.ports import Clock, UnitOfWork


async def suggest_mentors(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, application_id: UUID, count: int = 5
) -> list[MatchExplanation]:
    """An interview shortlist (Maine): the mentee's best allowed mentors, each explained. Staff
    read any; the protégé their own, where the program interviews from a shortlist (004)."""
    staff = _reads_runs(principal)
    if not staff:
        reach(principal, Resource.APPLICATIONS, Action.READ)
    if not 1 <= count <= 20:
        raise InvalidInput("count must be between 1 and 20", field="count")
    async with uow.read_only():
        application = await uow.programs.get_application(application_id)
        if application is None or not (staff or application.employee_id == principal.employee_id):
            raise NotFound("no such application", field="id")
        pool = await cohort_pool(uow, application.cohort_id, clock.now().date(), store=False)
    if not staff and PairFormation.INTERVIEW_SHORTLIST not in pool.policy.pair_formation:
        raise NotFound("this program keeps no interview shortlist", field="id")
    mentee = next((m for m in pool.mentees if m.id == application.employee_id), None)
    if mentee is None:
        raise InvalidInput("only an eligible mentee without a mentor has a shortlist", field="id")
    allowed = [explain(mentee, m, pool.policy.matching) for m in pool.mentors]
    ranked = sorted(
        (e for e in allowed if e.allowed), key=lambda e: (-e.score.total, str(e.mentor_id))
    )
    return ranked[:count]


def _reads_runs(principal: Principal) -> bool:
    try:
        reach(principal, Resource.MATCHING_RUNS, Action.READ)
    except NotPermitted:
        return False
    return True
