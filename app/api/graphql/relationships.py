"""Running a mentorship in GraphQL: the same service functions as REST."""

from __future__ import annotations

from uuid import UUID

import strawberry

from app.api.graphql import relationship_report_types as rt
from app.api.graphql import relationship_types as t
from app.api.graphql.built import build
from app.api.graphql.relationship_common import args, found
from app.api.graphql.relationship_mutations import RelationshipMutation
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.services.relationships import (
    agreements,
    calendar_feed,
    checkpoint,
    disclosures,
    evaluations,
    goals,
    journal,
    luncheon_groups,
    meetings,
    reports,
)
from app.services.relationships import needs_assessment as needs
from app.services.relationships import progress as mentorship_progress

__all__ = ["RelationshipMutation", "RelationshipQuery"]


@strawberry.type
class RelationshipQuery:
    @strawberry.field(description="A mentorship's facts and cadence signal; null when not found")
    async def mentorship_progress(
        self, info: strawberry.Info, id: UUID
    ) -> t.MentorshipProgress | None:
        work = mentorship_progress.get_progress(**args(info, clock=True), mentorship_id=id)
        return await found(work, lambda v: build(t.MentorshipProgress, v))

    @strawberry.field(description="The current agreement (staff: never the concerns)")
    async def agreement(self, info: strawberry.Info, mentorship_id: UUID) -> t.Agreement | None:
        work = agreements.get_agreement(**args(info), mentorship_id=mentorship_id)
        return await found(work, t.agreement)

    @strawberry.field(description="The meeting log and cadence (content for the pair only)")
    async def meeting_log(self, info: strawberry.Info, mentorship_id: UUID) -> t.MeetingLog | None:
        work = meetings.list_meetings(**args(info, clock=True), mentorship_id=mentorship_id)
        return await found(work, t.meeting_log)

    @strawberry.field(description="The mentee's own journal: readable by the mentee alone")
    async def journal(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> list[t.JournalEntry] | None:
        work = journal.read_journal(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda found: [build(t.JournalEntry, e) for e in found])

    @strawberry.field(description="The mentee's plan")
    async def goals(self, info: strawberry.Info, mentorship_id: UUID) -> list[t.Goal] | None:
        work = goals.list_goals(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda found: [t.goal(g) for g in found])

    @strawberry.field(
        description="Evaluations done; answers for their respondent, and the free text for the "
        "partner of a kind the program shares with the pair"
    )
    async def evaluations(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> list[t.Evaluation] | None:
        work = evaluations.list_evaluations(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda found: [build(t.Evaluation, e) for e in found])

    @strawberry.field(description="The compatibility checkpoint as the caller may see it")
    async def checkpoint(self, info: strawberry.Info, mentorship_id: UUID) -> t.Checkpoint | None:
        work = checkpoint.get_checkpoint(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda v: build(t.Checkpoint, v))

    @strawberry.field(
        description="The mentee's needs assessment: its text for the pair, that it was "
        "provided for staff (the mentee provides it with `editApplication`)"
    )
    async def needs_assessment(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> t.NeedsAssessment | None:
        work = needs.read_needs_assessment(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda v: build(t.NeedsAssessment, v))

    @strawberry.field(description="The mentorship's recorded disclosures")
    async def disclosures(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> list[t.Disclosure] | None:
        work = disclosures.list_disclosures(**args(info), mentorship_id=mentorship_id)
        return await found(work, lambda found: [t.disclosure(d) for d in found])

    @strawberry.field(description="A cohort's aggregates (groups under five suppressed)")
    async def cohort_report(self, info: strawberry.Info, cohort_id: UUID) -> rt.CohortReport | None:
        work = reports.cohort_report(**args(info), cohort_id=cohort_id)
        return await found(work, rt.cohort_report)

    @strawberry.field(description="The program fee per department of the proteges (Maine)")
    async def fee_bill(self, info: strawberry.Info, cohort_id: UUID) -> rt.FeeBill | None:
        work = reports.fee_bill(**args(info), cohort_id=cohort_id)
        return await found(work, rt.fee_bill)

    @strawberry.field(description="A cohort's luncheon groups (a participant: their own)")
    async def luncheon_groups(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[rt.LuncheonGroup] | None:
        work = luncheon_groups.list_luncheon_groups(**args(info), cohort_id=cohort_id)
        return await found(
            work,
            lambda groups: bounded(
                groups,
                first,
                after,
                last,
                before,
                key=by("number"),
                make=lambda g: build(rt.LuncheonGroup, g),
            ),
        )

    @strawberry.field(description="The caller's calendar: meetings, key dates, cohort events")
    async def my_calendar(self, info: strawberry.Info) -> list[rt.CalendarEntry]:
        found = await calendar_feed.my_calendar(**args(info))
        return [build(rt.CalendarEntry, e) for e in found]

    @strawberry.field(description="Every disclosure about the caller (the protege's right)")
    async def disclosures_about_me(self, info: strawberry.Info) -> list[t.Disclosure]:
        found = await disclosures.disclosures_about_me(**args(info))
        return [t.disclosure(d) for d in found]
