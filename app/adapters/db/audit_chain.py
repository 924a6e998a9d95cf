"""The audit log's tamper evidence, keyed from SECRET_KEY, which the database never holds.

Each record is written with `record_mac`, a salted HMAC of its own content (unique in its
organisation, so a verbatim copy of a genuine record is refused): the application role
may append audit records (it must, to audit), but without the key it cannot append one whose
MAC verifies, so a record written around the service (a stolen connection, an injected
statement) is named by `verify`. Writing a record takes no lock and reads nothing.

After its commit a record is sealed (`audit_seals.seal_pending`, in the background loop):
each seal lists the ids and MACs of the records it takes, in order, and carries an HMAC over
them and the organisation's previous seal. Once sealed, a record cannot be removed or
altered, nor a seal dropped from the middle, without `verify` naming it.

What is not yet sealed is covered by its own MAC only: removing such a record goes unseen,
as removing the newest records of any hash chain would. The window is the sealer's turn (a
second or so); `verify` reports records left unsealed for longer than `GRACE` as breaks.

Records from before sealing carry `chain_hash` (each linked to its predecessor's) and still
verify as that chain; records from before any chain (no hash at all) are counted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from uuid import UUID

import asyncpg

from app.config import Settings

GRACE = timedelta(minutes=10)  # far beyond the sealer's turn, so a lagging one is not a break
FIELDS = ("actor", "actor_role", "action", "resource_type", "resource_id", "reason", "request_id")
_COLUMNS = ", ".join(FIELDS)  # constants: no value from outside reaches a statement
_RECORDS = f"""SELECT organization_id, id, {_COLUMNS}, details::text AS details, chain_hash,
  record_mac, occurred_at FROM audit_events ORDER BY organization_id, id"""  # noqa: S608
_SEALS = """SELECT organization_id, id, event_ids, record_macs, chain_hash FROM audit_seals
ORDER BY organization_id, id"""


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


def record_mac(key: bytes, record: bytes, salt: str | None = None) -> str:
    """A record's own MAC: a fresh salt, then the HMAC of the salt and the record. The salt
    makes every record's MAC its own, so that a unique index refuses a copy of a genuine
    record (which a chain would have caught: a copy does not follow its predecessor)."""
    salt = salt if salt is not None else secrets.token_hex(8)
    mac = hmac.new(key, f"record\n{salt}\n".encode() + record, hashlib.sha256).hexdigest()
    return f"{salt}:{mac}"


def mac_verifies(key: bytes, record: bytes, stored: str) -> bool:
    salt, _, _ = stored.partition(":")
    return hmac.compare_digest(stored, record_mac(key, record, salt))


def seal_hash(
    key: bytes, previous: str | None, organization_id: UUID, ids: Sequence[int], macs: Sequence[str]
) -> str:
    """A seal's hash: over the organisation's previous seal and the records it takes."""
    listed = ",".join(f"{i}:{m}" for i, m in zip(ids, macs, strict=True))
    message = f"seal\n{previous or ''}\n{organization_id}\n{listed}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def link(key: bytes, previous: str | None, record: bytes) -> str:
    """A chained record's hash (records from before sealing): over the previous one's and
    its own content."""
    return hmac.new(key, (previous or "").encode() + b"\n" + record, hashlib.sha256).hexdigest()


@dataclass
class Verification:
    records: int = 0
    unchained: int = 0  # written before the chain began
    unsealed: int = 0  # verified by their own MAC, not sealed yet
    seals: int = 0
    breaks: list[tuple[UUID, int, str]] = field(default_factory=list)  # (org, id, why)


@dataclass
class _Organization:
    """What verifying one organisation's records carries from one to the next."""

    sealed: dict[int, str]  # record id -> the MAC its seal lists
    previous: str | None = None  # the last chained record's hash (records before sealing)
    chained: bool = False


async def verify(
    connection: asyncpg.Connection, key: bytes, *, grace: timedelta = GRACE
) -> Verification:
    """Every seal and record the connection may read, organisation by organisation."""
    result = Verification()
    async with _reading(connection):
        now: datetime = await connection.fetchval("SELECT clock_timestamp()")
        sealed = await _verify_seals(connection, key, result)
        current: tuple[UUID, _Organization] | None = None
        async for row in connection.cursor(_RECORDS, prefetch=1000):
            if current is None or row["organization_id"] != current[0]:
                if current is not None:
                    _missing(result, *current)
                organization = row["organization_id"]
                current = (organization, _Organization(sealed.pop(organization, {})))
            _verify_record(result, key, current[1], row, now - grace)
        if current is not None:
            _missing(result, *current)
    for organization, left in sealed.items():  # seals whose records are all gone
        _missing(result, organization, _Organization(left))
    return result


async def _verify_seals(
    connection: asyncpg.Connection, key: bytes, result: Verification
) -> dict[UUID, dict[int, str]]:
    sealed: dict[UUID, dict[int, str]] = {}
    previous: dict[UUID, str] = {}
    async for seal in connection.cursor(_SEALS, prefetch=100):
        org, ids, macs = seal["organization_id"], seal["event_ids"], seal["record_macs"]
        result.seals += 1
        expected = seal_hash(key, previous.get(org), org, ids, macs)
        if seal["chain_hash"] != expected or len(ids) != len(macs):
            first = ids[0] if ids else 0
            result.breaks.append((org, first, f"seal {seal['id']} does not verify"))
        previous[org] = seal["chain_hash"]
        sealed.setdefault(org, {}).update(zip(ids, macs, strict=False))
    return sealed


def _verify_record(
    result: Verification, key: bytes, org: _Organization, row: asyncpg.Record, due: datetime
) -> None:
    result.records += 1
    where = (row["organization_id"], row["id"])
    fields = [row[n] for n in FIELDS]
    written = content(row["organization_id"], fields, row["details"])
    mac, stored = row["record_mac"], row["chain_hash"]
    if mac is not None:
        org.chained = True
        listed = org.sealed.pop(row["id"], None)
        if not mac_verifies(key, written, mac):
            result.breaks.append((*where, "record does not verify"))
        elif listed is not None and listed != mac:
            result.breaks.append((*where, "record differs from its seal"))
        elif listed is None and row["occurred_at"] < due:
            result.breaks.append((*where, "left unsealed"))
        elif listed is None:
            result.unsealed += 1
        return
    if stored is None and not org.chained:
        result.unchained += 1
        return
    if stored != link(key, org.previous, written):
        why = "no hash after the chain began" if stored is None else "hash does not verify"
        result.breaks.append((*where, why))
    org.previous, org.chained = stored, True


def _missing(result: Verification, organization: UUID, org: _Organization) -> None:
    for record_id in sorted(org.sealed):
        result.breaks.append((organization, record_id, "sealed record missing"))


@asynccontextmanager
async def _reading(connection: asyncpg.Connection) -> AsyncIterator[None]:
    """A read-only transaction (a cursor needs one), unless one is open already (a test's)."""
    if connection.is_in_transaction():
        yield
        return
    async with connection.transaction(readonly=True):
        yield
