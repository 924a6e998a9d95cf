"""A mentorship's development plan (goals) and its evaluations."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_relationships as tr
from app.adapters.db.repositories.relationships.statements import (
    OrganizationStatements,
    fields_of,
    from_row,
    insert_statement,
    row_reader,
    select_statement,
    sql,
    values_of,
)
from app.adapters.db.sql import compile_statement
from app.services.relationships.records import Evaluation, Goal

_P = sa.bindparam

_INSERT_GOAL = insert_statement(tr.goals, Goal)
_SAVE_GOAL = sql(
    "UPDATE goals SET text = :text, progress = :progress, outcome = :outcome, "
    "comments = :comments WHERE organization_id = :org AND id = :id "
    "RETURNING id, mentorship_id, kind, parent_id, text, progress, outcome, comments, smart, "
    "created_at"
)
_GOALS = select_statement(tr.goals, Goal, "mentorship_id", "created_at")
_GOAL = select_statement(tr.goals, Goal, "id", "created_at")
_GOAL_LOCKED = compile_statement(
    sa.select(*(tr.goals.c[n] for n in fields_of(Goal)))
    .where(tr.goals.c.organization_id == _P("org"), tr.goals.c.id == _P("value"))
    .with_for_update()
)
_GOAL_COLUMNS = ", ".join(fields_of(Goal))
_goal = row_reader(Goal)  # for the statements that select _GOAL_COLUMNS
# Keyset: goals after the cursor's (created_at, id), ranked within each mentorship.
_GOAL_PAGES = sql(
    f"SELECT {_GOAL_COLUMNS} FROM (SELECT {_GOAL_COLUMNS}, row_number() OVER ("  # noqa: S608
    "PARTITION BY mentorship_id ORDER BY created_at, id) AS n FROM goals g "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) "
    "AND (CAST(:after AS uuid) IS NULL OR (created_at, id) > (SELECT a.created_at, a.id "
    "FROM goals a WHERE a.organization_id = :org AND a.id = :after))) ranked "
    "WHERE n <= :limit ORDER BY mentorship_id, n"
)
# The same read towards the start of each plan, answered in plan order.
_GOAL_PAGES_BACK = sql(
    f"SELECT {_GOAL_COLUMNS} FROM (SELECT {_GOAL_COLUMNS}, row_number() OVER ("  # noqa: S608
    "PARTITION BY mentorship_id ORDER BY created_at DESC, id DESC) AS n FROM goals g "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) "
    "AND (CAST(:after AS uuid) IS NULL OR (created_at, id) < (SELECT a.created_at, a.id "
    "FROM goals a WHERE a.organization_id = :org AND a.id = :after))) ranked "
    "WHERE n <= :limit ORDER BY mentorship_id, n DESC"
)
_INSERT_EVALUATION = insert_statement(tr.evaluations, Evaluation)
_EVALUATIONS = select_statement(tr.evaluations, Evaluation, "mentorship_id", "submitted_on")


class SqlGoalRecords(OrganizationStatements):
    """Goals, a page of each plan at a time, and evaluations."""

    async def add_goal(self, goal: Goal) -> Goal:
        return from_row(Goal, await self._row(_INSERT_GOAL, **values_of(goal)))

    async def save_goal(self, goal: Goal) -> Goal:
        values = values_of(goal)
        row = await self._row(_SAVE_GOAL, **values)
        return from_row(Goal, row)

    async def goals(self, mentorship_id: UUID) -> list[Goal]:
        return [from_row(Goal, r) for r in await self._rows(_GOALS, value=[mentorship_id])]

    async def goal(self, goal_id: UUID, *, lock: bool = False) -> Goal | None:
        """The goal; with `lock`, its row held until the transaction ends."""
        if lock:
            row = await self._row(_GOAL_LOCKED, value=goal_id)
            return from_row(Goal, row) if row else None
        found = await self._rows(_GOAL, value=[goal_id])
        return from_row(Goal, found[0]) if found else None

    async def goal_pages(
        self,
        mentorship_ids: Sequence[UUID],
        *,
        limit: int,
        after: UUID | None,
        backward: bool = False,
    ) -> list[Goal]:
        """Up to `limit` goals of each mentorship in plan order, after goal `after` if given;
        `backward`: the `limit` goals just before `after` (the last ones without it)."""
        statement = _GOAL_PAGES_BACK if backward else _GOAL_PAGES
        found = await self._rows(statement, ids=list(mentorship_ids), limit=limit, after=after)
        return [_goal(r) for r in found]

    async def add_evaluation(self, evaluation: Evaluation) -> Evaluation:
        return from_row(Evaluation, await self._row(_INSERT_EVALUATION, **values_of(evaluation)))

    async def evaluations(self, mentorship_ids: Sequence[UUID]) -> list[Evaluation]:
        found = await self._rows(_EVALUATIONS, value=list(mentorship_ids))
        return [from_row(Evaluation, r) for r in found]
