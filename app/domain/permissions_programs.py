"""Who may do what with programs and mentorships: rows of the one permission table."""

from __future__ import annotations

from app.domain.access import Role
from app.domain.authorization import Action, Reach, Resource

PROGRAMS: dict[tuple[Role, Resource, Action], Reach] = {}
