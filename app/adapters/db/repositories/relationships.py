"""Repository of running a mentorship. Every statement is scoped to one organisation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar
from uuid import UUID

import asyncpg
import sqlalchemy as sa
import sqlalchemy.dialects.postgresql

from app.adapters.db import tables_relationships as tr
from app.adapters.db.repositories.conclusion_records import SqlConclusionRecords
from app.adapters.db.sql import Statement, compile_statement
from app.services.relationships.records import (
    Agreement,
    DisclosureRecord,
    Evaluation,
    Goal,
    JournalEntry,
    Meeting,
    Progress,
    Signature,
)

_P = sa.bindparam
T = TypeVar("T")
_JSON_FIELDS = {
    "terms",
    "entry",
    "scores",
    "answers",
    "smart",
    "checkpoint_answers",
    "rematch_proposal",
    "outcomes",
    "recipients",
    "comments",
}
_TUPLE_FIELDS = {
    "topics",
    "comments",
    "confirmed_by",
    "agreement_signed_by",
    "evaluations_done",
    "evaluations_by",
    "checkpoint_answers",
    "recipients",
    "parts",
    "meeting_ids",
}


def _sql(text: str) -> Statement:
    return compile_statement(sa.text(text))


def _fields(record: type, skip: tuple[str, ...] = ()) -> list[str]:
    return [n for n in record.__slots__ if n not in skip]  # type: ignore[attr-defined]


def _insert(table: sa.Table, record: type, skip: tuple[str, ...] = ()) -> Statement:
    names = _fields(record, (*skip, "created_at"))
    return compile_statement(
        table.insert()
        .values(organization_id=_P("org"), **{n: _P(n) for n in names})
        .returning(*(table.c[n] for n in _fields(record, skip)))
    )


def _select(
    table: sa.Table, record: type, key: str, order: str, skip: tuple[str, ...] = ()
) -> Statement:
    return compile_statement(
        sa.select(*(table.c[n] for n in _fields(record, skip)))
        .where(table.c.organization_id == _P("org"), table.c[key] == sa.func.any(_P("value")))
        .order_by(table.c[order], table.c[_fields(record)[0]])
    )


def _record(record: type[T], row: asyncpg.Record, **extra: Any) -> T:
    values = {**dict(row), **extra}
    for name in _TUPLE_FIELDS & values.keys():
        values[name] = tuple(values[name] or ())
    return record(**values)


def _values(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    values = {n: getattr(record, n) for n in _fields(type(record), (*skip, "created_at"))}
    for name in _JSON_FIELDS & values.keys():
        value = values[name]
        if value is not None:
            values[name] = [dict(v) for v in value] if isinstance(value, tuple) else dict(value)
    for name in (_TUPLE_FIELDS - _JSON_FIELDS) & values.keys():
        values[name] = list(values[name])
    return values


_SET_STATE = _sql(
    "UPDATE mentorships SET state = :state WHERE organization_id = :org AND id = :id "
    "AND state = :expected RETURNING id"
)
_PROGRESS_COLUMNS = _fields(Progress)
_PROGRESS = _select(tr.mentorship_progress, Progress, "mentorship_id", "mentorship_id")
_SAVE_PROGRESS = compile_statement(
    sa.dialects.postgresql.insert(tr.mentorship_progress)
    .values(organization_id=_P("org"), **{n: _P(n) for n in _PROGRESS_COLUMNS})
    .on_conflict_do_update(
        index_elements=["organization_id", "mentorship_id"],
        set_={
            **{n: sa.literal_column(f"EXCLUDED.{n}") for n in _PROGRESS_COLUMNS[2:]},
            "version": tr.mentorship_progress.c.version + sa.literal_column("1"),
            "updated_at": sa.func.now(),
        },
        where=tr.mentorship_progress.c.version == _P("expected_version"),
    )
    .returning(tr.mentorship_progress.c.version)
)
_AGREEMENT = _sql(
    "SELECT mentorship_id, version, terms, written_by, created_at FROM agreements "
    "WHERE organization_id = :org AND mentorship_id = :id ORDER BY version DESC LIMIT 1"
)
_SIGNATURES = _sql(
    "SELECT party, signed_by, signed_at FROM agreement_signatures WHERE organization_id = :org "
    "AND mentorship_id = :id AND version = :version ORDER BY signed_at"
)
# The meeting frequency each pair's current agreement states (Charlotte agrees its cadence).
_AGREED_FREQUENCIES = _sql(
    "SELECT DISTINCT ON (mentorship_id) mentorship_id, terms ->> 'frequency' AS frequency "
    "FROM agreements WHERE organization_id = :org AND mentorship_id = ANY(CAST(:ids AS uuid[])) "
    "ORDER BY mentorship_id, version DESC"
)
_AGREEMENT_VERSIONS = _sql(
    "SELECT mentorship_id, version, terms, written_by, created_at FROM agreements "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) ORDER BY mentorship_id, version"
)
_VERSION_SIGNATURES = _sql(
    "SELECT mentorship_id, version, party, signed_by, signed_at FROM agreement_signatures "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) ORDER BY signed_at"
)
_INSERT_AGREEMENT = _insert(tr.agreements, Agreement, skip=("signatures",))
_INSERT_SIGNATURE = _sql(
    "INSERT INTO agreement_signatures (organization_id, mentorship_id, version, party, "
    "signed_by, signed_at) VALUES (:org, :id, :version, :party, :signed_by, :signed_at) "
    "ON CONFLICT DO NOTHING RETURNING party"
)
_INSERT_MEETING = _insert(tr.meetings, Meeting)
_MEETINGS = _select(tr.meetings, Meeting, "mentorship_id", "held_on")
_INSERT_ENTRY = _insert(tr.journal_entries, JournalEntry)
_JOURNAL = compile_statement(
    sa.select(*(tr.journal_entries.c[n] for n in _fields(JournalEntry)))
    .where(
        tr.journal_entries.c.organization_id == _P("org"),
        tr.journal_entries.c.mentorship_id == _P("id"),
        tr.journal_entries.c.author_id == _P("author"),
    )
    .order_by(tr.journal_entries.c.entry_on, tr.journal_entries.c.id)
)
_INSERT_GOAL = _insert(tr.goals, Goal)
_SAVE_GOAL = _sql(
    "UPDATE goals SET text = :text, progress = :progress, outcome = :outcome, "
    "comments = :comments WHERE organization_id = :org AND id = :id "
    "RETURNING id, mentorship_id, kind, parent_id, text, progress, outcome, comments, smart, "
    "created_at"
)
_GOALS = _select(tr.goals, Goal, "mentorship_id", "created_at")
_GOAL = _select(tr.goals, Goal, "id", "created_at")
_GOAL_LOCKED = compile_statement(
    sa.select(*(tr.goals.c[n] for n in _fields(Goal)))
    .where(tr.goals.c.organization_id == _P("org"), tr.goals.c.id == _P("value"))
    .with_for_update()
)
_INSERT_EVALUATION = _insert(tr.evaluations, Evaluation)
_EVALUATIONS = _select(tr.evaluations, Evaluation, "mentorship_id", "submitted_on")
_INSERT_DISCLOSURE = _insert(tr.disclosures, DisclosureRecord)
_DISCLOSURES = _select(tr.disclosures, DisclosureRecord, "mentorship_id", "occurred_at")
_DISCLOSURES_ABOUT = _select(tr.disclosures, DisclosureRecord, "about_id", "occurred_at")
_DISCLOSURE = _select(tr.disclosures, DisclosureRecord, "id", "occurred_at")
_SAVE_PROTEGE_ACT = compile_statement(
    tr.disclosures.update()
    .where(tr.disclosures.c.organization_id == _P("org"), tr.disclosures.c.id == _P("id"))
    .values(
        consent=_P("consent"),
        protege_consent=_P("protege_consent"),
        acknowledged_at=_P("acknowledged_at"),
    )
    .returning(*(tr.disclosures.c[n] for n in _fields(DisclosureRecord)))
)
_MEETING = _select(tr.meetings, Meeting, "id", "held_on")
_CANCEL_MEETING = compile_statement(
    tr.meetings.update()
    .where(
        tr.meetings.c.organization_id == _P("org"),
        tr.meetings.c.id == _P("id"),
        tr.meetings.c.cancelled.is_(False),
    )
    .values(cancelled=sa.true(), cancelled_at=_P("cancelled_at"), cancelled_by=_P("cancelled_by"))
    .returning(*(tr.meetings.c[n] for n in _fields(Meeting)))
)
_SET_TERM = _sql(
    "UPDATE mentorships SET ends_on = :ends_on WHERE organization_id = :org AND id = :id "
    "RETURNING id"
)


class SqlRelationshipRepository(SqlConclusionRecords):
    """A mentorship's progress and records, for one organisation."""

    async def set_state(self, mentorship_id: UUID, expected: str, state: str) -> bool:
        found = await self._row(_SET_STATE, id=mentorship_id, expected=expected, state=state)
        return found is not None

    async def progress(self, mentorship_id: UUID) -> Progress | None:
        return (await self.progress_of([mentorship_id])).get(mentorship_id)

    async def progress_of(self, mentorship_ids: Sequence[UUID]) -> dict[UUID, Progress]:
        found = await self._rows(_PROGRESS, value=list(mentorship_ids))
        return {r["mentorship_id"]: _record(Progress, r) for r in found}

    async def save_progress(self, progress: Progress) -> bool:
        """Store the progress if nobody saved since it was read (same `version`)."""
        values = _values(progress)
        saved = await self._row(_SAVE_PROGRESS, expected_version=progress.version, **values)
        return saved is not None

    async def agreement(self, mentorship_id: UUID) -> Agreement | None:
        row = await self._row(_AGREEMENT, id=mentorship_id)
        if row is None:
            return None
        signed = await self._rows(_SIGNATURES, id=mentorship_id, version=row["version"])
        return _record(Agreement, row, signatures=tuple(Signature(**dict(s)) for s in signed))

    async def agreed_frequencies(self, mentorship_ids: Sequence[UUID]) -> dict[UUID, str]:
        found = await self._rows(_AGREED_FREQUENCIES, ids=list(mentorship_ids))
        return {r["mentorship_id"]: r["frequency"] for r in found if r["frequency"]}

    async def agreement_versions(self, mentorship_ids: Sequence[UUID]) -> list[Agreement]:
        """Every version of the mentorships' agreements with who signed each (two statements)."""
        ids = list(mentorship_ids)
        rows = await self._rows(_AGREEMENT_VERSIONS, ids=ids)
        signed: dict[tuple[UUID, int], list[Signature]] = {}
        for s in await self._rows(_VERSION_SIGNATURES, ids=ids):
            signed.setdefault((s["mentorship_id"], s["version"]), []).append(
                Signature(s["party"], s["signed_by"], s["signed_at"])
            )
        return [
            _record(
                Agreement, r, signatures=tuple(signed.get((r["mentorship_id"], r["version"]), ()))
            )
            for r in rows
        ]

    async def add_agreement(self, agreement: Agreement) -> Agreement:
        row = await self._row(_INSERT_AGREEMENT, **_values(agreement, ("signatures",)))
        return _record(Agreement, row)

    async def add_signature(self, mentorship_id: UUID, version: int, signature: Signature) -> bool:
        row = await self._row(
            _INSERT_SIGNATURE,
            id=mentorship_id,
            version=version,
            party=signature.party,
            signed_by=signature.signed_by,
            signed_at=signature.signed_at,
        )
        return row is not None

    async def add_meeting(self, meeting: Meeting) -> Meeting:
        return _record(Meeting, await self._row(_INSERT_MEETING, **_values(meeting)))

    async def meetings(self, mentorship_ids: Sequence[UUID]) -> list[Meeting]:
        return [
            _record(Meeting, r) for r in await self._rows(_MEETINGS, value=list(mentorship_ids))
        ]

    async def add_journal_entry(self, entry: JournalEntry) -> JournalEntry:
        return _record(JournalEntry, await self._row(_INSERT_ENTRY, **_values(entry)))

    async def journal(self, mentorship_id: UUID, author_id: UUID) -> list[JournalEntry]:
        found = await self._rows(_JOURNAL, id=mentorship_id, author=author_id)
        return [_record(JournalEntry, r) for r in found]

    async def add_goal(self, goal: Goal) -> Goal:
        return _record(Goal, await self._row(_INSERT_GOAL, **_values(goal)))

    async def save_goal(self, goal: Goal) -> Goal:
        values = _values(goal)
        row = await self._row(_SAVE_GOAL, **values)
        return _record(Goal, row)

    async def goals(self, mentorship_id: UUID) -> list[Goal]:
        return [_record(Goal, r) for r in await self._rows(_GOALS, value=[mentorship_id])]

    async def goal(self, goal_id: UUID, *, lock: bool = False) -> Goal | None:
        """The goal; with `lock`, its row held until the transaction ends."""
        if lock:
            row = await self._row(_GOAL_LOCKED, value=goal_id)
            return _record(Goal, row) if row else None
        found = await self._rows(_GOAL, value=[goal_id])
        return _record(Goal, found[0]) if found else None

    async def add_evaluation(self, evaluation: Evaluation) -> Evaluation:
        return _record(Evaluation, await self._row(_INSERT_EVALUATION, **_values(evaluation)))

    async def evaluations(self, mentorship_ids: Sequence[UUID]) -> list[Evaluation]:
        found = await self._rows(_EVALUATIONS, value=list(mentorship_ids))
        return [_record(Evaluation, r) for r in found]

    async def add_disclosure(self, disclosure: DisclosureRecord) -> DisclosureRecord:
        row = await self._row(_INSERT_DISCLOSURE, **_values(disclosure))
        return _record(DisclosureRecord, row)

    async def disclosures(self, mentorship_id: UUID) -> list[DisclosureRecord]:
        return await self.disclosures_of([mentorship_id])

    async def disclosure(self, disclosure_id: UUID) -> DisclosureRecord | None:
        found = await self._rows(_DISCLOSURE, value=[disclosure_id])
        return _record(DisclosureRecord, found[0]) if found else None

    async def save_protege_act(self, record: DisclosureRecord) -> DisclosureRecord:
        """The protege's answer to a request or acknowledgement, on the stored disclosure."""
        row = await self._row(
            _SAVE_PROTEGE_ACT,
            id=record.id,
            consent=record.consent,
            protege_consent=record.protege_consent,
            acknowledged_at=record.acknowledged_at,
        )
        return _record(DisclosureRecord, row)

    async def disclosures_about(self, person_id: UUID) -> list[DisclosureRecord]:
        found = await self._rows(_DISCLOSURES_ABOUT, value=[person_id])
        return [_record(DisclosureRecord, r) for r in found]

    async def meeting(self, meeting_id: UUID) -> Meeting | None:
        found = await self._rows(_MEETING, value=[meeting_id])
        return _record(Meeting, found[0]) if found else None

    async def cancel_meeting(
        self, meeting_id: UUID, *, cancelled_at: datetime, cancelled_by: UUID
    ) -> Meeting | None:
        """Mark the meeting cancelled; None if it already was (the first cancellation stands)."""
        row = await self._row(
            _CANCEL_MEETING, id=meeting_id, cancelled_at=cancelled_at, cancelled_by=cancelled_by
        )
        return _record(Meeting, row) if row is not None else None

    async def set_term(self, mentorship_id: UUID, ends_on: date) -> None:
        """The pair's agreed term: a new end date (the rest of the timeline follows from it)."""
        await self._row(_SET_TERM, id=mentorship_id, ends_on=ends_on)

    # Batch reads for GraphQL DataLoaders: one statement for any number of mentorships.

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
        return [_record(Goal, r) for r in found]

    async def last_meetings(self, mentorship_ids: Sequence[UUID]) -> list[Meeting]:
        """Each mentorship's most recent meeting that was not cancelled."""
        found = await self._rows(_LAST_MEETINGS, value=list(mentorship_ids))
        return [_record(Meeting, r) for r in found]

    async def disclosures_of(self, mentorship_ids: Sequence[UUID]) -> list[DisclosureRecord]:
        found = await self._rows(_DISCLOSURES, value=list(mentorship_ids))
        return [_record(DisclosureRecord, r) for r in found]

    async def lock_people(self, employee_ids: Sequence[UUID]) -> None:
        """Hold these employees' rows until the transaction ends, in id order (no deadlock):
        bookings on one mentor's capacity queue behind each other instead of racing."""
        await self._rows(_LOCK_PEOPLE, value=sorted(set(employee_ids)))


_GOAL_COLUMNS = ", ".join(_fields(Goal))
# Keyset: goals after the cursor's (created_at, id), ranked within each mentorship.
_GOAL_PAGES = _sql(
    f"SELECT {_GOAL_COLUMNS} FROM (SELECT {_GOAL_COLUMNS}, row_number() OVER ("  # noqa: S608
    "PARTITION BY mentorship_id ORDER BY created_at, id) AS n FROM goals g "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) "
    "AND (CAST(:after AS uuid) IS NULL OR (created_at, id) > (SELECT a.created_at, a.id "
    "FROM goals a WHERE a.organization_id = :org AND a.id = :after))) ranked "
    "WHERE n <= :limit ORDER BY mentorship_id, n"
)
# The same read towards the start of each plan, answered in plan order.
_GOAL_PAGES_BACK = _sql(
    f"SELECT {_GOAL_COLUMNS} FROM (SELECT {_GOAL_COLUMNS}, row_number() OVER ("  # noqa: S608
    "PARTITION BY mentorship_id ORDER BY created_at DESC, id DESC) AS n FROM goals g "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) "
    "AND (CAST(:after AS uuid) IS NULL OR (created_at, id) < (SELECT a.created_at, a.id "
    "FROM goals a WHERE a.organization_id = :org AND a.id = :after))) ranked "
    "WHERE n <= :limit ORDER BY mentorship_id, n DESC"
)
# Each pair's latest meeting as its own top-1 read of the date index (a backward step or
# two), not a sort of every meeting the pairs ever had.
_LAST_MEETINGS = _sql(
    f"SELECT latest.* FROM unnest(CAST(:value AS uuid[])) AS wanted(id) "  # noqa: S608
    f"CROSS JOIN LATERAL (SELECT {', '.join(_fields(Meeting))} FROM meetings "
    "WHERE organization_id = :org AND mentorship_id = wanted.id AND NOT cancelled "
    "ORDER BY held_on DESC, created_at DESC, id DESC LIMIT 1) latest "
    "ORDER BY latest.mentorship_id"
)
_LOCK_PEOPLE = _sql(
    "SELECT id FROM employees WHERE organization_id = :org AND id = ANY(:value) "
    "ORDER BY id FOR NO KEY UPDATE"
)
