"""The employee directory as the HR system gives it: employees, their managers, their standing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any
from uuid import UUID


class EmploymentStatus(StrEnum):
    ACTIVE = "active"
    LEAVE = "leave"
    INACTIVE = "inactive"


@dataclass(frozen=True, slots=True)
class Employee:
    """One person in an organisation's directory. `manager_id` is None until that manager exists."""

    id: UUID
    organization_id: UUID
    employee_number: str
    given_name: str
    family_name: str
    email: str | None
    job_title: str | None
    level: int
    department: str
    unit: str | None
    manager_employee_number: str | None
    manager_id: UUID | None
    hire_date: date | None
    employment_status: EmploymentStatus
    in_good_standing: bool
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    created_at: datetime | None = None
    updated_at: datetime | None = None


def rows_closing_a_cycle(
    manager_of: Mapping[str, str | None], batch_order: Mapping[str, int]
) -> dict[str, tuple[str, ...]]:
    """Find manager cycles and blame, for each, the batch row that closed it (the latest one).

    `manager_of` maps employee number -> manager's number for the whole directory as it would be
    after the import; `batch_order` gives each imported number's row. Returns the blamed employee
    numbers with the cycle they close, so the import can refuse just those rows.
    """
    blamed: dict[str, tuple[str, ...]] = {}
    graph = dict(manager_of)
    while cycle := _first_cycle(graph):
        in_batch = [n for n in cycle if n in batch_order]
        if not in_batch:  # an old cycle nobody in this batch touched; not this import's fault
            graph[cycle[0]] = None
            continue
        culprit = max(in_batch, key=lambda n: batch_order[n])
        blamed[culprit] = cycle
        graph[culprit] = None
    return blamed


def _first_cycle(manager_of: Mapping[str, str | None]) -> tuple[str, ...] | None:
    """Walk each chain once (colouring visited nodes) and return the first cycle met."""
    done: set[str] = set()
    for start in manager_of:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done:
            if node in on_path:
                return tuple(path[path.index(node) :])
            path.append(node)
            on_path.add(node)
            node = manager_of.get(node)
        done.update(path)
    return None
