"""Repository of the programs area. Every statement is scoped to one organisation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import orjson
import sqlalchemy as sa
import sqlalchemy.dialects.postgresql

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.cohort_calendars import SqlCohortCalendars
from app.adapters.db.repositories.matching.queue import SqlRunQueue
from app.adapters.db.repositories.program_pages import SqlProgramPages
from app.adapters.db.sql import compile_statement
from app.services.programs.records import Application, Cohort, Program

_sql = rows.sql
_P = sa.bindparam
_PROGRAM_COLUMNS = (
    tp.programs.c.id,
    tp.programs.c.name,
    tp.programs.c.preset,
    tp.programs.c.policy_version,
    tp.program_policies.c.policy,
    tp.programs.c.created_at,
)
_GET_PROGRAM = compile_statement(
    sa.select(*_PROGRAM_COLUMNS)
    .join_from(
        tp.programs,
        tp.program_policies,
        sa.and_(
            tp.program_policies.c.organization_id == tp.programs.c.organization_id,
            tp.program_policies.c.program_id == tp.programs.c.id,
            tp.program_policies.c.version == tp.programs.c.policy_version,
        ),
    )
    .where(tp.programs.c.organization_id == _P("org"), tp.programs.c.id == _P("id"))
)
_INSERT_PROGRAM = _sql(
    "INSERT INTO programs (organization_id, id, name, preset, policy_version) "
    "VALUES (:org, :id, :name, :preset, 1)"
)
_INSERT_POLICY = _sql(
    "INSERT INTO program_policies (organization_id, program_id, version, policy, created_by) "
    "VALUES (:org, :program_id, :version, :policy, :created_by)"
)
# Optimistic: a concurrent edit of the same version makes this update find nothing.
_BUMP_VERSION = _sql(
    "UPDATE programs SET policy_version = :version WHERE organization_id = :org "
    "AND id = :program_id AND policy_version = :version - 1 RETURNING id"
)
_POLICY_VERSIONS = _sql(
    "SELECT version, policy FROM program_policies WHERE organization_id = :org "
    "AND program_id = :program_id ORDER BY version"
)
_INSERT_COHORT = rows.insert(tp.cohorts, Cohort, skip=("created_at",))
_COHORT = {lock: rows.select_by(tp.cohorts, Cohort, "id", lock=lock) for lock in (False, True)}
_SAVE_COHORT = compile_statement(
    tp.cohorts.update()
    .where(tp.cohorts.c.organization_id == _P("org"), tp.cohorts.c.id == _P("id"))
    .values(name=_P("name"), ends_on=_P("ends_on"), applications_close_on=_P("closes_on"))
    .returning(*rows.columns_of(tp.cohorts, Cohort))
)
_COHORTS_OF = rows.select_by(tp.cohorts, Cohort, "program_id", order=("starts_on", "id"))
_COHORTS = rows.select_by(tp.cohorts, Cohort, "id", many=True, order=("starts_on", "id"))
_PRESETS_OF_COHORTS = compile_statement(
    sa.select(tp.cohorts.c.id, tp.programs.c.preset)
    .join_from(
        tp.cohorts,
        tp.programs,
        sa.and_(
            tp.programs.c.organization_id == tp.cohorts.c.organization_id,
            tp.programs.c.id == tp.cohorts.c.program_id,
        ),
    )
    .where(
        tp.cohorts.c.organization_id == _P("org"),
        tp.cohorts.c.id == sa.func.any(_P("ids", type_=sa.ARRAY(tp.cohorts.c.id.type))),
    )
)
_INSERT_APPLICATION = compile_statement(
    sa.dialects.postgresql.insert(tp.applications)
    .values(
        organization_id=_P("org"),
        **{c: _P(c) for c in Application.__slots__ if not c.endswith("_at")},
    )
    .on_conflict_do_nothing(index_elements=["organization_id", "cohort_id", "employee_id"])
    .returning(*rows.columns_of(tp.applications, Application))
)
_GET_APPLICATION = {
    lock: rows.select_by(tp.applications, Application, "id", lock=lock) for lock in (False, True)
}
_SAVE_PROFILE = _sql(
    "UPDATE applications SET profile = :profile, capacity = :capacity "
    "WHERE organization_id = :org AND id = :id"
)
_APPLICATIONS_OF_COHORT = rows.select_by(
    tp.applications, Application, "cohort_id", order=("created_at", "id")
)
_APPLICATIONS_OF_PEOPLE = rows.select_by(
    tp.applications, Application, "employee_id", many=True, order=("created_at", "id")
)
_SAVE_APPLICATIONS = _sql(
    "UPDATE applications a SET supervisor_approval = u.supervisor_approval, "
    "overrides = u.overrides, eligible = u.eligible, eligibility = u.eligibility, "
    "evaluated_at = now() FROM unnest(CAST(:ids AS uuid[]), CAST(:approvals AS text[]), "
    "CAST(CAST(:overrides AS text[]) AS jsonb[]), CAST(:eligible AS boolean[]), "
    "CAST(:decisions AS jsonb[])) "
    "AS u(id, supervisor_approval, overrides, eligible, eligibility) "
    "WHERE a.organization_id = :org AND a.id = u.id"
)


def _json_text(overrides: Sequence[Mapping[str, str]]) -> str:
    # A list of lists would be read as a 2-D array: each row's list goes as JSON text.
    return orjson.dumps([dict(o) for o in overrides]).decode()


class SqlProgramRepository(SqlProgramPages, SqlRunQueue, SqlCohortCalendars):
    """Programs, their policy versions, cohorts, calendars and applications of one organisation."""

    async def add_program(self, program: Program, created_by: str) -> Program:
        await self._execute(
            _INSERT_PROGRAM, id=program.id, name=program.name, preset=program.preset
        )
        await self._execute(
            _INSERT_POLICY,
            program_id=program.id,
            version=1,
            policy=program.policy.to_dict(),
            created_by=created_by,
        )
        found = await self.get_program(program.id)
        assert found is not None
        return found

    async def get_program(self, program_id: UUID) -> Program | None:
        row = await self._row(_GET_PROGRAM, id=program_id)
        return rows.program(row) if row else None

    async def add_policy_version(
        self, program_id: UUID, version: int, policy: Mapping[str, Any], created_by: str
    ) -> bool:
        if await self._row(_BUMP_VERSION, program_id=program_id, version=version) is None:
            return False
        await self._execute(
            _INSERT_POLICY,
            program_id=program_id,
            version=version,
            policy=dict(policy),
            created_by=created_by,
        )
        return True

    async def policy_versions(self, program_id: UUID) -> list[tuple[int, dict[str, Any]]]:
        found = await self._rows(_POLICY_VERSIONS, program_id=program_id)
        return [(r["version"], r["policy"]) for r in found]

    async def add_cohort(self, cohort: Cohort) -> Cohort:
        return rows.cohort(
            await self._row(_INSERT_COHORT, **rows.values_of(cohort, ("created_at",)))
        )

    async def get_cohort(self, cohort_id: UUID, *, lock: bool = False) -> Cohort | None:
        row = await self._row(_COHORT[lock], value=cohort_id)
        return rows.cohort(row) if row else None

    async def save_cohort(self, cohort: Cohort) -> Cohort | None:
        """The cohort's editable fields (its start lays out the calendar, so it stays)."""
        values = {"name": cohort.name, "ends_on": cohort.ends_on}
        row = await self._row(
            _SAVE_COHORT, id=cohort.id, closes_on=cohort.applications_close_on, **values
        )
        return rows.cohort(row) if row else None

    async def presets_of_cohorts(self, cohort_ids: Sequence[UUID]) -> dict[UUID, str]:
        found = await self._rows(_PRESETS_OF_COHORTS, ids=list(cohort_ids))
        return {r["id"]: r["preset"] for r in found}

    async def cohorts_of(self, program_id: UUID) -> list[Cohort]:
        return [Cohort(**dict(r)) for r in await self._rows(_COHORTS_OF, value=program_id)]

    async def cohorts(self, cohort_ids: Sequence[UUID]) -> list[Cohort]:
        return [rows.cohort(r) for r in await self._rows(_COHORTS, value=list(cohort_ids))]

    async def add_application(self, application: Application) -> Application | None:
        values = rows.values_of(application, ("created_at", "evaluated_at"))
        values.update(
            role=application.role.value,
            profile=dict(application.profile),
            overrides=[dict(o) for o in application.overrides],
            eligibility=dict(application.eligibility),
        )
        row = await self._row(_INSERT_APPLICATION, **values)
        return rows.application(row) if row else None

    async def get_application(
        self, application_id: UUID, *, lock: bool = False
    ) -> Application | None:
        row = await self._row(_GET_APPLICATION[lock], value=application_id)
        return rows.application(row) if row else None

    async def applications(
        self, *, cohort_id: UUID | None = None, employee_ids: Sequence[UUID] | None = None
    ) -> list[Application]:
        if cohort_id is not None:
            found = await self._rows(_APPLICATIONS_OF_COHORT, value=cohort_id)
        else:
            found = await self._rows(_APPLICATIONS_OF_PEOPLE, value=list(employee_ids or ()))
        return [rows.application(r) for r in found]

    async def save_profile(self, application: Application) -> None:
        """Store an edited self-assessment or volunteer profile (eligibility apart)."""
        await self._execute(
            _SAVE_PROFILE,
            id=application.id,
            profile=dict(application.profile),
            capacity=application.capacity,
        )

    async def save_applications(self, applications: Sequence[Application]) -> None:
        """Store approvals, overrides and re-evaluated eligibility of many at once."""
        if not applications:
            return
        await self._execute(
            _SAVE_APPLICATIONS,
            ids=[a.id for a in applications],
            approvals=[a.supervisor_approval for a in applications],
            overrides=[_json_text(a.overrides) for a in applications],
            eligible=[a.eligible for a in applications],
            decisions=[dict(a.eligibility) for a in applications],
        )
