"""Recorded confidentiality exceptions (disclosures) and the protege's answers to them."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db import tables_relationships as tr
from app.adapters.db.repositories.relationships.statements import (
    OrganizationStatements,
    fields_of,
    from_row,
    insert_statement,
    select_statement,
    values_of,
)
from app.adapters.db.sql import compile_statement
from app.services.relationships.records import DisclosureRecord

_P = sa.bindparam

_INSERT_DISCLOSURE = insert_statement(tr.disclosures, DisclosureRecord)
_DISCLOSURES = select_statement(tr.disclosures, DisclosureRecord, "mentorship_id", "occurred_at")
_DISCLOSURES_ABOUT = select_statement(tr.disclosures, DisclosureRecord, "about_id", "occurred_at")
_DISCLOSURE = select_statement(tr.disclosures, DisclosureRecord, "id", "occurred_at")
_SAVE_PROTEGE_ACT = compile_statement(
    tr.disclosures.update()
    .where(tr.disclosures.c.organization_id == _P("org"), tr.disclosures.c.id == _P("id"))
    .values(
        consent=_P("consent"),
        protege_consent=_P("protege_consent"),
        acknowledged_at=_P("acknowledged_at"),
    )
    .returning(*(tr.disclosures.c[n] for n in fields_of(DisclosureRecord)))
)


class SqlDisclosureRecords(OrganizationStatements):
    """Disclosures, by pair, by person and one at a time."""

    async def add_disclosure(self, disclosure: DisclosureRecord) -> DisclosureRecord:
        row = await self._row(_INSERT_DISCLOSURE, **values_of(disclosure))
        return from_row(DisclosureRecord, row)

    async def disclosures(self, mentorship_id: UUID) -> list[DisclosureRecord]:
        return await self.disclosures_of([mentorship_id])

    async def disclosure(self, disclosure_id: UUID) -> DisclosureRecord | None:
        found = await self._rows(_DISCLOSURE, value=[disclosure_id])
        return from_row(DisclosureRecord, found[0]) if found else None

    async def save_protege_act(self, record: DisclosureRecord) -> DisclosureRecord:
        """The protege's answer to a request or acknowledgement, on the stored disclosure."""
        row = await self._row(
            _SAVE_PROTEGE_ACT,
            id=record.id,
            consent=record.consent,
            protege_consent=record.protege_consent,
            acknowledged_at=record.acknowledged_at,
        )
        return from_row(DisclosureRecord, row)

    async def disclosures_about(self, person_id: UUID) -> list[DisclosureRecord]:
        found = await self._rows(_DISCLOSURES_ABOUT, value=[person_id])
        return [from_row(DisclosureRecord, r) for r in found]

    async def disclosures_of(self, mentorship_ids: Sequence[UUID]) -> list[DisclosureRecord]:
        found = await self._rows(_DISCLOSURES, value=list(mentorship_ids))
        return [from_row(DisclosureRecord, r) for r in found]
