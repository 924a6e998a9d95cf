"""Records of a concluding mentorship (NC): the coordinator's debriefs and each side's monthly
progress reports; one statement per read or write."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_records as trec
from app.adapters.db.repositories.relationships.statements import OrganizationStatements, sql
from app.adapters.db.sql import Statement, compile_statement
from app.services.relationships.records import Debrief, ProgressReport

_P = sa.bindparam
_DEBRIEF = ("id", "mentorship_id", "party", "participant_id", "held_on", "recorded_by", "notes")
_REPORT = (
    "id",
    "mentorship_id",
    "party",
    "author_id",
    "month",
    "submitted_on",
    "on_track",
    "assignments_done",
    "reflections",
)


def _insert(table: sa.Table, names: tuple[str, ...]) -> Statement:
    return compile_statement(
        table.insert()
        .values(organization_id=_P("org"), **{n: _P(n) for n in names})
        .returning(*(table.c[n] for n in (*names, "created_at")))
    )


def _select(table: sa.Table, names: tuple[str, ...], *order: str) -> Statement:
    return compile_statement(
        sa.select(*(table.c[n] for n in (*names, "created_at")))
        .where(table.c.organization_id == _P("org"), table.c.mentorship_id == _P("mentorship_id"))
        .order_by(*(table.c[o] for o in order))
    )


_ADD_DEBRIEF = _insert(trec.debriefs, _DEBRIEF)
_DEBRIEFS = _select(trec.debriefs, _DEBRIEF, "held_on", "created_at")
_ADD_REPORT = _insert(trec.progress_reports, _REPORT)
_REPORTS = _select(trec.progress_reports, _REPORT, "month", "party")
# The months one side reported, for every pair of a worklist in one statement.
_MONTHS_REPORTED = sql(
    "SELECT mentorship_id, month FROM progress_reports WHERE organization_id = :org "
    "AND mentorship_id = ANY(:ids) AND party = :party ORDER BY mentorship_id, month"
)

# The sides debriefed, for every concluded pair of a worklist in one statement.
_SIDES_DEBRIEFED = sql(
    "SELECT DISTINCT mentorship_id, party FROM debriefs WHERE organization_id = :org "
    "AND mentorship_id = ANY(:ids) ORDER BY mentorship_id, party"
)


class SqlConclusionRecords(OrganizationStatements):
    """Debriefs and monthly progress reports of concluding mentorships."""

    async def add_debrief(self, debrief: Debrief) -> Debrief:
        row = await self._row(
            _ADD_DEBRIEF,
            id=debrief.id,
            mentorship_id=debrief.mentorship_id,
            party=debrief.party,
            participant_id=debrief.participant_id,
            held_on=debrief.held_on,
            recorded_by=debrief.recorded_by,
            notes=debrief.notes,
        )
        return Debrief(**dict(row))

    async def debriefs(self, mentorship_id: UUID) -> list[Debrief]:
        return [
            Debrief(**dict(r)) for r in await self._rows(_DEBRIEFS, mentorship_id=mentorship_id)
        ]

    async def add_progress_report(self, report: ProgressReport) -> ProgressReport:
        row = await self._row(
            _ADD_REPORT,
            id=report.id,
            mentorship_id=report.mentorship_id,
            party=report.party,
            author_id=report.author_id,
            month=report.month,
            submitted_on=report.submitted_on,
            on_track=report.on_track,
            assignments_done=report.assignments_done,
            reflections=report.reflections,
        )
        return ProgressReport(**dict(row))

    async def progress_reports(self, mentorship_id: UUID) -> Sequence[ProgressReport]:
        found = await self._rows(_REPORTS, mentorship_id=mentorship_id)
        return [ProgressReport(**dict(r)) for r in found]

    async def months_reported(
        self, mentorship_ids: Sequence[UUID], party: str
    ) -> dict[UUID, tuple[int, ...]]:
        found: dict[UUID, list[int]] = {}
        for row in await self._rows(_MONTHS_REPORTED, ids=list(mentorship_ids), party=party):
            found.setdefault(row["mentorship_id"], []).append(row["month"])
        return {k: tuple(v) for k, v in found.items()}

    async def sides_debriefed(self, mentorship_ids: Sequence[UUID]) -> dict[UUID, tuple[str, ...]]:
        found: dict[UUID, list[str]] = {}
        for row in await self._rows(_SIDES_DEBRIEFED, ids=list(mentorship_ids)):
            found.setdefault(row["mentorship_id"], []).append(row["party"])
        return {k: tuple(v) for k, v in found.items()}
