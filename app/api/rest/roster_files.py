"""REST routes for roster files: employee imports from CSV/XLSX, CSV and XLSX exports."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, File, Form, Header, Query, Request, Response, UploadFile

from app.api.deps import CurrentCaller, ExportFiles, Spreadsheets
from app.api.pagination import PageQuery, bounded
from app.api.rest.responses import problems
from app.api.rest.schemas.integrations import (
    MentorshipFlagPageRead,
    RosterImportRead,
)
from app.services.integrations import hr_changes
from app.services.integrations import roster_exports as exports
from app.services.integrations import roster_files as service
from app.services.integrations.roster_exports import ExportFormat

router = APIRouter(prefix="/v1", tags=["integrations"])
ROSTER_MAX_BODY_BYTES = 64 * 1024 * 1024
_XLSX_MAGIC = b"PK\x03\x04"


@router.post(
    "/roster-files/employees",
    operation_id="importRosterFile",
    response_model=RosterImportRead,
    responses=problems(403, 413),
)
async def import_roster_file(
    caller: CurrentCaller,
    reader: Spreadsheets,
    file: Annotated[UploadFile, File(description="CSV (UTF-8) or XLSX, a header row first")],
    mapping: Annotated[
        str | None, Form(description='JSON: {"employee_number": "Emp No", ...}')
    ] = None,
    dry_run: Annotated[bool, Form(description="Check every row, store nothing")] = False,
) -> Any:
    """Import employees from a roster file: the same rules and report as the JSON import.
    A file that cannot be read (or a mapping naming missing columns) is reported in
    `errors` as row 0, and nothing is imported."""
    content = await file.read()
    file_format = "xlsx" if content.startswith(_XLSX_MAGIC) else "csv"
    result = await service.import_roster_file(
        uow=caller.uow,
        principal=caller.principal,
        content=content,
        file_format=file_format,
        reader=reader,
        clock=caller.clock,
        mapping=mapping,
        dry_run=dry_run,
    )
    report = result.report
    return {
        "dry_run": result.dry_run,
        "rows": result.rows,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "errors": report.errors,
        "ignored_columns": result.ignored_columns,
    }


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX}
_FILES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, XLSX: {}},
        "description": "CSV (UTF-8 with a byte-order mark, formulas escaped) or XLSX, a header"
        " row first; the same columns in both",
    }
}
FormatQuery = Annotated[
    ExportFormat | None,
    Query(
        alias="format",
        description="csv or xlsx; without it, `Accept: " + XLSX + "` asks for XLSX, else CSV",
    ),
]


def _chosen(requested: ExportFormat | None, accept: str | None) -> ExportFormat:
    if requested is not None:
        return requested
    return "xlsx" if accept and "spreadsheetml.sheet" in accept else "csv"


def _file(content: bytes, name: str, file_format: ExportFormat) -> Response:
    disposition = f'attachment; filename="{name}.{file_format}"'
    return Response(
        content,
        media_type=_MEDIA_TYPES[file_format],
        headers={"Content-Disposition": disposition, "Vary": "Accept"},
    )


@router.get(
    "/roster-files/participants.csv",
    operation_id="exportParticipants",
    response_class=Response,
    responses={**_FILES, **problems(403)},
)
async def export_participants(
    caller: CurrentCaller,
    writer: ExportFiles,
    file_format: FormatQuery = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
    cohort_id: UUID | None = None,
) -> Response:
    """Applications (who, cohort, role, eligible) as CSV or XLSX. Facts only."""
    chosen = _chosen(file_format, accept)
    content = await exports.export_participants(
        uow=caller.uow,
        principal=caller.principal,
        writer=writer,
        file_format=chosen,
        cohort_id=cohort_id,
    )
    return _file(content, "participants", chosen)


@router.get(
    "/roster-files/mentorships.csv",
    operation_id="exportMentorships",
    response_class=Response,
    responses={**_FILES, **problems(403)},
)
async def export_mentorships(
    caller: CurrentCaller,
    writer: ExportFiles,
    file_format: FormatQuery = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
    cohort_id: UUID | None = None,
) -> Response:
    """Mentorships (the pair by employee number, state, dates) as CSV or XLSX. Facts only."""
    chosen = _chosen(file_format, accept)
    content = await exports.export_mentorships(
        uow=caller.uow,
        principal=caller.principal,
        writer=writer,
        file_format=chosen,
        cohort_id=cohort_id,
    )
    return _file(content, "mentorships", chosen)


@router.get(
    "/mentorship-flags",
    operation_id="listMentorshipFlags",
    response_model=MentorshipFlagPageRead,
    responses=problems(403),
)
async def list_mentorship_flags(
    caller: CurrentCaller, page: PageQuery, request: Request, response: Response
) -> Any:
    """Running pairs that an HR change made impossible (new manager, same unit, someone
    left), with the rules they now break; for coordinators to act on."""
    everything = await hr_changes.list_mentorship_flags(uow=caller.uow, principal=caller.principal)
    return bounded(request, response, everything, page)
