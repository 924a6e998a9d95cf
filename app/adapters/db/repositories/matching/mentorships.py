"""Mentorships as matching forms them and every page reads them: stored in one statement,
read by id, by page, or only who is in each pair."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_programs as tp
from app.adapters.db.repositories import program_rows as rows
from app.adapters.db.repositories.matching.statements import MatchingStatements
from app.adapters.db.sql import Statement, compile_statement
from app.services.programs.records import Mentorship, PairParties

_sql = rows.sql
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
_GET_MENTORSHIPS = compile_statement(
    _MENTORSHIP_SELECT.where(_M.id == sa.func.any(sa.bindparam("ids"))).order_by(_M.id)
)
# Batch authorization needs only who is in each pair, not the two JSON documents a row holds.
_GET_PARTIES = compile_statement(
    sa.select(_M.id, _M.mentee_id, _M.mentor_id).where(
        _M.organization_id == sa.bindparam("org"), _M.id == sa.func.any(sa.bindparam("ids"))
    )
)


def _mentorship_page(
    *, documents: bool, backward: bool = False, one_more: bool = False
) -> Statement:
    """One statement for a page: the rows themselves, not ids then rows. `backward`: the rows
    before `:after` (a Relay `before`), nearest first. `one_more`: the last row, read only to
    learn that another page follows, comes without its documents (a fifth of a page's bytes,
    that PostgreSQL would turn into text and send for nothing)."""
    seek = "id < :after" if backward else "id > :after"
    order = _M.id.desc() if backward else _M.id
    carried: bool | sa.ColumnElement[bool] = documents
    if documents and one_more:
        carried = sa.func.row_number().over(order_by=order) < sa.bindparam("limit")
    return compile_statement(
        sa.select(*rows.mentorship_columns(tp.mentorships, documents=carried))
        .where(
            _M.organization_id == sa.bindparam("org"),
            sa.text(
                "(CAST(:cohort_id AS uuid) IS NULL OR cohort_id = :cohort_id) "
                "AND (CAST(:everyone AS boolean) OR mentee_id = ANY(:people) "
                "OR mentor_id = ANY(:people)) "
                f"AND (CAST(:after AS uuid) IS NULL OR {seek})"
            ),
        )
        .order_by(order)
        .limit(sa.bindparam("limit"))
    )


_LIST_MENTORSHIPS = {
    (documents, backward, one_more): _mentorship_page(
        documents=documents, backward=backward, one_more=one_more
    )
    for documents in (True, False)
    for backward in (False, True)
    for one_more in (False, True)
}
_SET_EXPLANATION = _sql(
    "UPDATE mentorships SET explanation = :explanation WHERE organization_id = :org AND id = :id"
)


def hold_mentorship(organization_id: str, mentorship_id: UUID, shared: bool) -> str:
    """The statement that locks a mentorship's row, its values inlined, to run in one simple
    query with BEGIN (`SqlUnitOfWork.holding_pair`); a missing row locks nothing, and the
    read that follows finds nothing either."""
    return _hold(organization_id, f"'{UUID(str(mentorship_id))}'", "SHARE" if shared else "UPDATE")


def hold_mentorship_of_meeting(organization_id: str, meeting_id: UUID) -> str:
    """As `hold_mentorship`, for itself, the row of the mentorship a meeting is of: a use case
    given only the meeting's id holds its pair from BEGIN, as one given the pair's does. A
    meeting never changes pairs, so the pair found before the lock is the one to hold."""
    tenant, meeting = _tenant(organization_id), f"'{UUID(str(meeting_id))}'"
    of_meeting = f"(SELECT mentorship_id FROM meetings WHERE {tenant}id = {meeting})"  # noqa: S608
    return _hold(organization_id, of_meeting, "UPDATE")


def _tenant(organization_id: str) -> str:
    return f"organization_id = '{UUID(organization_id)}' AND " if organization_id else ""


def _hold(organization_id: str, mentorship_id: str, mode: str) -> str:
    # Only UUIDs (parsed again here) and a fixed word are inlined: a simple query takes no
    # parameters.
    tenant = _tenant(organization_id)
    return f"SELECT 1 FROM mentorships WHERE {tenant}id = {mentorship_id} FOR {mode}"  # noqa: S608


class SqlMentorshipRecords(MatchingStatements):
    """The mentorships of one organisation."""

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

    async def get_mentorship(self, mentorship_id: UUID, *, lock: bool = False) -> Mentorship | None:
        """The mentorship; with `lock`, its row held until the transaction ends (one statement,
        where locking and then reading took two). A shared lock is taken with BEGIN instead
        (`hold_mentorship`)."""
        statement = _LOCK_MENTORSHIP if lock else _GET_MENTORSHIP
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
        one_more: bool = False,
    ) -> list[Mentorship]:
        """A keyset page; without `documents`, their policies and explanations are not read.
        `backward`: the page before `after`, in id order too. `one_more`: the `limit`-th row
        (the farthest from `after`) only says that more follow: its documents are not read."""
        found = await self._rows(
            _LIST_MENTORSHIPS[documents, backward, one_more],
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

    async def set_explanation(self, mentorship_id: UUID, explanation: dict[str, Any]) -> None:
        """Record more about how the pair formed (a referral's confirmation)."""
        await self._execute(_SET_EXPLANATION, id=mentorship_id, explanation=explanation)
        self._known_pairs.pop(mentorship_id, None)
