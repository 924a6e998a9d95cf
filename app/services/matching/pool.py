"""A cohort's matching pool: eligible applicants as matching candidates, decided afresh from
today's directory, with their supervisory chains and their loads across every program."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from app.domain.directory import Employee
from app.domain.eligibility.facts import ApplicantRole
from app.domain.errors import NotFound
from app.domain.lifecycle.states import OPEN_STATES
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.conflicts import conflicts_by_person
from app.domain.matching.idle import idle_mentors
from app.domain.policy.choices import SUPERVISORY_READINGS
from app.domain.policy.model import Policy
from app.services.eligibility_refresh import reevaluate
from app.services.matching.engine import MatchingResult
from app.services.ports import UnitOfWork
from app.services.programs.facts import candidate
from app.services.programs.records import Application, Cohort, MatchLock, Program


@dataclass(frozen=True, slots=True)
class CohortPool:
    cohort: Cohort
    program: Program
    policy: Policy
    mentees: tuple[MatchCandidate, ...]
    mentors: tuple[MatchCandidate, ...]
    locks: tuple[MatchLock, ...]
    applications: tuple[Application, ...]


async def cohort_pool(
    uow: UnitOfWork, cohort_id: UUID, today: date, *, store: bool = True
) -> CohortPool:
    """Everyone who may be matched in this cohort now, eligibility decided from today's HR
    data (and stored, unless `store` is False: a read)."""
    cohort = await uow.programs.get_cohort(cohort_id)
    program = await uow.programs.get_program(cohort.program_id) if cohort else None
    if cohort is None or program is None:
        raise NotFound("no such cohort", field="id")
    found = await uow.programs.applications(cohort_id=cohort_id)
    people = {e.id: e for e in await uow.employees.get_many([a.employee_id for a in found])}
    decided = await reevaluate(uow, found, today, people)
    if store:
        await uow.programs.save_applications(decided)
    paired = {
        m.mentee_id
        for m in await uow.programs.mentorships(cohort_id=cohort_id, limit=1_000_000)
        if m.state in OPEN_STATES
    }
    eligible = [a for a in decided if a.eligible and a.employee_id not in paired]
    mentees, mentors = await candidates(uow, eligible, people, program.id)
    return CohortPool(
        cohort,
        program,
        program.policy,
        mentees,
        mentors,
        tuple(await uow.programs.locks(cohort_id)),
        tuple(decided),
    )


async def candidates(
    uow: UnitOfWork,
    applications: Sequence[Application],
    people: Mapping[UUID, Employee],
    program_id: UUID,
) -> tuple[tuple[MatchCandidate, ...], tuple[MatchCandidate, ...]]:
    """Mentee and mentor candidates of these applications: chains, loads (this program's, the
    others') and the organisation's cap across programs, a query each."""
    ids = [a.employee_id for a in applications]
    chains = await uow.programs.ancestors(ids)
    recorded = await recorded_conflicts(uow, {a.cohort_id for a in applications})
    loads = await uow.programs.mentor_loads(
        [a.employee_id for a in applications if a.role is ApplicantRole.MENTOR], program_id
    )
    cap = await uow.organizations.load_cap()
    mentees: list[MatchCandidate] = []
    mentors: list[MatchCandidate] = []
    for a in applications:
        here, elsewhere = loads.get(a.employee_id, (0, 0))
        built = with_recorded(
            candidate(people[a.employee_id], a, chains, here, elsewhere, cap), recorded
        )
        (mentees if a.role is ApplicantRole.MENTEE else mentors).append(built)
    return tuple(mentees), tuple(mentors)


async def recorded_conflicts(
    uow: UnitOfWork, cohort_ids: Iterable[UUID]
) -> dict[UUID, frozenset[UUID]]:
    """The conflicts coordinators recorded in these cohorts, per person, both ways."""
    found = [
        c for cohort_id in sorted(cohort_ids) for c in await uow.conflicts.of_cohort(cohort_id)
    ]
    return conflicts_by_person(found)


def with_recorded(
    person: MatchCandidate, recorded: Mapping[UUID, frozenset[UUID]]
) -> MatchCandidate:
    """The candidate with the conflicts recorded against them added to those they declared."""
    extra = recorded.get(UUID(str(person.id)))
    return replace(person, conflicts=person.conflicts | extra) if extra else person


def run_context(pool: CohortPool, result: MatchingResult) -> dict[str, Any]:
    """What a run says beside its pairs: the supervisory reading it applied and the eligible
    mentors who got no mentee, each with the reason."""
    matching = pool.policy.matching
    proposed = {p.mentor_id for p in result.proposals}
    idle = idle_mentors(pool.mentees, pool.mentors, matching, proposed)
    return {
        "supervisory_line": {
            "reading": matching.supervisory_line.value
            if matching.forbid_supervisory_chain
            else None,
            "rule": SUPERVISORY_READINGS[matching.supervisory_line]
            if matching.forbid_supervisory_chain
            else "this program sets no supervisory line",
        },
        "mentors_without_mentee": [{**m.to_dict(), "mentor_id": str(m.mentor_id)} for m in idle],
    }


def result_json(result: MatchingResult) -> dict[str, Any]:
    """The run as stored and shown: each proposal's score by term, its runners-up, and why
    each unmatched mentee is."""
    return {
        "proposals": [
            {
                "mentee_id": str(p.mentee_id),
                "mentor_id": str(p.mentor_id),
                "score": p.score,
                "locked": p.locked,
                "explanation": p.explanation.to_dict(),
                "runners_up": [
                    {"mentor_id": str(r.mentor_id), "score": r.score} for r in p.runners_up
                ],
            }
            for p in result.proposals
        ],
        "unmatched": [
            {"mentee_id": str(u.mentee_id), "reason": u.reason, "refused_by": dict(u.refused_by)}
            for u in result.unmatched
        ],
        "total_score": result.total_score,
    }
