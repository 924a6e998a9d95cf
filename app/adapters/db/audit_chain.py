"""The audit log's chain: each record stores an HMAC of its predecessor's hash (in the same
organisation) and its own content, keyed from SECRET_KEY, which the database never holds.

The application role may append audit records (it must, to audit), and the log is
append-only; what it cannot do without the key is append a record whose hash verifies. So
a record written around the service, by a stolen connection or an injected statement,
breaks the chain at that record, and `verify` names it. Records from before the chain
began (NULL hash, first in their organisation) are counted, not reported as breaks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from uuid import UUID

import asyncpg

from app.config import Settings

HEAD = "SELECT audit_chain_head($1)"
_RECORDS = """SELECT organization_id, id, actor, actor_role, action, resource_type,
  resource_id, reason, request_id, details::text AS details, chain_hash
FROM audit_events ORDER BY organization_id, id"""


@cache
def chain_key(secret_key: str | None = None) -> bytes:
    """The chain's key, derived from SECRET_KEY (every process of a deployment shares it)."""
    secret = secret_key if secret_key is not None else Settings().secret_key
    return hmac.new(secret.encode(), b"mentoring audit chain", hashlib.sha256).digest()


def content(organization_id: UUID, fields: Sequence[Any], details_json: str) -> bytes:
    """A record's content in one canonical form, whether read from a write or from the
    table: the details as JSON with sorted keys (PostgreSQL's jsonb reorders them)."""
    record = [str(organization_id), *fields, json.loads(details_json)]
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode()


def link(key: bytes, previous: str | None, record: bytes) -> str:
    """This record's hash: over the previous one's and its own content."""
    return hmac.new(key, (previous or "").encode() + b"\n" + record, hashlib.sha256).hexdigest()


def links(key: bytes, previous: str | None, records: Sequence[bytes]) -> list[str]:
    """The hashes of records appended in order after `previous`."""
    hashes = []
    for record in records:
        previous = link(key, previous, record)
        hashes.append(previous)
    return hashes


@dataclass
class Verification:
    records: int = 0
    unchained: int = 0  # written before the chain began
    breaks: list[tuple[UUID, int, str]] = field(default_factory=list)  # (org, id, why)


async def verify(connection: asyncpg.Connection, key: bytes) -> Verification:
    """Walk every record the connection may read, organisation by organisation, in order."""
    result = Verification()
    organization: UUID | None = None
    previous: str | None = None
    chained = False
    async for row in _records(connection):
        if row["organization_id"] != organization:
            previous, chained = None, False
        organization = row["organization_id"]
        result.records += 1
        stored = row["chain_hash"]
        if stored is None and not chained:
            result.unchained += 1
            continue
        fields = [row[n] for n in ("actor", "actor_role", "action", "resource_type")]
        fields += [row[n] for n in ("resource_id", "reason", "request_id")]
        expected = link(key, previous, content(row["organization_id"], fields, row["details"]))
        if stored != expected:
            why = "no hash after the chain began" if stored is None else "hash does not verify"
            result.breaks.append((row["organization_id"], row["id"], why))
        previous, chained = stored, True
    return result


async def _records(connection: asyncpg.Connection) -> AsyncIterator[asyncpg.Record]:
    if connection.is_in_transaction():
        async for row in connection.cursor(_RECORDS, prefetch=1000):
            yield row
        return
    async with connection.transaction(readonly=True):
        async for row in connection.cursor(_RECORDS, prefetch=1000):
            yield row
