"""Statements of the standing mentor register and of recorded conflicts of interest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

import asyncpg

from app.domain.matching.committee import CommitteeRecommendation
from app.domain.matching.conflicts import RecordedConflict
from app.domain.mentor_register import RegisterEntry

_UPSERT = (
    "INSERT INTO mentor_register (organization_id, employee_id, division, expertise, capacity, "
    "availability) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organization_id, employee_id) "
    "DO UPDATE SET division = EXCLUDED.division, expertise = EXCLUDED.expertise, "
    "capacity = EXCLUDED.capacity, availability = EXCLUDED.availability, updated_at = now()"
)
_DELETE = "DELETE FROM mentor_register WHERE organization_id = $1 AND employee_id = $2"
_SELECT = (
    "SELECT employee_id, division, expertise, capacity, availability FROM mentor_register "
    "WHERE organization_id = $1 AND ($2::text IS NULL OR division = $2) "
    "AND ($3::uuid[] IS NULL OR employee_id = ANY($3)) ORDER BY employee_id"
)


class SqlMentorRegister:
    """The register of one organisation."""

    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    async def save(self, entry: RegisterEntry) -> None:
        await self._connection.execute(
            _UPSERT,
            self._org,
            entry.employee_id,
            entry.division,
            list(entry.expertise),
            entry.capacity,
            entry.availability,
        )

    async def remove(self, employee_id: UUID) -> bool:
        status: str = await self._connection.execute(_DELETE, self._org, employee_id)
        return status.endswith(" 1")

    async def entries(
        self, *, division: str | None = None, employee_ids: Sequence[UUID] | None = None
    ) -> list[RegisterEntry]:
        ids: Any = None if employee_ids is None else list(employee_ids)
        rows = await self._connection.fetch(_SELECT, self._org, division, ids)
        return [
            RegisterEntry(
                r["employee_id"],
                r["division"],
                tuple(r["expertise"]),
                r["capacity"],
                r["availability"],
            )
            for r in rows
        ]


_ADD_CONFLICT = (
    "INSERT INTO conflicts_of_interest (organization_id, id, cohort_id, employee_id, "
    "other_employee_id, reason, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "RETURNING recorded_at"
)
_CONFLICTS = (
    "SELECT id, cohort_id, employee_id, other_employee_id, reason, recorded_by, recorded_at "
    "FROM conflicts_of_interest WHERE organization_id = $1 AND cohort_id = $2 "
    "ORDER BY recorded_at, id"
)


class SqlConflicts:
    """Conflicts of interest recorded by coordinators, per cohort."""

    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    async def add(self, conflict: RecordedConflict) -> RecordedConflict:
        at = await self._connection.fetchval(
            _ADD_CONFLICT,
            self._org,
            conflict.id,
            conflict.cohort_id,
            conflict.employee_id,
            conflict.other_employee_id,
            conflict.reason,
            conflict.recorded_by,
        )
        return replace(conflict, recorded_at=at)

    async def of_cohort(self, cohort_id: UUID) -> list[RecordedConflict]:
        rows = await self._connection.fetch(_CONFLICTS, self._org, cohort_id)
        return [RecordedConflict(*r) for r in rows]


_RECOMMEND = (
    "INSERT INTO committee_recommendations (organization_id, cohort_id, mentee_id, mentor_id, "
    "note, recommended_by) VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (organization_id, cohort_id, mentee_id) DO UPDATE SET "
    "mentor_id = EXCLUDED.mentor_id, note = EXCLUDED.note, "
    "recommended_by = EXCLUDED.recommended_by, recommended_at = now() RETURNING recommended_at"
)
_SLATE = (
    "SELECT cohort_id, mentee_id, mentor_id, note, recommended_by, recommended_at "
    "FROM committee_recommendations WHERE organization_id = $1 AND cohort_id = $2 "
    "ORDER BY mentee_id"
)
_CLEAR_SLATE = "DELETE FROM committee_recommendations WHERE organization_id = $1 AND cohort_id = $2"


class SqlCommittee:
    """The selection committee's slate of recommended pairs, per cohort."""

    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    async def recommend(self, pick: CommitteeRecommendation) -> CommitteeRecommendation:
        at = await self._connection.fetchval(
            _RECOMMEND,
            self._org,
            pick.cohort_id,
            pick.mentee_id,
            pick.mentor_id,
            pick.note,
            pick.recommended_by,
        )
        return replace(pick, recommended_at=at)

    async def slate(self, cohort_id: UUID) -> list[CommitteeRecommendation]:
        rows = await self._connection.fetch(_SLATE, self._org, cohort_id)
        return [CommitteeRecommendation(*r) for r in rows]

    async def clear(self, cohort_id: UUID) -> None:
        await self._connection.execute(_CLEAR_SLATE, self._org, cohort_id)
