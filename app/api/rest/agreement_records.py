"""REST routes of kept agreements: every signed version (the pair), a printable copy of each,
and the coordinator's file of signed agreements (NC 003)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import CurrentCaller
from app.api.pagination import Page, PageQuery, bounded, by
from app.api.rest.examples import relationships as ex
from app.api.rest.responses import problems
from app.api.rest.schemas.relationships.agreements import SignatureRead
from app.services.relationships import agreement_versions

router = APIRouter(prefix="/v1", tags=["mentorships"])
_READ = ConfigDict(from_attributes=True)


class AgreementVersionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.AGREEMENT_VERSION_READ)
    mentorship_id: UUID
    version: int
    terms: dict[str, Any]
    signatures: list[SignatureRead]
    signed_by_both: bool
    withheld: list[str] = Field(description="Sections kept from this reader (confidential)")
    written_at: datetime | None


class AgreementVersionPageRead(Page[AgreementVersionRead]):
    """A page of agreement versions."""


class AgreementRegisterEntryRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True, json_schema_extra=ex.AGREEMENT_REGISTER_ENTRY_READ
    )
    mentorship_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    title: str
    version: int
    signatures: list[SignatureRead] = Field(description="Who signed this version, and when")
    signed_by_both: bool


class AgreementRegisterEntryPageRead(Page[AgreementRegisterEntryRead]):
    """A page of agreement register entries."""


@router.get(
    "/mentorships/{mentorship_id}/agreement/versions",
    operation_id="listAgreementVersions",
    response_model=AgreementVersionPageRead,
    responses=problems(403, 404),
)
async def list_agreement_versions(
    mentorship_id: UUID,
    caller: CurrentCaller,
    page: PageQuery,
    request: Request,
    response: Response,
) -> Any:
    """Every version of the agreement, oldest first, with who signed each and when."""
    found = await agreement_versions.list_agreement_versions(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id
    )
    everything = [AgreementVersionRead.model_validate(v) for v in found]
    return bounded(request, response, everything, page, key=by("version"))


@router.get(
    "/mentorships/{mentorship_id}/agreement/print",
    operation_id="printAgreementVersion",
    response_class=HTMLResponse,
    responses=problems(403, 404),
)
async def print_agreement_version(
    mentorship_id: UUID, caller: CurrentCaller, version: int | None = None
) -> HTMLResponse:
    """A printable copy (HTML) of one version (the latest unless `version` is given), with
    its signatures and their dates."""
    page = await agreement_versions.printable_agreement(
        uow=caller.uow, principal=caller.principal, mentorship_id=mentorship_id, version=version
    )
    return HTMLResponse(page)


@router.get(
    "/cohorts/{cohort_id}/agreement-register",
    operation_id="getAgreementRegister",
    response_model=AgreementRegisterEntryPageRead,
    responses=problems(400, 403, 404),
)
async def get_agreement_register(
    cohort_id: UUID, caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """The coordinator's file of signed agreements: who signed which version, when."""
    found = await agreement_versions.agreement_register(
        uow=caller.uow, principal=caller.principal, cohort_id=cohort_id
    )
    everything = [AgreementRegisterEntryRead.model_validate(e) for e in found]
    return bounded(request, response, everything, page, key=by("mentorship_id", "version"))
