"""Running a mentorship in GraphQL: the mutations, calling the same services as REST. The
pair's life (confirmation, agreement, checkpoint, end) is here; what the pair records, and the
cohort's luncheons and the caller's calendar, have modules of their own."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import relationship_types as t
from app.api.graphql.built import build
from app.api.graphql.preconditions import IF_MATCH, versioned
from app.api.graphql.relationship_calendar_mutations import CalendarMutation
from app.api.graphql.relationship_common import args, done, progress
from app.api.graphql.relationship_record_mutations import DisclosureMutation, RecordMutation
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision
from app.services.relationships import agreements, checkpoint, confirmations, endings


@strawberry.type
class LifecycleMutation:
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


@strawberry.type
class CheckpointMutation:
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
        return await done(work, lambda v: build(t.Checkpoint, v))

    @strawberry.mutation(description="The coordinator confirms the proposed change of mentor")
    async def confirm_rematch(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> t.CheckpointResult:
        work = checkpoint.confirm_rematch(**args(info, clock=True), mentorship_id=mentorship_id)
        return await done(work, lambda v: build(t.Checkpoint, v))

    @strawberry.mutation(
        description="The coordinator declines the proposed mentor; the next "
        "alternative is proposed, or with none left the mentee is withdrawn"
    )
    async def decline_rematch(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> t.CheckpointResult:
        work = checkpoint.decline_rematch(**args(info, clock=True), mentorship_id=mentorship_id)
        return await done(work, lambda v: build(t.Checkpoint, v))


# The bases' order is the order of the fields in the committed schema.
@strawberry.type
class RelationshipMutation(
    LifecycleMutation, RecordMutation, CheckpointMutation, DisclosureMutation, CalendarMutation
):
    pass
