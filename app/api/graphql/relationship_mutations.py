"""Running a mentorship in GraphQL: the mutations, calling the same services as REST."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import relationship_report_types as rt
from app.api.graphql import relationship_types as t
from app.api.graphql.preconditions import IF_MATCH, fingerprinted, versioned
from app.api.graphql.relationship_common import args, done, progress
from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.confidentiality.parts import ContentPart
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.domain.luncheons import LuncheonGroup as DomainLuncheonGroup
from app.domain.policy.model import EvaluationKind
from app.services.relationships import (
    agreements,
    calendar_feed,
    checkpoint,
    confirmations,
    disclosures,
    endings,
    evaluations,
    goals,
    journal,
    luncheon_groups,
    meetings,
)
from app.services.relationships.goals import GoalKind
from app.services.relationships.records import Meeting


@strawberry.type
class RelationshipMutation:
    @strawberry.mutation(description="A participant confirms the proposed mentorship")
    async def confirm_mentorship(self, info: strawberry.Info, id: UUID) -> t.ProgressResult:
        work = confirmations.confirm_mentorship(**args(info, clock=True), mentorship_id=id)
        return await done(work, progress)

    @strawberry.mutation(description="Either participant ends the mentorship; no reason asked")
    async def end_mentorship(self, info: strawberry.Info, id: UUID) -> t.ProgressResult:
        work = endings.end_mentorship(**args(info, clock=True), mentorship_id=id)
        return await done(work, progress)

    @strawberry.mutation(description="The program administrator terminates (where allowed)")
    async def terminate_mentorship(self, info: strawberry.Info, id: UUID) -> t.ProgressResult:
        work = endings.terminate_mentorship(**args(info, clock=True), mentorship_id=id)
        return await done(work, progress)

    @strawberry.mutation(description="Complete at the term's end, after required evaluations")
    async def complete_mentorship(
        self, info: strawberry.Info, id: UUID, outcomes: JSON | None = None
    ) -> t.ProgressResult:
        work = endings.complete_mentorship(
            **args(info, clock=True),
            mentorship_id=id,
            outcomes=outcomes,  # type: ignore[arg-type]
        )
        return await done(work, progress)

    @strawberry.mutation(
        description=f"A new version of the agreement; both sign it again. {IF_MATCH}"
    )
    async def write_agreement(
        self, info: strawberry.Info, mentorship_id: UUID, terms: JSON, if_match: str | None = None
    ) -> t.AgreementResult:
        work = versioned(
            if_match,
            lambda version: agreements.write_agreement(
                **args(info),
                mentorship_id=mentorship_id,
                terms=terms,  # type: ignore[arg-type]
                if_version=version,
            ),
        )
        return await done(work, t.agreement)

    @strawberry.mutation(description=f"The caller signs the current agreement. {IF_MATCH}")
    async def sign_agreement(
        self, info: strawberry.Info, mentorship_id: UUID, if_match: str | None = None
    ) -> t.AgreementResult:
        work = versioned(
            if_match,
            lambda version: agreements.sign_agreement(
                **args(info, clock=True), mentorship_id=mentorship_id, if_version=version
            ),
        )
        return await done(work, t.agreement)

    @strawberry.mutation(description="Log a meeting; notes stay between the pair")
    async def log_meeting(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        held_on: date,
        hours: float,
        topics: list[str] | None = None,
        goal_id: UUID | None = None,
        competency: str | None = None,
        observations: str | None = None,
        follow_ups: str | None = None,
        notes: str | None = None,
    ) -> t.MeetingResult:
        draft = Meeting(
            mentorship_id,
            mentorship_id,
            held_on,
            hours,
            tuple(topics or ()),
            goal_id,
            competency,
            observations,
            follow_ups,
            notes,
        )
        work = meetings.log_meeting(**args(info, clock=True), meeting=draft)
        return await done(work, lambda m: t.build(t.Meeting, m))

    @strawberry.mutation(description="A participant cancels a meeting; it stays on record")
    async def cancel_meeting(self, info: strawberry.Info, id: UUID) -> t.MeetingResult:
        work = meetings.cancel_meeting(**args(info, clock=True), meeting_id=id)
        return await done(work, lambda m: t.build(t.Meeting, m))

    @strawberry.mutation(description="The mentee adds to their own journal")
    async def write_journal_entry(
        self, info: strawberry.Info, mentorship_id: UUID, entry_on: date, entry: JSON
    ) -> t.JournalEntryResult:
        work = journal.write_journal_entry(
            **args(info),
            mentorship_id=mentorship_id,
            entry_on=entry_on,
            entry=entry,  # type: ignore[arg-type]
        )
        return await done(work, lambda e: t.build(t.JournalEntry, e))

    @strawberry.mutation(description="The mentee adds to the plan (NC: at most 3 objectives)")
    async def add_goal(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        kind: t.GoalKind,  # type: ignore[valid-type]
        text: str,
        parent_id: UUID | None = None,
        smart: JSON | None = None,
    ) -> t.GoalResult:
        work = goals.add_goal(
            **args(info),
            mentorship_id=mentorship_id,
            kind=GoalKind(kind),
            text=text,
            parent_id=parent_id,
            smart=smart,  # type: ignore[arg-type]
        )
        return await done(work, t.goal)

    @strawberry.mutation(
        description=f"The mentee records progress or the outcome of a goal. {IF_MATCH}"
    )
    async def update_goal(
        self,
        info: strawberry.Info,
        id: UUID,
        progress: int | None = None,
        outcome: str | None = None,
        if_match: str | None = None,
    ) -> t.GoalResult:
        work = fingerprinted(
            if_match,
            lambda expected: goals.update_goal(
                **args(info),
                goal_id=id,
                progress=progress,
                outcome=outcome,
                if_fingerprint=expected,
            ),
        )
        return await done(work, t.goal)

    @strawberry.mutation(description=f"A participant comments on a goal. {IF_MATCH}")
    async def comment_on_goal(
        self, info: strawberry.Info, id: UUID, text: str, if_match: str | None = None
    ) -> t.GoalResult:
        work = fingerprinted(
            if_match,
            lambda expected: goals.comment_on_goal(
                **args(info, clock=True), goal_id=id, text=text, if_fingerprint=expected
            ),
        )
        return await done(work, t.goal)

    @strawberry.mutation(
        description="An evaluation: on the program's form, item by item in `answers` "
        "(Caltrans' checkup: 1 = Strongly Agree ... 5 = Strongly Disagree)"
    )
    async def submit_evaluation(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        kind: t.EvaluationKind,  # type: ignore[valid-type]
        scores: list[int] | None = None,
        free_text: str | None = None,
        answers: JSON | None = None,
    ) -> t.EvaluationResult:
        work = evaluations.submit_evaluation(
            **args(info, clock=True),
            mentorship_id=mentorship_id,
            kind=EvaluationKind(kind),
            scores=scores or [],
            free_text=free_text,
            answers=answers,  # type: ignore[arg-type]
        )
        return await done(work, lambda e: t.build(t.Evaluation, e))

    @strawberry.mutation(description="Continue, or ask for a change (no reason needed)")
    async def answer_checkpoint(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        decision: t.CheckpointDecision,  # type: ignore[valid-type]
    ) -> t.CheckpointResult:
        work = checkpoint.answer_checkpoint(
            **args(info, clock=True),
            mentorship_id=mentorship_id,
            decision=CheckpointDecision(decision),
        )
        return await done(work, lambda v: t.build(t.Checkpoint, v))

    @strawberry.mutation(description="The coordinator confirms the proposed change of mentor")
    async def confirm_rematch(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> t.CheckpointResult:
        work = checkpoint.confirm_rematch(**args(info, clock=True), mentorship_id=mentorship_id)
        return await done(work, lambda v: t.build(t.Checkpoint, v))

    @strawberry.mutation(
        description="The coordinator declines the proposed mentor; the next "
        "alternative is proposed, or with none left the mentee is withdrawn"
    )
    async def decline_rematch(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> t.CheckpointResult:
        work = checkpoint.decline_rematch(**args(info, clock=True), mentorship_id=mentorship_id)
        return await done(work, lambda v: t.build(t.Checkpoint, v))

    @strawberry.mutation(description="Record a confidentiality exception (Maine)")
    async def record_disclosure(
        self,
        info: strawberry.Info,
        mentorship_id: UUID,
        kind: t.DisclosureKind,  # type: ignore[valid-type]
        to: list[t.RecipientInput],
        parts: list[t.ContentPart] | None = None,  # type: ignore[valid-type]
        description: str = "",
        purpose: str = "",
        protege_consent: bool = False,
        protege_informed: bool = False,
        occurred_at: datetime | None = None,
        meeting_ids: list[UUID] | None = None,
    ) -> t.DisclosureResult:
        work = disclosures.record_disclosure(
            **args(info, clock=True),
            mentorship_id=mentorship_id,
            kind=DisclosureKind(kind),
            to=[disclosures.RecipientInput(r.role, r.person_id) for r in to],
            parts=[ContentPart(p) for p in parts or ()],
            description=description,
            purpose=purpose,
            protege_consent=protege_consent,
            protege_informed=protege_informed,
            occurred_at=occurred_at,
            meeting_ids=meeting_ids or [],
        )
        return await done(work, t.disclosure)

    @strawberry.mutation(description="Seat a cohort's mentees in luncheon groups; hosts rotate")
    async def compute_luncheon_groups(
        self, info: strawberry.Info, cohort_id: UUID
    ) -> rt.LuncheonPlanResult:
        work = luncheon_groups.compute_luncheon_groups(**args(info), cohort_id=cohort_id)
        return await done(work, rt.luncheon_plan)

    @strawberry.mutation(description="Replace a cohort's luncheon groups (same rules)")
    async def edit_luncheon_groups(
        self, info: strawberry.Info, cohort_id: UUID, groups: list[rt.LuncheonGroupInput]
    ) -> rt.LuncheonPlanResult:
        plan = [DomainLuncheonGroup(g.number, tuple(g.mentees), tuple(g.hosts)) for g in groups]
        work = luncheon_groups.edit_luncheon_groups(**args(info), cohort_id=cohort_id, groups=plan)
        return await done(work, rt.luncheon_plan)

    @strawberry.mutation(description="A new secret URL for the caller's calendar feed")
    async def issue_calendar_feed(self, info: strawberry.Info) -> rt.CalendarFeedResult:
        def url(issued: calendar_feed.IssuedFeed) -> rt.CalendarFeed:
            return rt.CalendarFeed(url=f"/v1/calendar/{issued.organization_id}/{issued.secret}.ics")

        return await done(calendar_feed.issue_calendar_feed(**args(info)), url)
