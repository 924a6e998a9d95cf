"""REST shapes of a mentorship's agreement and its signatures."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest.examples.relationships import agreements as ex


class AgreementUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "terms": {
                        "goals": "Prepare for a supervisory role",
                        "meetings": "Every other Tuesday, one hour",
                    }
                }
            ]
        },
    )
    terms: dict[str, str] = Field(description="The agreement's sections, as the policy names them")


class SignatureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.SIGNATURE_READ)
    party: str
    signed_by: UUID
    signed_at: datetime


class AgreementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.AGREEMENT_READ)
    mentorship_id: UUID
    title: str
    sections: list[str]
    version: int
    terms: dict[str, Any]
    signatures: list[SignatureRead]
    signed_by_both: bool
    withheld: list[str] = Field(description="Sections kept from this reader (confidential)")
    written_at: datetime | None
    term_notice: str | None = Field(
        description="The term this agreement states is shorter than the program recommends "
        "(Caltrans: six months, NC: a year); it is accepted all the same. Null when not."
    )
