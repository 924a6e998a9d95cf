"""Who may do what with programs and mentorships: rows of the one permission table.

Coordinators and administrators run programs; the selection committee reads everything and
forms pairs (Charlotte); a supervisor approves their reports' applications (Caltrans) and sees
their reports' mentorships; a participant applies for themselves, picks a mentor (Caltrans)
and sees only the mentorships they are part of.
"""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization.names import Action, Reach, Resource

_STAFF = (Role.ORG_ADMIN, Role.COORDINATOR)
_AREA = (
    Resource.PROGRAMS,
    Resource.COHORTS,
    Resource.APPLICATIONS,
    Resource.MATCHING_RUNS,
    Resource.MENTORSHIPS,
)

PROGRAMS: dict[tuple[Role, Resource, Action], Reach] = {
    **{(role, r, a): Reach.ALL for role in _STAFF for r in _AREA for a in Action},
    **{(Role.COMMITTEE, r, Action.READ): Reach.ALL for r in _AREA},
    (Role.COMMITTEE, Resource.MENTORSHIPS, Action.WRITE): Reach.ALL,
    (Role.SUPERVISOR, Resource.APPLICATIONS, Action.READ): Reach.OWN,
    (Role.SUPERVISOR, Resource.APPLICATIONS, Action.APPROVE): Reach.OWN,
    (Role.SUPERVISOR, Resource.MENTORSHIPS, Action.READ): Reach.OWN,
    (Role.PARTICIPANT, Resource.APPLICATIONS, Action.READ): Reach.OWN,
    (Role.PARTICIPANT, Resource.APPLICATIONS, Action.WRITE): Reach.OWN,
    (Role.PARTICIPANT, Resource.MENTORSHIPS, Action.READ): Reach.OWN,
    (Role.PARTICIPANT, Resource.MENTORSHIPS, Action.WRITE): Reach.OWN,
}
