"""REST shapes of confidentiality disclosures."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples.relationships import disclosures as ex
from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.confidentiality.parts import ContentPart


class RecipientSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)
    role: str = Field(description="administrator or supervisor")
    person_id: UUID


class DisclosureCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.DISCLOSURE_CREATE)
    kind: DisclosureKind
    to: list[RecipientSchema] = Field(min_length=1, max_length=10)
    parts: list[ContentPart] = Field(default_factory=list)
    description: str = ""
    purpose: str = ""
    protege_consent: bool = False
    protege_informed: bool = False
    occurred_at: datetime | None = None
    meeting_ids: list[UUID] = Field(
        default_factory=list,
        max_length=100,
        description="The meetings whose notes are shared (none: notes up to occurred_at)",
    )


class DisclosureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.DISCLOSURE_READ)
    id: UUID
    mentorship_id: UUID
    kind: str
    by_id: UUID
    by_party: str
    recipients: list[dict[str, str]]
    about_id: UUID
    parts: list[str]
    description: str
    purpose: str
    occurred_at: datetime
    protege_consent: bool = Field(description="Granted by the protege themselves")
    protege_informed: bool
    consent: str = Field(
        description="not_needed, requested (awaiting the protege), granted, refused"
    )
    acknowledged_at: datetime | None = Field(description="When the protege acknowledged it")
    meeting_ids: list[UUID] = Field(default_factory=list, description="The meetings named")


class DisclosurePageRead(Page[DisclosureRead]):
    """A page of disclosures."""
