"""Roster exports: who takes part and the pairs, as CSV or XLSX (the same columns), for
HR's spreadsheets. Facts only: nothing confidential is exported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.services.bulk_work import off_the_loop
from app.services.integrations.ports import SpreadsheetWriter
from app.services.ports import UnitOfWork

ExportFormat = Literal["csv", "xlsx"]
PARTICIPANT_COLUMNS = (
    "application_id",
    "cohort_id",
    "cohort_name",
    "employee_number",
    "given_name",
    "family_name",
    "department",
    "unit",
    "role",
    "eligible",
)
MENTORSHIP_COLUMNS = (
    "mentorship_id",
    "cohort_id",
    "mentee_employee_number",
    "mentor_employee_number",
    "state",
    "starts_on",
    "ends_on",
    "checkpoint_due_on",
)


async def _written(
    writer: SpreadsheetWriter,
    file_format: ExportFormat,
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> bytes:
    # Zipping a workbook of thousands of rows is CPU work: off the event loop.
    if file_format == "xlsx":
        return await off_the_loop(writer.xlsx, columns, rows, name)
    return await off_the_loop(writer.csv, columns, rows)


async def export_participants(
    *,
    uow: UnitOfWork,
    principal: Principal,
    writer: SpreadsheetWriter,
    file_format: ExportFormat = "csv",
    cohort_id: UUID | None = None,
) -> bytes:
    """Every application: who, which cohort, which role, eligible or not. Facts only."""
    reach(principal, Resource.ROSTER_FILES, Action.READ)
    async with uow.read_only():
        rows = await uow.integrations.participant_facts(cohort_id)
    return await _written(writer, file_format, "participants", PARTICIPANT_COLUMNS, rows)


async def export_mentorships(
    *,
    uow: UnitOfWork,
    principal: Principal,
    writer: SpreadsheetWriter,
    file_format: ExportFormat = "csv",
    cohort_id: UUID | None = None,
) -> bytes:
    """Every mentorship: the pair by employee number, state and dates. Facts only."""
    reach(principal, Resource.ROSTER_FILES, Action.READ)
    async with uow.read_only():
        rows = await uow.integrations.mentorship_facts(cohort_id)
    return await _written(writer, file_format, "mentorships", MENTORSHIP_COLUMNS, rows)
