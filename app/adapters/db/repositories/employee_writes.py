"""How an import writes the directory: a few rows as arrays in one statement, a large batch
staged in a temporary table (as the JSON of its pieces, or by COPY) and merged from there.
Each written row can be announced in the same statement (transactional outbox), built in
SQL: a 100,000-row import writes its events without a round trip or a Python loop per event."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db import json_codec
from app.adapters.db.sql import Statement, compile_statement
from app.domain.events import check_event

# (name, SQL type) of each imported field, in one place for the writes below.
_IMPORTED = (
    ("employee_number", "text"),
    ("given_name", "text"),
    ("family_name", "text"),
    ("email", "text"),
    ("job_title", "text"),
    ("level", "int"),
    ("department", "text"),
    ("unit", "text"),
    ("manager_employee_number", "text"),
    ("hire_date", "date"),
    ("employment_status", "text"),
    ("in_good_standing", "boolean"),
    ("attributes", "jsonb"),
)
_WRITTEN = (("id", "uuid"), *_IMPORTED, ("manager_id", "uuid"))
COLUMNS = tuple(n for n, _ in _WRITTEN)
_NAMES = ", ".join(COLUMNS)
_ARRAYS = ", ".join(
    f"CAST(CAST(:{n} AS text[]) AS jsonb[])" if typ == "jsonb" else f"CAST(:{n} AS {typ}[])"
    for n, typ in _WRITTEN
)
# The rows of a statement: arrays sent with it, or the staged table (its JSON as text).
_UNNEST = f"unnest({_ARRAYS}) AS r({_NAMES})"
_STAGED_NAMES = _NAMES.replace("attributes", "CAST(attributes AS jsonb) AS attributes")
_STAGED = f"(SELECT {_STAGED_NAMES} FROM employee_import) AS r"  # noqa: S608 (our names only)
_STAGE = (
    "DROP TABLE IF EXISTS pg_temp.employee_import; CREATE TEMPORARY TABLE employee_import ("
    + ", ".join(f"{n} {'text' if typ == 'jsonb' else typ}" for n, typ in _WRITTEN)
    + ") ON COMMIT DROP"
)
_DATA = [n for n, _ in _IMPORTED[1:]]
_SET = ", ".join(f"{n} = r.{n}" for n in (*_DATA, "manager_id"))
_OLD = ", ".join(f"e.{n}" for n in _DATA)
_NEW = ", ".join(f"r.{n}" for n in _DATA)
_EVENT = """INSERT INTO outbox_events (organization_id, event_id, event_type, payload)
  SELECT CAST(:org AS uuid), gen_random_uuid(), CAST(:event_type AS text),
         jsonb_build_object('employee_id', id, 'employee_number', employee_number,
                            'employment_status', employment_status)"""
# The keys _EVENT builds, held against the event catalogue's facts of the type announced.
_EVENT_KEYS = dict.fromkeys(("employee_id", "employee_number", "employment_status"))


def _insert(source: str, *, announced: bool) -> Statement:
    """New employees: ids and manager links were settled before, so one plain INSERT writes
    each row once (no conflict handling needed: imports of an organisation hold its lock).
    Rows go in key order: the unique index is then filled left to right."""
    insert = f"""INSERT INTO employees (organization_id, {_NAMES})
  SELECT CAST(:org AS uuid), {_NAMES} FROM {source} ORDER BY employee_number"""  # noqa: S608
    if announced:
        insert = f"WITH written AS ({insert} RETURNING id, employee_number, employment_status) "
        insert += f"{_EVENT} FROM written"
    return compile_statement(sa.text(insert))


def _update(source: str) -> Statement:
    """Known employees: touched only where HR's data differs, which is how `unchanged` is
    counted; the answer is the ids of those that changed."""
    return compile_statement(
        sa.text(f"""
WITH changed AS (
  UPDATE employees e SET {_SET}, updated_at = now()
  FROM {source}
  WHERE e.organization_id = :org AND e.id = r.id AND ({_OLD}) IS DISTINCT FROM ({_NEW})
  RETURNING e.id, e.employee_number, e.employment_status
), announced AS (
  {_EVENT} FROM changed WHERE CAST(:event_type AS text) IS NOT NULL
) SELECT coalesce(array_agg(id), CAST('{{}}' AS uuid[])) FROM changed
""")  # noqa: S608 (only our own column names are interpolated)
    )


_INSERTS = {
    (staged, announced): _insert(_STAGED if staged else _UNNEST, announced=announced)
    for staged in (False, True)
    for announced in (False, True)
}
_UPDATES = {False: _update(_UNNEST), True: _update(_STAGED)}

# A batch staged as it arrives (`stage`): new and known employees side by side. Each piece
# goes as the JSON text of its checked rows, one argument of one statement: PostgreSQL reads
# it (`json_to_recordset`), fills in the defaults of omitted fields, gives a new employee an
# id and finds a known one's and a stored manager's, so no row becomes a Python record.
# A manager not yet stored is found among the staged rows by number when the batch is
# merged, since the batch may name a manager before listing them.
_BATCH_TYPES = {**dict(_WRITTEN), "is_new": "boolean"}
_BATCH_STAGE = (
    "DROP TABLE IF EXISTS pg_temp.employee_import; CREATE TEMPORARY TABLE employee_import ("
    + ", ".join(f"{n} {typ}" for n, typ in _BATCH_TYPES.items())
    + ") ON COMMIT DROP"
)
_OMITTED = {"employment_status": "'active'", "in_good_standing": "true", "attributes": "'{}'"}
_PIECE_FIELDS = ", ".join(
    f"coalesce(r.{n}, {_OMITTED[n]})" if n in _OMITTED else f"r.{n}" for n, _ in _IMPORTED
)
_PIECE_COLUMNS = ", ".join(f"{n} {typ}" for n, typ in _IMPORTED)
# A new employee's id is the piece's first id plus the row's place in it, made from the id's
# two halves: a random id per row (gen_random_uuid) cost the database more than reading the row.
_PIECE = compile_statement(
    sa.text(f"""
INSERT INTO pg_temp.employee_import (id, is_new, manager_id, {", ".join(n for n, _ in _IMPORTED)})
SELECT coalesce(e.id, CAST(encode(
         CAST(:high AS bytea) || int8send(CAST(:low AS bigint) + r.n - 1), 'hex') AS uuid)),
       e.id IS NULL, m.id, {_PIECE_FIELDS}
FROM ROWS FROM (json_to_recordset(CAST(CAST(:rows AS text) AS json)) AS ({_PIECE_COLUMNS}))
  WITH ORDINALITY AS r({", ".join(n for n, _ in _IMPORTED)}, n)
LEFT JOIN employees e
  ON e.organization_id = CAST(:org AS uuid) AND e.employee_number = r.employee_number
LEFT JOIN employees m
  ON m.organization_id = CAST(:org AS uuid) AND m.employee_number = r.manager_employee_number
""")  # noqa: S608 (only our own column names are interpolated)
)
_LINKED_NAMES = ", ".join(
    "coalesce(s.manager_id, m.id) AS manager_id" if n == "manager_id" else f"s.{n}" for n in COLUMNS
)


def _batch_source(new: bool) -> str:
    return (
        f"(SELECT {_LINKED_NAMES} FROM employee_import s "  # noqa: S608 (our names only)
        "LEFT JOIN employee_import m ON m.employee_number = s.manager_employee_number "
        f"WHERE {'' if new else 'NOT '}s.is_new) AS r"
    )


_BATCH_INSERTS = {a: _insert(_batch_source(True), announced=a) for a in (False, True)}
_BATCH_UPDATE = _update(_batch_source(False))
_DROP_STAGED = "DELETE FROM pg_temp.employee_import WHERE employee_number = ANY($1::text[])"
# The merge sorts the batch by number (see _insert): in memory rather than on disk. The
# temporary table has no statistics, so the planner guesses millions of rows and would compile
# the merge with JIT, which costs more than a statement that reads each row once saves by it.
_MERGE_SETTINGS = "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off"


async def stage(
    connection: asyncpg.Connection,
    org: UUID | None,
    rows: Sequence[Mapping[str, Any]],
    *,
    first_id: UUID,
    first: bool,
) -> None:
    """Stage a piece of a large batch in `employee_import` (created by the first piece, gone
    at commit). The rows are checked ones, omitted optional fields left out or filled in; a
    new employee's id is `first_id` counted on by the row's place in the piece. The rows'
    JSON is written in a worker thread: one C call, short for a piece."""
    if first:
        await connection.execute(_BATCH_STAGE)
    text = await asyncio.to_thread(json_codec.dumps, rows)
    high, low = first_id.bytes[:8], int.from_bytes(first_id.bytes[8:], "big", signed=True)
    values = {"org": org, "rows": text, "high": high, "low": low}
    await connection.execute(_PIECE.sql, *_PIECE.args(values))


async def drop_staged(connection: asyncpg.Connection, numbers: Sequence[str]) -> None:
    """Take refused rows out of the staged batch, by employee_number."""
    if numbers:
        await connection.execute(_DROP_STAGED, list(numbers))


async def merge_staged(
    connection: asyncpg.Connection,
    org: UUID | None,
    *,
    created: str | None,
    updated: str | None,
) -> list[UUID]:
    """Write the staged batch: new employees inserted (each announced as `created`, if
    given), known ones updated where their data differs (announced as `updated`); the ids
    of the known ones that changed."""
    for announced in (created, updated):
        if announced:
            check_event(announced, _EVENT_KEYS)
    await connection.execute(_MERGE_SETTINGS)
    insert = _BATCH_INSERTS[created is not None]
    await connection.execute(insert.sql, *insert.args({"org": org, "event_type": created}))
    values = {"org": org, "event_type": updated}
    changed: list[UUID] = await connection.fetchval(_BATCH_UPDATE.sql, *_BATCH_UPDATE.args(values))
    return changed


# Up to this many rows go as arrays in one statement: asyncpg encodes a statement's
# arguments (and a COPY's records) in one go on the event loop, so each is kept short.
# Above it a batch is staged: a temporary table costs a few catalog writes, paid back many
# times over by COPY and one merge.
STAGE_ABOVE = 1_000
COPY_CHUNK = 2_000


async def insert(
    connection: asyncpg.Connection,
    org: UUID | None,
    rows: Sequence[Mapping[str, Any]],
    *,
    event_type: str | None,
) -> bool:
    """Write new employees, announcing each as `event_type` (if any); True for a bulk write."""
    if event_type:
        check_event(event_type, _EVENT_KEYS)
    if not rows:
        return False
    staged = await _staged(connection, rows)
    statement = _INSERTS[staged, event_type is not None]
    values = {**_values(org, rows, staged), "event_type": event_type}
    await connection.execute(statement.sql, *statement.args(values))
    return staged


async def update(
    connection: asyncpg.Connection,
    org: UUID | None,
    rows: Sequence[Mapping[str, Any]],
    *,
    event_type: str | None,
) -> list[UUID]:
    """Write the rows whose data differs and announce each; the ids of those that changed."""
    if event_type:
        check_event(event_type, _EVENT_KEYS)
    if not rows:
        return []
    staged = await _staged(connection, rows)
    statement = _UPDATES[staged]
    values = {**_values(org, rows, staged), "event_type": event_type}
    changed: list[UUID] = await connection.fetchval(statement.sql, *statement.args(values))
    return changed


async def _staged(connection: asyncpg.Connection, rows: Sequence[Mapping[str, Any]]) -> bool:
    """COPY a large batch into `employee_import` (gone at commit); False when it is small."""
    if len(rows) <= STAGE_ABOVE:
        return False
    await connection.execute(_STAGE)
    await _copy_staged(connection, rows, _record, COLUMNS)
    return True


async def _copy_staged(
    connection: asyncpg.Connection,
    rows: Sequence[Mapping[str, Any]],
    build: Callable[[Mapping[str, Any]], tuple[Any, ...]],
    columns: Sequence[str],
) -> None:
    """COPY rows into `employee_import` in chunks. Their records are built in a worker thread:
    thousands of rows (each with its attributes written as JSON) would otherwise hold the
    event loop, and every tenant's request with it."""
    records = await asyncio.to_thread(lambda: [build(row) for row in rows])
    for start in range(0, len(records), COPY_CHUNK):
        await connection.copy_records_to_table(
            "employee_import",
            records=records[start : start + COPY_CHUNK],
            columns=columns,
            schema_name="pg_temp",
        )


def _record(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return (
        *(row[n] for n in COLUMNS[:-4]),
        str(row["employment_status"]),
        row["in_good_standing"],
        json_codec.dumps(row["attributes"]),
        row["manager_id"],
    )


def _values(org: UUID | None, rows: Sequence[Mapping[str, Any]], staged: bool) -> dict[str, Any]:
    """A statement's values: the organisation, and the rows as arrays unless staged."""
    return {"org": org} if staged else {"org": org, **_columns(rows)}


def _columns(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Rows to one array per column, the shape `unnest` takes in a single round trip."""
    columns: dict[str, Any] = {n: [r[n] for r in rows] for n in COLUMNS}
    columns["attributes"] = [json_codec.dumps(a) for a in columns["attributes"]]
    columns["employment_status"] = [str(v) for v in columns["employment_status"]]
    return columns
