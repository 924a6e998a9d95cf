"""GraphQL fields of NC's conclusion: the coordinator's debriefs, each side's monthly reports."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql.built import build
from app.api.graphql.problems import Problem
from app.api.graphql.relationship_common import args, done, found
from app.domain.lifecycle.parties import Party
from app.services.relationships import conclusion


@strawberry.enum(description="The side of the pair a debrief is held with")
class DebriefParty(Enum):
    MENTEE = "mentee"
    MENTOR = "mentor"


@strawberry.type(description="The coordinator's debrief with one participant (NC)")
class Debrief:
    id: UUID
    mentorship_id: UUID
    party: str
    participant_id: UUID
    held_on: date
    recorded_by: UUID | None
    notes: str | None
    created_at: datetime | None


@strawberry.type(description="A monthly progress report; reflections for the author alone")
class ProgressReport:
    id: UUID
    mentorship_id: UUID
    party: str
    author_id: UUID
    month: int
    submitted_on: date
    on_track: bool
    assignments_done: int
    reflections: str | None


DebriefResult = Annotated[Debrief | Problem, strawberry.union("DebriefResult")]
ProgressReportResult = Annotated[ProgressReport | Problem, strawberry.union("ProgressReportResult")]


@strawberry.type
class ConclusionQuery:
    @strawberry.field(description="Debriefs held (a participant: their own, without notes)")
    async def debriefs(self, info: strawberry.Info, mentorship_id: UUID) -> list[Debrief] | None:
        work = conclusion.list_debriefs(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda ds: [build(Debrief, d) for d in ds])

    @strawberry.field(description="Monthly progress reports; reflections for the author only")
    async def progress_reports(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> list[ProgressReport] | None:
        work = conclusion.list_progress_reports(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda rs: [build(ProgressReport, r) for r in rs])


@strawberry.type
class ConclusionMutation:
    @strawberry.mutation(description="The coordinator records a debrief with mentee or mentor")
    async def record_debrief(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        party: DebriefParty,
        held_on: date,
        notes: str | None = None,
    ) -> DebriefResult:
        work = conclusion.record_debrief(
            **args(info),
            mentorship_id=mentorship_id,
            party=Party(party.value),
            held_on=held_on,
            notes=notes,
        )
        return await done(work, lambda d: build(Debrief, d))

    @strawberry.mutation(description="A participant's progress report for this month")
    async def submit_progress_report(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        on_track: bool,
        assignments_done: int,
        reflections: str | None = None,
    ) -> ProgressReportResult:
        work = conclusion.submit_progress_report(
            **args(info, clock=True),
            mentorship_id=mentorship_id,
            on_track=on_track,
            assignments_done=assignments_done,
            reflections=reflections,
        )
        return await done(work, lambda r: build(ProgressReport, r))
