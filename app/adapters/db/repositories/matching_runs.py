"""Matching runs, locked pairs and mentorships of one organisation, and the directory facts
matching needs (supervisory chains, mentor loads) fetched a batch at a time."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.sql import Statement, compile_statement
from app.domain.lifecycle import OPEN_STATES
from app.domain.org_chart import chains_of, managers_to_look_up
from app.services.programs.records import (
    KnownPairs,
    MatchingRun,
    MatchLock,
    Mentorship,
    PairParties,
    WithdrawnPair,
)


def _json_list(value: Any) -> list[Any]:
    found = json.loads(value) if isinstance(value, str) else value
    return list(found or ())


_sql = rows.sql
_INSERT_LOCK = _sql(
    "INSERT INTO match_locks (organization_id, cohort_id, mentee_id, mentor_id, locked_by) "
    "VALUES (:org, :cohort_id, :mentee_id, :mentor_id, :locked_by) "
    "ON CONFLICT (organization_id, cohort_id, mentee_id) DO UPDATE "
    "SET mentor_id = EXCLUDED.mentor_id, locked_by = EXCLUDED.locked_by"
)
_LOCKS = _sql(
    "SELECT cohort_id, mentee_id, mentor_id, locked_by FROM match_locks "
    "WHERE organization_id = :org AND cohort_id = :cohort_id ORDER BY mentee_id"
)
_INSERT_RUN = rows.insert(tp.matching_runs, MatchingRun, skip=("created_at", "published_at"))
_GET_RUN = rows.select_by(tp.matching_runs, MatchingRun, "id")
# The row lock taken by this update makes a concurrent publish wait, then find nothing to do.
_PUBLISH_RUN = compile_statement(
    tp.matching_runs.update()
    .where(
        tp.matching_runs.c.organization_id == sa.bindparam("org"),
        tp.matching_runs.c.id == sa.bindparam("id"),
        tp.matching_runs.c.state == sa.literal_column("'computed'"),
    )
    .values(state=sa.literal_column("'published'"), published_at=sa.func.now())
    .returning(*rows.columns_of(tp.matching_runs, MatchingRun))
)
_MENTORSHIP_INPUT = [c for c in Mentorship.__slots__ if c != "created_at"]
_INSERT_MENTORSHIPS = _sql(
    "INSERT INTO mentorships (organization_id, id, cohort_id, mentee_id, mentor_id, state, "
    "formed_by, matching_run_id, starts_on, ends_on, checkpoint_due_on, policy_version, policy, "
    "explanation) SELECT :org, * FROM unnest(CAST(:id AS uuid[]), CAST(:cohort_id AS uuid[]), "
    "CAST(:mentee_id AS uuid[]), CAST(:mentor_id AS uuid[]), CAST(:state AS text[]), "
    "CAST(:formed_by AS text[]), CAST(:matching_run_id AS uuid[]), CAST(:starts_on AS date[]), "
    "CAST(:ends_on AS date[]), CAST(:checkpoint_due_on AS date[]), "
    "CAST(:policy_version AS integer[]), CAST(:policy AS jsonb[]), "
    "CAST(:explanation AS jsonb[])) RETURNING id"
)
_M = tp.mentorships.c
_MENTORSHIP_SELECT = sa.select(*rows.mentorship_columns(tp.mentorships)).where(
    _M.organization_id == sa.bindparam("org")
)
_GET_MENTORSHIP = compile_statement(_MENTORSHIP_SELECT.where(_M.id == sa.bindparam("id")))
_LOCK_MENTORSHIP = compile_statement(
    _MENTORSHIP_SELECT.where(_M.id == sa.bindparam("id")).with_for_update()
)
_SHARE_MENTORSHIP = compile_statement(
    _MENTORSHIP_SELECT.where(_M.id == sa.bindparam("id")).with_for_update(read=True)
)
_GET_MENTORSHIPS = compile_statement(
    _MENTORSHIP_SELECT.where(_M.id == sa.func.any(sa.bindparam("ids"))).order_by(_M.id)
)
# Batch authorization needs only who is in each pair, not the two JSON documents a row holds.
_GET_PARTIES = compile_statement(
    sa.select(_M.id, _M.mentee_id, _M.mentor_id).where(
        _M.organization_id == sa.bindparam("org"), _M.id == sa.func.any(sa.bindparam("ids"))
    )
)


def _mentorship_page(*, documents: bool, backward: bool = False) -> Statement:
    """One statement for a page: the rows themselves, not ids then rows. `backward`: the rows
    before `:after` (a Relay `before`), nearest first."""
    seek = "id < :after" if backward else "id > :after"
    return compile_statement(
        sa.select(*rows.mentorship_columns(tp.mentorships, documents=documents))
        .where(
            _M.organization_id == sa.bindparam("org"),
            sa.text(
                "(CAST(:cohort_id AS uuid) IS NULL OR cohort_id = :cohort_id) "
                "AND (CAST(:everyone AS boolean) OR mentee_id = ANY(:people) "
                "OR mentor_id = ANY(:people)) "
                f"AND (CAST(:after AS uuid) IS NULL OR {seek})"
            ),
        )
        .order_by(_M.id.desc() if backward else _M.id)
        .limit(sa.bindparam("limit"))
    )


_LIST_MENTORSHIPS = {
    (documents, backward): _mentorship_page(documents=documents, backward=backward)
    for documents in (True, False)
    for backward in (False, True)
}
_OPEN_LOADS = _sql(
    "SELECT mentor_id, count(*) AS load FROM mentorships WHERE organization_id = :org "
    "AND mentor_id = ANY(:ids) AND state = ANY(:states) "
    "GROUP BY mentor_id"
)
# Per program, with the organisation-wide total: capacity is per program, the cap across all.
_MENTOR_LOADS = _sql(
    "SELECT m.mentor_id, count(*) FILTER (WHERE c.program_id = :program_id) AS here, "
    "count(*) FILTER (WHERE c.program_id IS DISTINCT FROM :program_id) AS elsewhere "
    "FROM mentorships m JOIN cohorts c ON c.organization_id = m.organization_id "
    "AND c.id = m.cohort_id WHERE m.organization_id = :org AND m.mentor_id = ANY(:ids) "
    "AND m.state IN ('proposed', 'confirmed', 'active') GROUP BY m.mentor_id"
)
# Withdrawn at the checkpoint in an earlier cohort of the program, eligible for the next.
_WITHDRAWN = _sql(
    "SELECT m.id, m.mentee_id, m.cohort_id, p.closed_on, p.checkpoint_answers "
    "FROM mentorships m JOIN mentorship_progress p ON p.organization_id = m.organization_id "
    "AND p.mentorship_id = m.id JOIN cohorts c ON c.organization_id = m.organization_id "
    "AND c.id = m.cohort_id WHERE m.organization_id = :org AND c.program_id = :program_id "
    "AND c.starts_on < :before AND m.state = 'withdrawn' AND p.eligible_for_next_cohort "
    "ORDER BY p.closed_on, m.id"
)
_SET_EXPLANATION = _sql(
    "UPDATE mentorships SET explanation = :explanation WHERE organization_id = :org AND id = :id"
)
# A level of the chart at a time, by primary key: a plan no stale statistics can spoil (a
# recursive query planned for one row on a freshly imported organisation ran for a minute).
# A page of a run's proposals, read out of its stored document by position; the run's row
# comes back even when the page is empty, so an empty page and no run are told apart.
_PROPOSALS = _sql(
    "SELECT r.state, p.n, p.proposal FROM matching_runs r LEFT JOIN LATERAL ("
    "SELECT n, proposal FROM jsonb_array_elements(r.result -> 'proposals') WITH ORDINALITY "
    "AS e(proposal, n) WHERE n > :after ORDER BY n LIMIT :limit) p ON true "
    "WHERE r.organization_id = :org AND r.id = :id ORDER BY p.n"
)
# The proposals just before position :before: the nearest ones, answered in position order.
_PROPOSALS_BEFORE = _sql(
    "SELECT r.state, p.n, p.proposal FROM matching_runs r LEFT JOIN LATERAL ("
    "SELECT n, proposal FROM jsonb_array_elements(r.result -> 'proposals') WITH ORDINALITY "
    "AS e(proposal, n) WHERE n > :after AND n < :before ORDER BY n DESC LIMIT :limit) p ON true "
    "WHERE r.organization_id = :org AND r.id = :id ORDER BY p.n"
)
_MANAGERS = _sql(
    "SELECT id, manager_id FROM employees WHERE organization_id = :org AND id = ANY(:ids)"
)
_DEEPEST_CHAIN = 200


class SqlMatchingRepository:
    """The statements of matching runs and mentorships, and the helpers every part shares."""

    def __init__(
        self,
        connection: asyncpg.Connection,
        organization_id: UUID | None,
        known_pairs: KnownPairs | None = None,
    ) -> None:
        self._connection = connection
        self._org = organization_id
        # Who is in a pair never changes once it is stored, so what one unit of work of a
        # request has read, the next need not ask again (a GraphQL page's batches).
        self._known_pairs = {} if known_pairs is None else known_pairs

    async def _execute(self, statement: Statement, **values: Any) -> None:
        await self._connection.execute(statement.sql, *statement.args({"org": self._org, **values}))

    async def _row(self, statement: Statement, **values: Any) -> Any:
        return await self._connection.fetchrow(
            statement.sql, *statement.args({"org": self._org, **values})
        )

    async def _rows(self, statement: Statement, **values: Any) -> list[Any]:
        return list(
            await self._connection.fetch(
                statement.sql, *statement.args({"org": self._org, **values})
            )
        )

    async def locks(self, cohort_id: UUID) -> list[MatchLock]:
        return [rows.lock(r) for r in await self._rows(_LOCKS, cohort_id=cohort_id)]

    async def add_lock(self, lock: MatchLock) -> None:
        await self._execute(_INSERT_LOCK, **rows.values_of(lock))

    async def add_run(self, run: MatchingRun) -> MatchingRun:
        values = rows.values_of(run, ("created_at", "published_at"))
        values["result"] = dict(run.result)
        values["failure"] = None if run.failure is None else dict(run.failure)
        return rows.run(await self._row(_INSERT_RUN, **values))

    async def get_run(self, run_id: UUID) -> MatchingRun | None:
        row = await self._row(_GET_RUN, value=run_id)
        return rows.run(row) if row else None

    async def mark_published(self, run_id: UUID) -> MatchingRun | None:
        row = await self._row(_PUBLISH_RUN, id=run_id)
        return rows.run(row) if row else None

    async def add_mentorships(self, mentorships: Sequence[Mentorship]) -> list[Mentorship]:
        if not mentorships:
            return []
        columns: dict[str, list[Any]] = {c: [] for c in _MENTORSHIP_INPUT}
        for mentorship in mentorships:
            for name in _MENTORSHIP_INPUT:
                value = getattr(mentorship, name)
                columns[name].append(dict(value) if name in ("policy", "explanation") else value)
        inserted = await self._rows(_INSERT_MENTORSHIPS, **columns)
        return await self.mentorships_by_ids([r["id"] for r in inserted])

    async def get_mentorship(
        self, mentorship_id: UUID, *, lock: bool = False, shared: bool = False
    ) -> Mentorship | None:
        """The mentorship; with `lock`, its row held until the transaction ends (one statement,
        where locking and then reading took two); `shared` too, a lock that holds back
        changes to the row but not other shared holders."""
        statement = _SHARE_MENTORSHIP if shared else _LOCK_MENTORSHIP if lock else _GET_MENTORSHIP
        row = await self._row(statement, id=mentorship_id)
        return self._learn([rows.mentorship(row)])[0] if row else None

    async def mentorships(
        self,
        *,
        cohort_id: UUID | None = None,
        people: Sequence[UUID] | None = None,
        limit: int = 100,
        after: UUID | None = None,
        documents: bool = True,
        backward: bool = False,
    ) -> list[Mentorship]:
        """A keyset page; without `documents`, their policies and explanations are not read.
        `backward`: the page before `after`, in id order too."""
        found = await self._rows(
            _LIST_MENTORSHIPS[documents, backward],
            cohort_id=cohort_id,
            everyone=people is None,
            people=list(people or ()),
            after=after,
            limit=limit,
        )
        if backward:
            found.reverse()
        return self._learn([rows.mentorship(r) for r in found])

    async def mentorships_by_ids(self, ids: Sequence[UUID]) -> list[Mentorship]:
        """The mentorships among `ids` (of this organisation), in id order."""
        if not ids:
            return []
        found = await self._rows(_GET_MENTORSHIPS, ids=list(ids))
        return self._learn([rows.mentorship(r) for r in found])

    async def parties_by_ids(self, ids: Sequence[UUID]) -> list[PairParties]:
        """Who is in each of the mentorships among `ids` (of this organisation), in id order."""
        known, asked = self._known_pairs, set(ids)
        if unknown := [i for i in asked if i not in known]:
            for found in await self._rows(_GET_PARTIES, ids=unknown):
                known[found[0]] = PairParties(*found)
        parties = []
        for i in asked:
            if (pair := known.get(i)) is not None:
                if type(pair) is not PairParties:  # a mentorship read whole: kept as is
                    pair = known[i] = PairParties(pair.id, pair.mentee_id, pair.mentor_id)
                parties.append(pair)
        return sorted(parties, key=lambda p: p.id)

    def _learn(self, found: list[Mentorship]) -> list[Mentorship]:
        # The mentorships themselves: most pages are never asked who is in them again, so
        # their `PairParties` are made only when asked.
        self._known_pairs.update((m.id, m) for m in found)
        return found

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

    async def set_explanation(self, mentorship_id: UUID, explanation: dict[str, Any]) -> None:
        """Record more about how the pair formed (a referral's confirmation)."""
        await self._execute(_SET_EXPLANATION, id=mentorship_id, explanation=explanation)
        self._known_pairs.pop(mentorship_id, None)

    async def run_proposals(
        self, run_id: UUID, *, after: int, limit: int, before: int | None = None
    ) -> tuple[str, list[tuple[int, dict[str, Any]]]] | None:
        """The run's state, and its proposals `after`+1 onwards (1-based positions), up to
        `limit`, each with its position; with `before`, the `limit` nearest below it instead
        (in position order). None when there is no such run."""
        if before is not None:
            found = await self._rows(
                _PROPOSALS_BEFORE, id=run_id, after=after, before=before, limit=limit
            )
        else:
            found = await self._rows(_PROPOSALS, id=run_id, after=after, limit=limit)
        if not found:
            return None
        return found[0]["state"], [
            (r["n"], json.loads(r["proposal"]) if isinstance(r["proposal"], str) else r["proposal"])
            for r in found
            if r["n"] is not None
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
