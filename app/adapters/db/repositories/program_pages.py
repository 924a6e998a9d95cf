"""Keyset pages of the programs area's collections: programs, a program's cohorts, a
cohort's matching runs and applications. Each page is one statement that seeks past the last
key shown through an index (never OFFSET), so a deep page costs what the first does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.matching import SqlMatchingRepository
from app.adapters.db.sql import Statement, compile_statement
from app.services.programs.records import Application, Cohort, MatchingRun, Program

_P = sa.bindparam


def _page(
    select: sa.Select[Any], table: sa.Table, parent: str | None, order: Sequence[str]
) -> dict[tuple[bool, bool], Statement]:
    """By (keyed, backward): the first page, a page after a key (`:after_0`, `:after_1`, ...
    in `order`), and the same two read backward (the last page, the page before a key), whose
    rows come nearest the key first."""
    where = [table.c.organization_id == _P("org")]
    if parent is not None:
        where.append(table.c[parent] == _P("parent"))
    columns = [table.c[o] for o in order]
    key = sa.tuple_(*columns)
    bound = sa.tuple_(*(_P(f"after_{i}", type_=c.type) for i, c in enumerate(columns)))
    statements = {}
    for backward in (False, True):
        ordering = [c.desc() for c in columns] if backward else columns
        ordered = select.where(*where).order_by(*ordering).limit(_P("limit"))
        seek = key < bound if backward else key > bound
        statements[False, backward] = compile_statement(ordered)
        statements[True, backward] = compile_statement(ordered.where(seek))
    return statements


_PROGRAMS = _page(
    sa.select(
        tp.programs.c.id,
        tp.programs.c.name,
        tp.programs.c.preset,
        tp.programs.c.policy_version,
        tp.program_policies.c.policy,
        tp.programs.c.created_at,
    ).join_from(
        tp.programs,
        tp.program_policies,
        sa.and_(
            tp.program_policies.c.organization_id == tp.programs.c.organization_id,
            tp.program_policies.c.program_id == tp.programs.c.id,
            tp.program_policies.c.version == tp.programs.c.policy_version,
        ),
    ),
    tp.programs,
    None,
    ("id",),
)
_COHORTS = _page(sa.select(*rows.columns_of(tp.cohorts, Cohort)), tp.cohorts, "program_id", ("id",))
_RUNS = _page(
    sa.select(*rows.columns_of(tp.matching_runs, MatchingRun)),
    tp.matching_runs,
    "cohort_id",
    ("id",),
)
# In the order they came, as the cohort's list always was (index ix_applications_cohort_order).
_APPLICATIONS = _page(
    sa.select(*rows.columns_of(tp.applications, Application)),
    tp.applications,
    "cohort_id",
    ("created_at", "id"),
)


class SqlProgramPages(SqlMatchingRepository):
    """Pages of `limit` rows after the key of the previous page's last row."""

    async def _page(
        self,
        statements: dict[tuple[bool, bool], Statement],
        key: Sequence[Any] | None,
        backward: bool = False,
        **values: Any,
    ) -> list[Any]:
        """Rows in list order; `backward`: the ones just before `key` (the last ones)."""
        keyed = {f"after_{i}": v for i, v in enumerate(key or ())}
        found = await self._rows(statements[key is not None, backward], **values, **keyed)
        return found[::-1] if backward else found

    async def programs_page(
        self, *, after: UUID | None, limit: int, backward: bool = False
    ) -> list[Program]:
        key = None if after is None else (after,)
        found = await self._page(_PROGRAMS, key, backward, limit=limit)
        return [rows.program(r) for r in found]

    async def cohorts_page(
        self, *, program_id: UUID, after: UUID | None, limit: int, backward: bool = False
    ) -> list[Cohort]:
        key = None if after is None else (after,)
        found = await self._page(_COHORTS, key, backward, parent=program_id, limit=limit)
        return [rows.cohort(r) for r in found]

    async def runs_page(
        self, *, cohort_id: UUID, after: UUID | None, limit: int, backward: bool = False
    ) -> list[MatchingRun]:
        key = None if after is None else (after,)
        found = await self._page(_RUNS, key, backward, parent=cohort_id, limit=limit)
        return [rows.run(r) for r in found]

    async def applications_page(
        self,
        *,
        cohort_id: UUID,
        after: tuple[datetime, UUID] | None,
        limit: int,
        backward: bool = False,
    ) -> list[Application]:
        found = await self._page(_APPLICATIONS, after, backward, parent=cohort_id, limit=limit)
        return [rows.application(r) for r in found]
