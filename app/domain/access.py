"""Who is asking: a principal bound to one organisation, with a role."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class Role(StrEnum):
    ORG_ADMIN = "org_admin"
    COORDINATOR = "coordinator"
    COMMITTEE = "committee"
    SUPERVISOR = "supervisor"
    PARTICIPANT = "participant"
    INTEGRATION = "integration"


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller. Every query is scoped to `organization_id`; nothing else is visible."""

    organization_id: UUID
    role: Role
    subject: str
    employee_id: UUID | None = None
    scopes: frozenset[str] = frozenset()
