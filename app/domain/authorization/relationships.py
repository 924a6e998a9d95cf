"""Who may do what while a mentorship runs: rows of the one permission table.

Participants act on their own mentorships only (OWN: the service finds the caller in the
pair, else "not found"). Program staff see facts of every pair, never the content; the
confidentiality rules decide each content read. The journal is the mentee's alone.
"""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization.names import Action, Reach, Resource

R, E = Resource, Action
_STAFF = (Role.ORG_ADMIN, Role.COORDINATOR)
_PAIR_WRITES = (
    R.AGREEMENTS,
    R.GOALS,
    R.MEETINGS,
    R.JOURNAL,
    R.EVALUATIONS,
    R.CHECKPOINTS,
    R.DISCLOSURES,
)
_PAIR_READS = (*_PAIR_WRITES, R.CALENDAR, R.GROUPS)
_STAFF_READS = (
    R.AGREEMENTS,
    R.GOALS,
    R.MEETINGS,
    R.EVALUATIONS,
    R.CHECKPOINTS,
    R.DISCLOSURES,
    R.GROUPS,
    R.REPORTS,
    R.CALENDAR,
)

RELATIONSHIPS: dict[tuple[Role, Resource, Action], Reach] = {
    **{(Role.PARTICIPANT, r, E.WRITE): Reach.OWN for r in _PAIR_WRITES},
    **{(Role.PARTICIPANT, r, E.READ): Reach.OWN for r in _PAIR_READS},
    # Completion at the term's end: the pair or the coordinator.
    (Role.PARTICIPANT, R.MENTORSHIPS, E.APPROVE): Reach.OWN,
    **{(role, r, E.READ): Reach.ALL for role in _STAFF for r in _STAFF_READS},
    # The coordinator confirms a rematch and forms luncheon groups.
    **{(role, R.CHECKPOINTS, E.APPROVE): Reach.ALL for role in _STAFF},
    **{(role, R.GROUPS, E.WRITE): Reach.ALL for role in _STAFF},
    # Staff who are themselves in a pair write as its participants (OWN); any other pair's
    # content stays out of reach ("not found"), as for everyone outside it.
    **{(role, r, E.WRITE): Reach.OWN for role in _STAFF for r in _PAIR_WRITES},
    **{(role, R.JOURNAL, E.READ): Reach.OWN for role in _STAFF},
    (Role.COMMITTEE, R.REPORTS, E.READ): Reach.ALL,
    # A supervisor reads what a disclosure names about their report (Maine exceptions 2, 4).
    (Role.SUPERVISOR, R.MEETINGS, E.READ): Reach.OWN,
    (Role.SUPERVISOR, R.CALENDAR, E.READ): Reach.OWN,
    # The program year's worklist: coordinators and administrators (facts, never content).
    (Role.COORDINATOR, R.WORKLIST, E.READ): Reach.ALL,
    (Role.ORG_ADMIN, R.WORKLIST, E.READ): Reach.ALL,
    # 000 "Group Learning": a mentor of the cohort volunteers to host; staff read the list.
    (Role.PARTICIPANT, R.LUNCHEON_HOSTS, E.WRITE): Reach.OWN,
    **{(role, R.LUNCHEON_HOSTS, E.WRITE): Reach.OWN for role in _STAFF},
    **{(role, R.LUNCHEON_HOSTS, E.READ): Reach.ALL for role in _STAFF},
    # 003 "Evaluation": the coordinator debriefs each participant; each reads their own.
    **{(role, R.DEBRIEFS, a): Reach.ALL for role in _STAFF for a in (E.READ, E.WRITE)},
    (Role.PARTICIPANT, R.DEBRIEFS, E.READ): Reach.OWN,
    # 003 "Expectations": each side reports monthly; the coordinator reads the facts.
    (Role.PARTICIPANT, R.PROGRESS_REPORTS, E.WRITE): Reach.OWN,
    (Role.PARTICIPANT, R.PROGRESS_REPORTS, E.READ): Reach.OWN,
    **{(role, R.PROGRESS_REPORTS, E.WRITE): Reach.OWN for role in _STAFF},
    **{(role, R.PROGRESS_REPORTS, E.READ): Reach.ALL for role in _STAFF},
}
