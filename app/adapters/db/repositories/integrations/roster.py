"""Flat facts for roster exports; and forgetting old idempotency keys, the area's housekeeping."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from app.adapters.db.repositories.integrations import roster_facts
from app.adapters.db.repositories.integrations.statements import IntegrationStatements


class SqlRosterFacts(IntegrationStatements):
    """Roster facts of a cohort (or the whole organisation), and housekeeping."""

    async def purge_idempotency_keys(self, older_than: timedelta) -> int:
        """Forget stored responses older than `older_than`; answers how many went."""
        status = await self._connection.execute(
            "DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval", older_than
        )
        return int(status.split()[-1])

    async def participant_facts(self, cohort_id: UUID | None) -> list[tuple[Any, ...]]:
        rows = await self._fetch(roster_facts.PARTICIPANTS, cohort=cohort_id, cohort2=cohort_id)
        return [tuple(r) for r in rows]

    async def mentorship_facts(self, cohort_id: UUID | None) -> list[tuple[Any, ...]]:
        rows = await self._fetch(roster_facts.MENTORSHIPS, cohort=cohort_id, cohort2=cohort_id)
        return [tuple(r) for r in rows]
