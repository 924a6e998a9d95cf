"""Roster files in GraphQL: imports from CSV/XLSX (base64) and CSV exports (formulas
escaped), as in REST."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.deps import spreadsheet_reader, spreadsheet_writer
from app.api.graphql.context import context_of
from app.api.graphql.problems import Problem
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.domain.errors import DomainError, InvalidInput
from app.services.integrations import hr_changes
from app.services.integrations import roster_exports as exports
from app.services.integrations import roster_files as service
from app.services.integrations.ports import MentorshipFlag as FlagRecord


@strawberry.type
class RosterRowError:
    row: int
    employee_number: str | None
    field: str | None
    reason: str


@strawberry.type
class RosterImport:
    dry_run: bool
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: list[RosterRowError]
    ignored_columns: list[str]


RosterImportResult = Annotated[RosterImport | Problem, strawberry.union("RosterImportResult")]


@strawberry.type
class MentorshipFlag:
    id: UUID
    mentorship_id: UUID
    rules: list[str]
    reasons: list[str]
    raised_at: datetime

    @classmethod
    def of(cls, f: FlagRecord) -> MentorshipFlag:
        return cls(
            id=f.id,
            mentorship_id=f.mentorship_id,
            rules=list(f.rules),
            reasons=list(f.reasons),
            raised_at=f.raised_at,
        )


@strawberry.type
class RosterQuery:
    @strawberry.field(description="Running pairs an HR change made impossible (coordinators)")
    async def mentorship_flags(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[MentorshipFlag]:
        context = context_of(info)
        flags = await hr_changes.list_mentorship_flags(
            uow=context.new_uow(), principal=context.principal
        )
        return bounded(flags, first, after, last, before, key=by("id"), make=MentorshipFlag.of)

    @strawberry.field(description="Applications as CSV (facts only)")
    async def participants_csv(self, info: strawberry.Info, cohort_id: UUID | None = None) -> str:
        context = context_of(info)
        content = await exports.export_participants(
            uow=context.new_uow(),
            principal=context.principal,
            writer=spreadsheet_writer(),
            cohort_id=cohort_id,
        )
        return content.decode("utf-8-sig")  # the text, without the file's byte-order mark

    @strawberry.field(description="Mentorships as CSV (facts only)")
    async def mentorships_csv(self, info: strawberry.Info, cohort_id: UUID | None = None) -> str:
        context = context_of(info)
        content = await exports.export_mentorships(
            uow=context.new_uow(),
            principal=context.principal,
            writer=spreadsheet_writer(),
            cohort_id=cohort_id,
        )
        return content.decode("utf-8-sig")  # the text, without the file's byte-order mark


@strawberry.type
class RosterMutation:
    @strawberry.mutation(description="Import employees from a CSV or XLSX file (base64)")
    async def import_roster_file(
        self,
        info: strawberry.Info,
        content_base64: str,
        format: str = "csv",
        mapping: JSON | None = None,
        dry_run: bool = False,
    ) -> RosterImportResult:
        context = context_of(info)
        try:
            content = _decode(content_base64)
            result = await service.import_roster_file(
                uow=context.new_uow(),
                principal=context.principal,
                content=content,
                file_format=format,
                reader=spreadsheet_reader(),
                clock=context.clock,
                mapping=cast(dict[str, str], mapping or {}),
                dry_run=dry_run,
            )
        except DomainError as error:
            return Problem.of(error)
        report = result.report
        return RosterImport(
            dry_run=result.dry_run,
            rows=result.rows,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            errors=[
                RosterRowError(
                    row=e.row, employee_number=e.employee_number, field=e.field, reason=e.reason
                )
                for e in report.errors
            ],
            ignored_columns=result.ignored_columns,
        )


def _decode(content: str) -> bytes:
    try:
        return base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput("not base64", field="content_base64") from None
