"""How a person stands to a mentorship: the relation every confidentiality rule starts from.

The mentee and mentor are the pair; staff stand to every pair by their role; a supervisor is
the mentee's supervisor (the service has checked the line); anyone else is another participant,
who sees nothing of the pair's record (DOMAIN.md "Confidentiality").
"""

from __future__ import annotations

from collections.abc import Hashable

from app.domain.access import Role
from app.domain.confidentiality.viewers import ViewerRelation

_STAFF_RELATIONS = {
    Role.ORG_ADMIN: ViewerRelation.ORG_ADMIN,
    Role.COORDINATOR: ViewerRelation.COORDINATOR,
    Role.COMMITTEE: ViewerRelation.COMMITTEE,
    Role.INTEGRATION: ViewerRelation.INTEGRATION,
}
PAIR = frozenset({ViewerRelation.MENTEE, ViewerRelation.MENTOR})


def relation_to_pair(
    role: Role, person: Hashable | None, mentee: Hashable, mentor: Hashable
) -> ViewerRelation:
    """The relation of `person` (acting in `role`) to the pair of `mentee` and `mentor`: being in
    the pair comes first, whatever the role."""
    if person is not None and person == mentee:
        return ViewerRelation.MENTEE
    if person is not None and person == mentor:
        return ViewerRelation.MENTOR
    staff = _STAFF_RELATIONS.get(role)
    if staff is not None:
        return staff
    if role is Role.SUPERVISOR:
        return ViewerRelation.SUPERVISOR_OF_MENTEE
    return ViewerRelation.OTHER_PARTICIPANT
