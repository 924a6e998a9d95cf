"""Rows of the programs area into records, and the statements shared by its repositories."""

from __future__ import annotations

from typing import Any

import asyncpg
import sqlalchemy as sa

from app.adapters.db import json_codec
from app.adapters.db.record_maker import maker
from app.adapters.db.sql import Statement, compile_statement
from app.adapters.db.stored_json import NotRead, StoredJson
from app.domain.eligibility.facts import ApplicantRole
from app.domain.lifecycle.states import MentorshipState
from app.domain.matching.run_state import RunState
from app.domain.policy.model import stored_policy
from app.services.programs.records import (
    Application,
    Cohort,
    CohortEvent,
    MatchingRun,
    MatchLock,
    Mentorship,
    Program,
)


def sql(text: str) -> Statement:
    """A statement compiled once at import; `:name` parameters become `$n`."""
    return compile_statement(sa.text(text))


def program(row: asyncpg.Record) -> Program:
    return Program(
        row["id"],
        row["name"],
        row["preset"],
        row["policy_version"],
        stored_policy(row["policy"]),
        row["created_at"],
    )


def cohort(row: asyncpg.Record) -> Cohort:
    return Cohort(**dict(row))


def event(row: asyncpg.Record) -> CohortEvent:
    values = dict(row)
    values["attendees"] = tuple(values["attendees"])
    values["excused"] = tuple(values["excused"])
    return CohortEvent(**values)


def application(row: asyncpg.Record) -> Application:
    values = dict(row)
    values["role"] = ApplicantRole(values["role"])
    values["overrides"] = tuple(values["overrides"])
    return Application(**values)


def lock(row: asyncpg.Record) -> MatchLock:
    return MatchLock(**dict(row))


def run(row: asyncpg.Record) -> MatchingRun:
    values = dict(row)
    values["state"] = RunState(values["state"])
    return MatchingRun(**values)


def mentorship(row: asyncpg.Record) -> Mentorship:
    # Positionally: `mentorship_columns` reads the record's fields in their order, and a list
    # page makes many of these (a dict and keywords would be built and read for each).
    values = list(row)
    values[_STATE_AT] = _STATES[values[_STATE_AT]]
    for at, name in _DOCUMENT_AT:  # read as text by `mentorship_columns`, or not at all
        text = values[at]
        values[at] = NotRead(name) if text is None else StoredJson(text, json_codec.loads)
    return _make_mentorship(*values)


_make_mentorship = maker(Mentorship)
# A dict lookup rather than a call of the enum, which a page makes for every row.
_STATES = {state.value: state for state in MentorshipState}
# A mentorship's JSON documents: read as text and decoded only when something looks inside.
MENTORSHIP_DOCUMENTS = ("policy", "explanation")
_DOCUMENT_AT = [(Mentorship.__slots__.index(name), name) for name in MENTORSHIP_DOCUMENTS]
_STATE_AT = Mentorship.__slots__.index("state")


def mentorship_columns(
    table: sa.Table, *, documents: bool | sa.ColumnElement[bool] = True
) -> list[sa.ColumnElement[Any]]:
    """The columns of a `Mentorship`, its documents as their JSON text (see `mentorship`), or
    as NULL without `documents`: 3 KB a row that PostgreSQL need not turn into text. Given a
    condition as `documents`, only the rows that meet it carry theirs."""
    return [
        _document(table.c[name], documents).label(name) if name in MENTORSHIP_DOCUMENTS else column
        for name, column in zip(Mentorship.__slots__, columns_of(table, Mentorship), strict=True)
    ]


def _document(
    column: sa.Column[Any], documents: bool | sa.ColumnElement[bool]
) -> sa.ColumnElement[Any]:
    if documents is True or documents is False:
        return sa.cast(column if documents else sa.null(), sa.Text)
    return sa.case((documents, sa.cast(column, sa.Text)))


def columns_of(table: sa.Table, record: type) -> list[sa.ColumnElement[Any]]:
    """The table's columns in the record's field order."""
    return [table.c[name] for name in record.__slots__]  # type: ignore[attr-defined]


def select_by(
    table: sa.Table,
    record: type,
    key: str,
    *,
    many: bool = False,
    order: tuple[str, ...] = (),
    lock: bool = False,
) -> Statement:
    """Rows of one organisation whose `key` equals `:value` (or is any of `:value`); with
    `lock`, held until the transaction ends."""
    value: sa.BindParameter[Any] = sa.bindparam("value")
    match = sa.func.any(value) if many else value
    select = (
        sa.select(*columns_of(table, record))
        .where(table.c.organization_id == sa.bindparam("org"), table.c[key] == match)
        .order_by(*(table.c[o] for o in order))
    )
    return compile_statement(select.with_for_update() if lock else select)


def insert(table: sa.Table, record: type, *, skip: tuple[str, ...] = ()) -> Statement:
    """Insert one record for the organisation, returning the stored row."""
    names = [n for n in record.__slots__ if n not in skip]  # type: ignore[attr-defined]
    return compile_statement(
        table.insert()
        .values(organization_id=sa.bindparam("org"), **{n: sa.bindparam(n) for n in names})
        .returning(*columns_of(table, record))
    )


def values_of(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: getattr(record, k) for k in record.__slots__ if k not in skip}
