"""Who may read and keep the standing mentor register (002: "readily available for all
employees to use when seeking out a mentor"): everyone reads it (the service shows people
outside staff only names, titles and expertise); a volunteer keeps their own entry, staff any."""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization.names import Action, Reach, Resource

_REGISTER = Resource.MENTOR_REGISTER

PEOPLE: dict[tuple[Role, Resource, Action], Reach] = {
    **{(role, _REGISTER, Action.READ): Reach.ALL for role in Role},
    (Role.ORG_ADMIN, _REGISTER, Action.WRITE): Reach.ALL,
    (Role.COORDINATOR, _REGISTER, Action.WRITE): Reach.ALL,
    (Role.SUPERVISOR, _REGISTER, Action.WRITE): Reach.OWN,
    (Role.PARTICIPANT, _REGISTER, Action.WRITE): Reach.OWN,
}
