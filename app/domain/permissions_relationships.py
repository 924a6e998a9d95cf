"""Who may do what while a mentorship runs: rows of the one permission table."""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization import Action, Reach, Resource

RELATIONSHIPS: dict[tuple[Role, Resource, Action], Reach] = {}
