"""What a pair records in GraphQL: meetings, the mentee's journal and plan, evaluations, and
the confidentiality exceptions (disclosures); the same services as REST."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import relationship_types as t
from app.api.graphql.built import build
from app.api.graphql.preconditions import IF_MATCH, fingerprinted
from app.api.graphql.relationship_common import args, done
from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.confidentiality.parts import ContentPart
from app.domain.policy.model import EvaluationKind
from app.services.relationships import disclosures, evaluations, goals, journal, meetings
from app.services.relationships.goals import GoalKind
from app.services.relationships.records import Meeting


@strawberry.type
class RecordMutation:
    @strawberry.mutation(
        description=(
            "Log a meeting; notes stay between the pair; goalId, the goal it served, is an "
            "entry of this pair's plan"
        )
    )
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
        mode: t.MeetingMode | None = None,  # type: ignore[valid-type]
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
            mode=mode,
        )
        work = meetings.log_meeting(**args(info, clock=True), meeting=draft)
        return await done(work, lambda m: build(t.Meeting, m))

    @strawberry.mutation(description="A participant cancels a meeting; it stays on record")
    async def cancel_meeting(self, info: strawberry.Info, id: UUID) -> t.MeetingResult:
        work = meetings.cancel_meeting(**args(info, clock=True), meeting_id=id)
        return await done(work, lambda m: build(t.Meeting, m))

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
        return await done(work, lambda e: build(t.JournalEntry, e))

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
        "(Caltrans' checkup: 1 = Strongly Agree ... 5 = Strongly Disagree); "
        "`partnerReadsFreeText` says whether the partner reads its free text"
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
        return await done(work, lambda e: build(t.Evaluation, e))


@strawberry.type
class DisclosureMutation:
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
