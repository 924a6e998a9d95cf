"""A mentorship's agreement: its versions and who signed each."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from app.adapters.db import tables_relationships as tr
from app.adapters.db.repositories.relationships.statements import (
    OrganizationStatements,
    from_row,
    insert_statement,
    sql,
    values_of,
)
from app.services.relationships.records import Agreement, Signature

_AGREEMENT = sql(
    "SELECT mentorship_id, version, terms, written_by, created_at FROM agreements "
    "WHERE organization_id = :org AND mentorship_id = :id ORDER BY version DESC LIMIT 1"
)
_SIGNATURES = sql(
    "SELECT party, signed_by, signed_at FROM agreement_signatures WHERE organization_id = :org "
    "AND mentorship_id = :id AND version = :version ORDER BY signed_at"
)
# The meeting frequency each pair's current agreement states (Charlotte agrees its cadence).
_AGREED_FREQUENCIES = sql(
    "SELECT DISTINCT ON (mentorship_id) mentorship_id, terms ->> 'frequency' AS frequency "
    "FROM agreements WHERE organization_id = :org AND mentorship_id = ANY(CAST(:ids AS uuid[])) "
    "ORDER BY mentorship_id, version DESC"
)
_AGREEMENT_VERSIONS = sql(
    "SELECT mentorship_id, version, terms, written_by, created_at FROM agreements "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) ORDER BY mentorship_id, version"
)
_VERSION_SIGNATURES = sql(
    "SELECT mentorship_id, version, party, signed_by, signed_at FROM agreement_signatures "
    "WHERE organization_id = :org AND mentorship_id = ANY(:ids) ORDER BY signed_at"
)
_INSERT_AGREEMENT = insert_statement(tr.agreements, Agreement, skip=("signatures",))
_INSERT_SIGNATURE = sql(
    "INSERT INTO agreement_signatures (organization_id, mentorship_id, version, party, "
    "signed_by, signed_at) VALUES (:org, :id, :version, :party, :signed_by, :signed_at) "
    "ON CONFLICT DO NOTHING RETURNING party"
)


class SqlAgreementRecords(OrganizationStatements):
    """The pair's agreement, every version, and its signatures."""

    async def agreement(self, mentorship_id: UUID) -> Agreement | None:
        row = await self._row(_AGREEMENT, id=mentorship_id)
        if row is None:
            return None
        signed = await self._rows(_SIGNATURES, id=mentorship_id, version=row["version"])
        return from_row(Agreement, row, signatures=tuple(Signature(**dict(s)) for s in signed))

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
            from_row(
                Agreement, r, signatures=tuple(signed.get((r["mentorship_id"], r["version"]), ()))
            )
            for r in rows
        ]

    async def add_agreement(self, agreement: Agreement) -> Agreement:
        row = await self._row(_INSERT_AGREEMENT, **values_of(agreement, ("signatures",)))
        return from_row(Agreement, row)

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
