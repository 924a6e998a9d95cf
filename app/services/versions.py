"""Fingerprints of stored records, for `If-Match` on resources that keep no version number.

A fingerprint is a digest of everything the record holds, so any change to it changes the
fingerprint. A use case given an expected fingerprint reads the record with its row locked,
so no other writer that checks can slip in between the check and the write.
"""

from __future__ import annotations

import hashlib

from app.domain.errors import PreconditionFailed


def fingerprint(record: object) -> str:
    """32 hex digits that change whenever any field of the (frozen dataclass) record does."""
    return hashlib.sha256(repr(record).encode()).hexdigest()[:32]


def check_unchanged(record: object, expected: str | None, what: str) -> None:
    """Refuse (a stale `If-Match`) unless the record still has the expected fingerprint."""
    if expected is not None and fingerprint(record) != expected:
        raise PreconditionFailed(
            f"the {what} changed since it was read; read it again", field="If-Match"
        )
