"""Whether a pair may be formed in a cohort: both people's applications, one open pair per
mentee, only active staff as mentors, and every hard rule of the program's matching policy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from app.domain.directory import EmploymentStatus
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import explain
from app.domain.matching.formation import MENTEE_OWN_WAYS
from app.domain.matching.rules import unlifted
from app.domain.policy.model import PairFormation
from app.services.matching.pool import recorded_conflicts, with_recorded
from app.services.ports import UnitOfWork
from app.services.programs.facts import candidate
from app.services.programs.records import Application, Program
from app.services.volunteers import register_application


async def checked_pair(
    uow: UnitOfWork,
    cohort_id: UUID,
    mentee_id: UUID,
    mentor_id: UUID,
    formed_by: PairFormation,
    *,
    override: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The pair's explanation, or the hard rule it breaks (a recorded `override` lifts the
    supervisory line where the policy allows, and only that)."""
    # Both people's rows stay locked until the booking commits: a concurrent booking on the
    # same mentor (capacity) or mentee (one pair per cohort) waits, then counts this one.
    await uow.relationships.lock_people([mentee_id, mentor_id])
    cohort = await uow.programs.get_cohort(cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if cohort is None or program is None:
        raise NotFound("no such cohort", field="cohort_id")
    mentee_app, mentor_app = await _applications(uow, program, cohort_id, mentee_id, mentor_id)
    off_list = mentor_app is None and formed_by in MENTEE_OWN_WAYS
    if not off_list and (
        mentor_app is None or mentor_app.role is not ApplicantRole.MENTOR or not mentor_app.eligible
    ):
        raise InvalidInput("the mentor has no eligible application here", field="mentor_id")
    for m in await uow.programs.mentorships(cohort_id=cohort_id, people=[mentee_id]):
        if m.mentee_id == mentee_id and m.state in OPEN_STATES:
            raise Conflict("the mentee already has a mentorship in this cohort", field="mentee_id")
    mentee, mentor = await _candidates(uow, program, cohort_id, mentee_app, mentor_app, mentor_id)
    explanation = explain(mentee, mentor, program.policy.matching)
    refused = explanation.refused_by
    if override is not None:
        refused = unlifted(refused, program.policy.matching)
    if refused:
        first = refused[0]
        raise InvalidInput(first.reason, field="mentor_id", rule=first.rule.value)
    recorded: dict[str, Any] = {}
    if override and explanation.refused_by:
        recorded["supervisor_override"] = dict(override)
    if formed_by is PairFormation.REFERRAL:  # 004: the referent's qualifications are confirmed
        recorded["referral"] = {"qualifications_confirmed": False}
    return {**explanation.to_dict(), "off_list": off_list, **recorded}


async def _applications(
    uow: UnitOfWork, program: Program, cohort_id: UUID, mentee_id: UUID, mentor_id: UUID
) -> tuple[Application, Application | None]:
    """The mentee's eligible application, and the mentor's (or their register entry, where
    the program takes volunteers from it); None for a mentor on neither."""
    applications = {a.employee_id: a for a in await uow.programs.applications(cohort_id=cohort_id)}
    mentee_app, mentor_app = applications.get(mentee_id), applications.get(mentor_id)
    if mentor_app is None and program.policy.matching.volunteers_from_register:
        listed = await uow.register.entries(employee_ids=[mentor_id])
        mentor_app = register_application(cohort_id, listed[0]) if listed else None
    if mentee_app is None or mentee_app.role is not ApplicantRole.MENTEE or not mentee_app.eligible:
        raise InvalidInput("the mentee has no eligible application here", field="mentee_id")
    return mentee_app, mentor_app


async def _candidates(
    uow: UnitOfWork,
    program: Program,
    cohort_id: UUID,
    mentee_app: Application,
    mentor_app: Application | None,
    mentor_id: UUID,
) -> tuple[MatchCandidate, MatchCandidate]:
    """Both people as the matching rules see them: their chains, the mentor's loads and the
    organisation's cap, and the conflicts recorded in the cohort. Only active staff mentor."""
    mentee_id = mentee_app.employee_id
    people = {e.id: e for e in await uow.employees.get_many([mentee_id, mentor_id])}
    if mentor_id not in people:
        raise InvalidInput("no such employee", field="mentor_id")
    status = people[mentor_id].employment_status
    if status is not EmploymentStatus.ACTIVE:  # off the list or on the register alike
        raise InvalidInput(
            f"the mentor's employment status is {status}; only active staff mentor",
            field="mentor_id",
            rule="active_employment",
        )
    chains = await uow.programs.ancestors([mentee_id, mentor_id])
    here, elsewhere = (await uow.programs.mentor_loads([mentor_id], program.id)).get(
        mentor_id, (0, 0)
    )
    noted = await recorded_conflicts(uow, [cohort_id])
    mentee = with_recorded(candidate(people[mentee_id], mentee_app, chains), noted)
    cap = await uow.organizations.load_cap()
    mentor = with_recorded(
        candidate(people[mentor_id], mentor_app, chains, here, elsewhere, cap), noted
    )
    return mentee, mentor
