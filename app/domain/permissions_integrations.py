"""Who may do what with integrations: rows of the one permission table."""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization import Action, Reach, Resource

INTEGRATIONS: dict[tuple[Role, Resource, Action], Reach] = {}
