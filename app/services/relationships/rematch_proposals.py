"""A rematch's proposal: another mentor from the cohort's available ones under the pair's own
hard rules (never the mentor left, one declined, or one another pending change holds), and the
successor pair that continues the session once the coordinator confirms (000 "Relationship
Compatibility")."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

from app.domain import rematch as rematch_rules
from app.domain.lifecycle.states import OPEN_STATES
from app.services.matching.engine import Proposal, rematch
from app.services.matching.pool import candidates, cohort_pool
from app.services.ports import UnitOfWork
from app.services.relationships.mentorships import proposed_mentorships
from app.services.relationships.pairs import Pair


async def rematch_for(
    uow: UnitOfWork, pair: Pair, today: date, declined: tuple[str, ...] = ()
) -> Proposal | None:
    """Another mentor from the cohort's available ones, under the snapshot's hard rules; never
    the mentor left, one the coordinator declined, or one held by another pending change."""
    mentorship = pair.mentorship
    applications = [
        a
        for a in await uow.programs.applications(employee_ids=[mentorship.mentee_id])
        if a.cohort_id == mentorship.cohort_id
    ]
    if not applications:
        return None
    pool = await cohort_pool(uow, mentorship.cohort_id, today)
    people = {e.id: e for e in await uow.employees.get_many([mentorship.mentee_id])}
    mentees, _ = await candidates(uow, applications[:1], people, pool.program.id)
    excluded = rematch_rules.excluded_mentors(str(mentorship.mentor_id), declined)
    held = await _held_elsewhere(uow, pair)
    mentors = [
        replace(m, current_load=m.current_load + held[str(m.id)])
        for m in pool.mentors
        if str(m.id) not in excluded
    ]
    found = rematch(
        mentee=mentees[0],
        mentors=mentors,
        policy=pair.policy.matching,
        previous_mentor_id=mentorship.mentor_id,
    )
    return found if isinstance(found, Proposal) else None


async def _held_elsewhere(uow: UnitOfWork, pair: Pair) -> Counter[str]:
    """Capacity held by the cohort's other pending changes: a mentor proposed to one mentee is
    not offered to another until the coordinator confirms or declines."""
    others = [
        m.id
        for m in await uow.programs.mentorships(
            cohort_id=pair.mentorship.cohort_id, limit=1_000_000
        )
        if m.id != pair.id and m.state in OPEN_STATES
    ]
    progress = await uow.relationships.progress_of(others) if others else {}
    return Counter(
        str(p.rematch_proposal["mentor_id"])
        for p in progress.values()
        if p.rematch_proposal is not None
    )


async def successor_pair(uow: UnitOfWork, pair: Pair, proposal: Proposal, today: date) -> UUID:
    """The new pair runs from the day the coordinator confirms the rematch and continues the
    same session: it ends when the original term ends, with no checkpoint of its own, and
    under the session's rules, the original's policy snapshot, whatever the program's policy
    became since (000 "Relationship Compatibility": the mentee is rematched, not enrolled in
    a new session)."""
    explanation: dict[str, Any] = {**proposal.explanation.to_dict(), "rematch_of": str(pair.id)}
    assert isinstance(proposal.mentor_id, UUID)
    term = rematch_rules.successor_term(pair.status.timeline, today)
    [created] = await proposed_mentorships(
        uow,
        pair.mentorship.cohort_id,
        [(pair.mentorship.mentee_id, proposal.mentor_id, explanation)],
        formed_by="coordinator",
        today=today,
        starts_on=term.starts_on,
        ends_on=term.ends_on,
        checkpoint=False,
        under=(pair.mentorship.policy_version, pair.policy),
    )
    return created.id
