"""Conflicts of interest (004: "avoid actual or perceived conflicts of interest"): an
applicant declares them, and a coordinator may record one at any time; matching refuses both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class RecordedConflict:
    """A conflict a coordinator recorded between two people of a cohort, with why and who."""

    id: UUID
    cohort_id: UUID
    employee_id: UUID
    other_employee_id: UUID
    reason: str
    recorded_by: str
    recorded_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.employee_id == self.other_employee_id:
            raise InvalidInput("a conflict is between two people", field="other_employee_id")
        if not self.reason.strip():
            raise InvalidInput("a recorded conflict says why", field="reason")


def conflicts_by_person(conflicts: Iterable[RecordedConflict]) -> dict[UUID, frozenset[UUID]]:
    """Each person's recorded conflicts, both ways (a conflict binds the two alike)."""
    found: dict[UUID, set[UUID]] = defaultdict(set)
    for conflict in conflicts:
        found[conflict.employee_id].add(conflict.other_employee_id)
        found[conflict.other_employee_id].add(conflict.employee_id)
    return {person: frozenset(others) for person, others in found.items()}
