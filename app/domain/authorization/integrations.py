"""Who may do what with integrations: rows of the one permission table.

Webhook subscriptions and roster files belong to administrators and HR integrations;
coordinators may also export rosters. SCIM provisioning writes employees (Resource.EMPLOYEES,
already granted to the integration role).
"""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization.names import Action, Reach, Resource

_STAFF = (Role.ORG_ADMIN, Role.INTEGRATION)

INTEGRATIONS: dict[tuple[Role, Resource, Action], Reach] = {
    **{
        (role, Resource.WEBHOOKS, action): Reach.ALL
        for role in _STAFF
        for action in (Action.READ, Action.WRITE)
    },
    **{
        (role, Resource.ROSTER_FILES, action): Reach.ALL
        for role in _STAFF
        for action in (Action.READ, Action.WRITE)
    },
    (Role.COORDINATOR, Resource.ROSTER_FILES, Action.READ): Reach.ALL,
}
