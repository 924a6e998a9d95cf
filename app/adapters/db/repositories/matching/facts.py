"""The facts matching needs beyond the applications, fetched a batch at a time: mentors'
open loads, mentees withdrawn for the next cohort, and supervisory chains."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.matching.statements import MatchingStatements
from app.adapters.db.sql import literals
from app.domain.lifecycle.states import OPEN_STATES, MentorshipState
from app.domain.org_chart import chains_of, managers_to_look_up
from app.services.programs.records import WithdrawnPair


def _json_list(value: Any) -> list[Any]:
    found = json.loads(value) if isinstance(value, str) else value
    return list(found or ())


_sql = rows.sql
_OPEN_LOADS = _sql(
    "SELECT mentor_id, count(*) AS load FROM mentorships WHERE organization_id = :org "
    "AND mentor_id = ANY(:ids) AND state = ANY(:states) "
    "GROUP BY mentor_id"
)
# Per program, with the organisation-wide total: capacity is per program, the cap across all.
_MENTOR_LOADS = _sql(
    "SELECT m.mentor_id, count(*) FILTER (WHERE c.program_id = :program_id) AS here, "  # noqa: S608  (domain constants)
    "count(*) FILTER (WHERE c.program_id IS DISTINCT FROM :program_id) AS elsewhere "
    "FROM mentorships m JOIN cohorts c ON c.organization_id = m.organization_id "
    "AND c.id = m.cohort_id WHERE m.organization_id = :org AND m.mentor_id = ANY(:ids) "
    f"AND m.state IN ({literals(OPEN_STATES)}) GROUP BY m.mentor_id"
)
# Withdrawn at the checkpoint in an earlier cohort of the program, eligible for the next.
_WITHDRAWN = _sql(
    "SELECT m.id, m.mentee_id, m.cohort_id, p.closed_on, p.checkpoint_answers "  # noqa: S608  (domain constants)
    "FROM mentorships m JOIN mentorship_progress p ON p.organization_id = m.organization_id "
    "AND p.mentorship_id = m.id JOIN cohorts c ON c.organization_id = m.organization_id "
    "AND c.id = m.cohort_id WHERE m.organization_id = :org AND c.program_id = :program_id "
    f"AND c.starts_on < :before AND m.state = '{MentorshipState.WITHDRAWN}' "
    "AND p.eligible_for_next_cohort "
    "ORDER BY p.closed_on, m.id"
)
# A level of the chart at a time, by primary key: a plan no stale statistics can spoil (a
# recursive query planned for one row on a freshly imported organisation ran for a minute).
_MANAGERS = _sql(
    "SELECT id, manager_id FROM employees WHERE organization_id = :org AND id = ANY(:ids)"
)
_DEEPEST_CHAIN = 200


class SqlMatchingFacts(MatchingStatements):
    """Loads, withdrawn mentees and supervisory chains."""

    async def open_loads(self, mentor_ids: Sequence[UUID]) -> dict[UUID, int]:
        """Open mentorships (proposed, confirmed, active) per mentor, across every program."""
        found = await self._rows(_OPEN_LOADS, ids=list(mentor_ids), states=sorted(OPEN_STATES))
        return {r["mentor_id"]: r["load"] for r in found}

    async def mentor_loads(
        self, mentor_ids: Sequence[UUID], program_id: UUID
    ) -> dict[UUID, tuple[int, int]]:
        """Open mentorships per mentor: (in this program, in the organisation's others)."""
        found = await self._rows(_MENTOR_LOADS, ids=list(mentor_ids), program_id=program_id)
        return {r["mentor_id"]: (r["here"], r["elsewhere"]) for r in found}

    async def withdrawn_for_next_cohort(
        self, program_id: UUID, before: date
    ) -> list[WithdrawnPair]:
        """Mentees withdrawn at the checkpoint in the program's cohorts that began earlier."""
        found = await self._rows(_WITHDRAWN, program_id=program_id, before=before)
        return [
            WithdrawnPair(
                r["id"],
                r["mentee_id"],
                r["cohort_id"],
                r["closed_on"],
                tuple(_json_list(r["checkpoint_answers"])),
            )
            for r in found
        ]

    async def ancestors(self, employee_ids: Sequence[UUID]) -> dict[UUID, frozenset[UUID]]:
        """Each employee's whole supervisory chain (up to 200 deep): the manager links of
        them and everyone above them, read a level at a time, the chains built in memory."""
        manager_of: dict[UUID, UUID | None] = {}
        asked = wanted = set(employee_ids)
        for _ in range(_DEEPEST_CHAIN):
            if not wanted:
                break
            for found in await self._rows(_MANAGERS, ids=list(wanted)):
                manager_of[found[0]] = found[1]
            wanted = managers_to_look_up(manager_of, asked)
            asked = asked | wanted
        return chains_of(employee_ids, manager_of)
