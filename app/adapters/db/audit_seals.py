"""The sealer: links audit records, after their commit, into each organisation's chain of
seals (see `audit_chain`). Run by the background loop as the schema owner: the application
role may queue records (`audit_unsealed`) but never take them off or write a seal.

Seals are made in the order records become visible (committed), a batch at a time: only
this job waits on an organisation's chain head, never a request.
"""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

import asyncpg

from app.adapters.db.audit_chain import seal_hash

BATCH = 1000
# Taken off the queue as they are sealed; another sealer skips what this one holds.
_TAKE = """DELETE FROM audit_unsealed WHERE (organization_id, event_id) IN (
  SELECT organization_id, event_id FROM audit_unsealed
  ORDER BY organization_id, event_id LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING organization_id, event_id"""
_MACS = """SELECT e.organization_id, e.id, e.record_mac FROM audit_events e
JOIN unnest($1::uuid[], $2::bigint[]) AS t(organization_id, id)
  ON e.organization_id = t.organization_id AND e.id = t.id
WHERE e.record_mac IS NOT NULL ORDER BY e.organization_id, e.id"""
# Two sealers of one organisation would fork its chain: they take turns at its head.
_HEAD = """SELECT pg_advisory_xact_lock(hashtextextended('audit_seal:' || $1::uuid::text, 0)),
  (SELECT chain_hash FROM audit_seals WHERE organization_id = $1::uuid ORDER BY id DESC LIMIT 1)"""
_SEAL = """INSERT INTO audit_seals (organization_id, event_ids, record_macs, chain_hash)
VALUES ($1, $2, $3, $4)"""


async def seal_pending(connection: asyncpg.Connection, key: bytes, batch: int = BATCH) -> int:
    """Seal up to `batch` queued records, in one transaction; answers how many."""
    async with connection.transaction():
        await connection.execute("SELECT set_config('app.is_admin', 'on', true)")
        taken = await connection.fetch(_TAKE, batch)
        if not taken:
            return 0
        found = await connection.fetch(
            _MACS, [r["organization_id"] for r in taken], [r["event_id"] for r in taken]
        )
        records: dict[UUID, list[tuple[int, str]]] = defaultdict(list)
        for row in found:  # a queued record already gone (the owner removed it) has nothing to seal
            records[row["organization_id"]].append((row["id"], row["record_mac"]))
        for organization in sorted(records):
            ids = [i for i, _ in records[organization]]
            macs = [m for _, m in records[organization]]
            head = (await connection.fetchrow(_HEAD, organization))[1]
            sealed = seal_hash(key, head, organization, ids, macs)
            await connection.execute(_SEAL, organization, ids, macs, sealed)
    return len(taken)
