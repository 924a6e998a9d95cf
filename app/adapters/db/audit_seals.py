"""The sealer: links audit records, after their commit, into each organisation's chain of
seals (see `audit_chain`). Run by the background loop as the schema owner: the application
role may queue records (`audit_unsealed`) but never take them off or write a seal.

Seals are made in the order records become visible (committed), a batch at a time: only
this job waits on an organisation's chain head, never a request.

A batch takes four round trips however many organisations it spans: the transaction opened
with the admin setting; the queue taken with the records' MACs, each organisation's chain
held and its head read; every seal written; the commit. A seal's hash is keyed from
SECRET_KEY, which the database never holds, so it is made here, between the read and the
write: they cannot be one statement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from uuid import UUID

import asyncpg

from app.adapters.db.audit_chain import seal_hash

BATCH = 1000
_ADMIN = "SELECT set_config('app.is_admin', 'on', true)"
# Taken off the queue as they are sealed; another sealer skips what this one holds. Two
# sealers of one organisation would fork its chain: they take turns at its head, each taking
# its organisations in one order (no deadlock). A head read here predates the wait for its
# turn (a statement sees what was committed when it began): the seals' write checks it.
# The batch is picked once, in its own CTE: as `DELETE ... WHERE (...) IN (SELECT ... LIMIT
# ... SKIP LOCKED)` the planner may rescan the subquery for each row, and each rescan skips
# the rows this statement already deleted and takes the next ones, emptying the queue.
_TAKE = """WITH picked AS MATERIALIZED (
  SELECT organization_id, event_id FROM audit_unsealed
  ORDER BY organization_id, event_id LIMIT $1 FOR UPDATE SKIP LOCKED),
taken AS (
  DELETE FROM audit_unsealed u USING picked p
  WHERE u.organization_id = p.organization_id AND u.event_id = p.event_id
  RETURNING u.organization_id, u.event_id),
held AS MATERIALIZED (
  SELECT organization_id,
    pg_advisory_xact_lock(hashtextextended('audit_seal:' || organization_id::text, 0))::text
  FROM (SELECT DISTINCT organization_id FROM taken ORDER BY organization_id) AS o),
heads AS (
  SELECT h.organization_id, (SELECT chain_hash FROM audit_seals s
    WHERE s.organization_id = h.organization_id ORDER BY s.id DESC LIMIT 1) AS head
  FROM held h)
SELECT t.organization_id, t.event_id AS id, e.record_mac, h.head FROM taken t
JOIN heads h ON h.organization_id = t.organization_id
LEFT JOIN audit_events e ON e.organization_id = t.organization_id AND e.id = t.event_id
ORDER BY t.organization_id, t.event_id"""
# Every seal of the batch; one whose head is no longer the organisation's latest (another
# sealer's seal committed while this one waited its turn) is not written, and is not answered.
_SEAL = """WITH seal AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY
    AS s(organization_id, previous, chain_hash, n)),
listed AS (
  SELECT * FROM unnest($4::bigint[], $5::bigint[], $6::text[]) WITH ORDINALITY
    AS l(seal, event_id, record_mac, k))
INSERT INTO audit_seals (organization_id, event_ids, record_macs, chain_hash)
SELECT s.organization_id, array_agg(l.event_id ORDER BY l.k),
  array_agg(l.record_mac ORDER BY l.k), s.chain_hash
FROM seal s JOIN listed l ON l.seal = s.n
WHERE s.previous IS NOT DISTINCT FROM (SELECT chain_hash FROM audit_seals a
  WHERE a.organization_id = s.organization_id ORDER BY a.id DESC LIMIT 1)
GROUP BY s.n, s.organization_id, s.chain_hash ORDER BY s.n
RETURNING organization_id"""
_HEADS = """SELECT o.id, (SELECT chain_hash FROM audit_seals s WHERE s.organization_id = o.id
  ORDER BY s.id DESC LIMIT 1) AS head FROM unnest($1::uuid[]) AS o(id)"""


@dataclass
class _Seal:
    """One organisation's records in this batch, and the head its seal follows."""

    head: str | None
    ids: list[int] = field(default_factory=list)
    macs: list[str] = field(default_factory=list)


async def seal_pending(connection: asyncpg.Connection, key: bytes, batch: int = BATCH) -> int:
    """Seal up to `batch` queued records, in one transaction; answers how many."""
    async with _as_admin(connection):
        taken = await connection.fetch(_TAKE, batch)
        seals: dict[UUID, _Seal] = {}
        for row in taken:  # a queued record already gone (the owner removed it) has nothing to seal
            seal = seals.setdefault(row["organization_id"], _Seal(row["head"]))
            if row["record_mac"] is not None:
                seal.ids.append(row["id"])
                seal.macs.append(row["record_mac"])
        await _write(connection, key, {o: s for o, s in seals.items() if s.ids})
    return len(taken)


async def _write(connection: asyncpg.Connection, key: bytes, seals: dict[UUID, _Seal]) -> None:
    """Write the seals; those whose head moved while their turn was awaited are made again on
    the head as it now is (this sealer holds each chain, so it moves no more)."""
    for _ in range(2):
        if not seals:
            return
        written = await connection.fetch(_SEAL, *_arguments(key, seals))
        seals = {o: s for o, s in seals.items() if o not in {r[0] for r in written}}
        if seals:
            for row in await connection.fetch(_HEADS, list(seals)):
                seals[row["id"]].head = row["head"]
    if seals:
        raise RuntimeError(f"audit seal heads moved while held: {sorted(seals)}")


def _arguments(key: bytes, seals: dict[UUID, _Seal]) -> list[list[object]]:
    organizations = sorted(seals)
    listed: dict[str, list[object]] = defaultdict(list)
    for n, organization in enumerate(organizations, start=1):
        seal = seals[organization]
        listed["seal"] += [n] * len(seal.ids)
        listed["ids"] += seal.ids
        listed["macs"] += seal.macs
    return [
        list(organizations),
        [seals[o].head for o in organizations],
        [seal_hash(key, seals[o].head, o, seals[o].ids, seals[o].macs) for o in organizations],
        listed["seal"],
        listed["ids"],
        listed["macs"],
    ]


@asynccontextmanager
async def _as_admin(connection: asyncpg.Connection) -> AsyncIterator[None]:
    """A transaction across tenants, opened with its setting in one round trip (a savepoint
    in a transaction the caller holds already)."""
    if connection.is_in_transaction():
        async with connection.transaction():
            await connection.execute(_ADMIN)
            yield
        return
    await connection.execute(f"BEGIN; {_ADMIN}")
    try:
        yield
    except BaseException:
        await connection.execute("ROLLBACK")
        raise
    await connection.execute("COMMIT")
