"""Who may do what: one table (role x resource x action) drives the checks and the tests.

`ALL` means every object of the organisation; `OWN` means only objects the principal is
part of (their own record, their reports, their mentorships), which the service enforces
by filtering, so another's object answers "not found". Absent means not at all: 403.
"""

from __future__ import annotations

from app.domain.access import Principal, Role
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.errors import NotPermitted

_ADMIN, _COORD, _COMMITTEE = Role.ORG_ADMIN, Role.COORDINATOR, Role.COMMITTEE
_SUPERVISOR, _PARTICIPANT, _INTEGRATION = Role.SUPERVISOR, Role.PARTICIPANT, Role.INTEGRATION
R, E = Resource, Action

DIRECTORY_AND_ACCESS: dict[tuple[Role, Resource, Action], Reach] = {
    # The directory: staff see it all; supervisors their own chain; participants themselves.
    **{
        (role, R.EMPLOYEES, E.READ): Reach.ALL
        for role in (_ADMIN, _COORD, _COMMITTEE, _INTEGRATION)
    },
    (_SUPERVISOR, R.EMPLOYEES, E.READ): Reach.OWN,
    (_PARTICIPANT, R.EMPLOYEES, E.READ): Reach.OWN,
    # HR data arrives from the HR system, through integrations or an administrator.
    (_ADMIN, R.EMPLOYEES, E.WRITE): Reach.ALL,
    (_INTEGRATION, R.EMPLOYEES, E.WRITE): Reach.ALL,
    # Credentials, sign-in and the audit trail are the administrator's.
    **{(_ADMIN, r, a): Reach.ALL for r in (R.API_TOKENS, R.OIDC_ISSUERS) for a in Action},
    (_ADMIN, R.AUDIT_EVENTS, E.READ): Reach.ALL,
    # The organisation's own settings: the administrator keeps them; coordinators read them,
    # since they decide who matching may still propose.
    (_ADMIN, R.ORGANIZATION_SETTINGS, E.READ): Reach.ALL,
    (_COORD, R.ORGANIZATION_SETTINGS, E.READ): Reach.ALL,
    (_ADMIN, R.ORGANIZATION_SETTINGS, E.WRITE): Reach.ALL,
}


def reach(principal: Principal, resource: Resource, action: Action) -> Reach:
    """How far the principal may act, or NotPermitted (a function-level refusal)."""
    found = PERMISSIONS.get((principal.role, resource, action))
    if found is None:
        raise NotPermitted(
            f"the {principal.role} role may not {action} {resource.replace('_', ' ')}",
            rule=f"{resource}:{action}",
        )
    return found


# Each area keeps its rows in its own module; they import the names above, so they come last.
from app.domain.authorization.integrations import INTEGRATIONS  # noqa: E402
from app.domain.authorization.people import PEOPLE  # noqa: E402
from app.domain.authorization.programs import PROGRAMS  # noqa: E402
from app.domain.authorization.relationships import RELATIONSHIPS  # noqa: E402

PERMISSIONS: dict[tuple[Role, Resource, Action], Reach] = {
    **DIRECTORY_AND_ACCESS,
    **PROGRAMS,
    **RELATIONSHIPS,
    **INTEGRATIONS,
    **PEOPLE,
}
