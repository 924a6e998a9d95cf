"""Records of running a mentorship kept per cohort or per person: deadline notices, luncheon
groups, calendar feeds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from app.adapters.db.repositories.relationships.statements import OrganizationStatements
from app.adapters.db.repositories.relationships.statements import sql as _sql
from app.domain.lifecycle.states import RUNNING_STATES
from app.domain.luncheons import LuncheonGroup

_CLAIM_NOTICE = _sql(
    "INSERT INTO deadline_notices (organization_id, mentorship_id, kind, due_on) "
    "VALUES (:org, :id, :kind, :due_on) ON CONFLICT DO NOTHING RETURNING kind"
)


_RUNNING = _sql(
    "SELECT DISTINCT organization_id FROM mentorships "
    "WHERE state = ANY(:states) ORDER BY organization_id"
)


_LUNCHEON_GROUPS = _sql(
    "SELECT number, mentee_ids, host_ids FROM luncheon_groups "
    "WHERE organization_id = :org AND cohort_id = :cohort_id ORDER BY number"
)
_LUNCHEON_GROUPS_OF = _sql(
    "SELECT cohort_id, number, mentee_ids, host_ids FROM luncheon_groups "
    "WHERE organization_id = :org AND cohort_id = ANY(:ids) ORDER BY cohort_id, number"
)
_CLEAR_LUNCHEON_GROUPS = _sql(
    "DELETE FROM luncheon_groups WHERE organization_id = :org AND cohort_id = :cohort_id"
)
_INSERT_LUNCHEON_GROUPS = _sql(
    "INSERT INTO luncheon_groups (organization_id, cohort_id, number, mentee_ids, host_ids) "
    "SELECT :org, :cohort_id, g.number, "
    "ARRAY(SELECT jsonb_array_elements_text(g.mentees)::uuid), "
    "ARRAY(SELECT jsonb_array_elements_text(g.hosts)::uuid) "
    "FROM jsonb_to_recordset(CAST(:groups AS jsonb)) AS g(number int, mentees jsonb, hosts jsonb)"
)


_SET_FEED = _sql(
    "INSERT INTO calendar_feeds (organization_id, employee_id, secret_hash) "
    "VALUES (:org, :employee_id, :secret_hash) ON CONFLICT (organization_id, employee_id) "
    "DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = now()"
)
_VOLUNTEER = _sql(
    # clock_timestamp: offers made in one transaction still keep their order.
    "INSERT INTO luncheon_volunteers (organization_id, cohort_id, employee_id, created_at) "
    "VALUES (:org, :cohort_id, :employee_id, clock_timestamp()) ON CONFLICT DO NOTHING"
)
_VOLUNTEERS = _sql(
    "SELECT employee_id FROM luncheon_volunteers WHERE organization_id = :org "
    "AND cohort_id = :cohort_id ORDER BY created_at, employee_id"
)
_FEED_OWNER = _sql(
    "SELECT employee_id FROM calendar_feeds "
    "WHERE organization_id = :org AND secret_hash = :secret_hash"
)


class SqlCohortRecords(OrganizationStatements):
    async def claim_notice(self, mentorship_id: UUID, kind: str, due_on: date) -> bool:
        """True the first time this deadline is claimed; never again after."""
        row = await self._row(_CLAIM_NOTICE, id=mentorship_id, kind=kind, due_on=due_on)
        return row is not None

    async def organizations_running(self) -> list[UUID]:
        """Organisations with confirmed or active mentorships (an administrator's query)."""
        found = await self._rows(_RUNNING, states=sorted(RUNNING_STATES))
        return [r["organization_id"] for r in found]

    async def luncheon_groups(self, cohort_id: UUID) -> list[LuncheonGroup]:
        found = await self._rows(_LUNCHEON_GROUPS, cohort_id=cohort_id)
        return [
            LuncheonGroup(r["number"], tuple(r["mentee_ids"]), tuple(r["host_ids"])) for r in found
        ]

    async def luncheon_groups_of(
        self, cohort_ids: Sequence[UUID]
    ) -> dict[UUID, list[LuncheonGroup]]:
        """The luncheon groups of each of these cohorts (one statement whatever their number)."""
        found: dict[UUID, list[LuncheonGroup]] = {}
        for r in await self._rows(_LUNCHEON_GROUPS_OF, ids=list(cohort_ids)):
            group = LuncheonGroup(r["number"], tuple(r["mentee_ids"]), tuple(r["host_ids"]))
            found.setdefault(r["cohort_id"], []).append(group)
        return found

    async def replace_luncheon_groups(
        self, cohort_id: UUID, groups: Sequence[LuncheonGroup]
    ) -> None:
        """The cohort's groups become exactly these (one statement each way)."""
        await self._rows(_CLEAR_LUNCHEON_GROUPS, cohort_id=cohort_id)
        rows = [
            {
                "number": g.number,
                "mentees": [str(m) for m in g.mentees],
                "hosts": [str(h) for h in g.hosts],
            }
            for g in groups
        ]
        if rows:
            await self._rows(_INSERT_LUNCHEON_GROUPS, cohort_id=cohort_id, groups=rows)

    async def add_luncheon_volunteer(self, cohort_id: UUID, employee_id: UUID) -> None:
        """The mentor offers to host (once; offering again changes nothing)."""
        await self._rows(_VOLUNTEER, cohort_id=cohort_id, employee_id=employee_id)

    async def luncheon_volunteers(self, cohort_id: UUID) -> list[UUID]:
        """The cohort's volunteer hosts, first offered first."""
        return [r["employee_id"] for r in await self._rows(_VOLUNTEERS, cohort_id=cohort_id)]

    async def set_calendar_feed(self, employee_id: UUID, secret_hash: bytes) -> None:
        """The person's feed answers only to this secret from now on."""
        await self._rows(_SET_FEED, employee_id=employee_id, secret_hash=secret_hash)

    async def calendar_feed_owner(self, secret_hash: bytes) -> UUID | None:
        found = await self._row(_FEED_OWNER, secret_hash=secret_hash)
        return found["employee_id"] if found else None
