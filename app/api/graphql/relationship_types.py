"""GraphQL types of running a mentorship, built from the services' records and views."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, TypeVar, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.built import build
from app.api.graphql.preconditions import ETAG, record_etag, version_etag
from app.api.graphql.problems import Problem
from app.domain.confidentiality.disclosure import DisclosureKind as DomainDisclosureKind
from app.domain.confidentiality.parts import ContentPart as DomainContentPart
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision as DomainCheckpointDecision
from app.domain.meeting_log import MeetingMode as DomainMeetingMode
from app.domain.policy.model import EvaluationKind as DomainEvaluationKind
from app.services.relationships.goals import GoalKind as DomainGoalKind

T = TypeVar("T")

EvaluationKind = strawberry.enum(DomainEvaluationKind, name="EvaluationKind")
CheckpointDecision = strawberry.enum(DomainCheckpointDecision, name="CheckpointDecision")
DisclosureKind = strawberry.enum(DomainDisclosureKind, name="DisclosureKind")
ContentPart = strawberry.enum(DomainContentPart, name="ContentPart")
GoalKind = strawberry.enum(DomainGoalKind, name="GoalKind")
MeetingMode = strawberry.enum(DomainMeetingMode, name="MeetingMode")


@strawberry.type(description="A mentorship's facts: state, confirmations, timeline, cadence")
class MentorshipProgress:
    id: UUID
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    state: str
    confirmed_by: list[str]
    agreement_required: bool
    agreement_signed_by: list[str]
    evaluations_done: list[str]
    evaluations_missing: JSON
    evaluations_owed: list[str]
    awaiting_signatures: bool
    starts_on: date
    ends_on: date
    initial_meeting_due_on: date | None
    checkpoint_opens_on: date | None
    checkpoint_due_on: date | None
    midpoint_on: date | None
    checkups: list[date]
    activated_on: date | None
    closed_on: date | None
    checkpoint_outcome: str | None
    successor_id: UUID | None
    mentee_eligible_for_next_cohort: bool
    outcomes: JSON | None
    at_risk: bool | None
    at_risk_reason: str | None


@strawberry.type
class Signature:
    party: str
    signed_by: UUID
    signed_at: datetime


@strawberry.type(description="The current agreement; `withheld` names what this reader may not see")
class Agreement:
    mentorship_id: UUID
    title: str
    sections: list[str]
    version: int
    terms: JSON
    signatures: list[Signature]
    signed_by_both: bool
    withheld: list[str]
    written_at: datetime | None
    term_notice: str | None = strawberry.field(
        description="The term this agreement states is shorter than the program recommends "
        "(Caltrans: six months, NC: a year); it is accepted all the same. Null when not."
    )

    @strawberry.field(description=f"{ETAG} (of `writeAgreement`, `signAgreement`)")
    def etag(self) -> str:
        return version_etag(self.version)


@strawberry.type(description="A meeting; what was said is null for readers outside the pair")
class Meeting:
    id: UUID
    mentorship_id: UUID
    held_on: date
    hours: float
    topics: list[str]
    goal_id: UUID | None
    competency: str | None
    observations: str | None
    follow_ups: str | None
    notes: str | None
    logged_by: UUID | None
    cancelled: bool
    cancelled_at: datetime | None
    cancelled_by: UUID | None
    mode: MeetingMode | None = strawberry.field(  # type: ignore[valid-type]
        description="How the pair met (null: not stated)"
    )


@strawberry.type
class MonthCadence:
    month: int
    starts_on: date
    ends_on: date
    meetings: int
    hours: float
    min_meetings: int
    min_hours: float
    finished: bool
    short: bool


@strawberry.type
class Cadence:
    months: list[MonthCadence]
    initial_meeting_missed: bool
    at_risk: bool
    reason: str
    short_months: list[int]


@strawberry.type
class MeetingLog:
    meetings: list[Meeting]
    content_withheld: bool
    cadence: Cadence


@strawberry.type(description="An entry of the mentee's own journal")
class JournalEntry:
    id: UUID
    mentorship_id: UUID
    entry_on: date
    entry: JSON


@strawberry.type(description="A goal, objective, developmental need or action step")
class Goal:
    id: UUID
    mentorship_id: UUID
    kind: str
    parent_id: UUID | None
    text: str
    progress: int
    outcome: str | None
    comments: JSON
    smart: JSON | None
    record: strawberry.Private[Any]

    # Worked out only when asked for: a dashboard's page of plans never pays for it.
    @strawberry.field(description=f"{ETAG} (of `updateGoal`, `commentOnGoal`)")
    def etag(self) -> str:
        return record_etag(self.record)


@strawberry.type(
    description="An evaluation; scores and free text for the respondent, and the free text for "
    "the partner when `partnerReadsFreeText`"
)
class Evaluation:
    id: UUID
    mentorship_id: UUID
    kind: str
    party: str
    scores: JSON
    free_text: str | None
    submitted_on: date
    answers: JSON
    form_version: int | None
    period_number: int | None = strawberry.field(
        description="The period it was given for, kept whatever later edits of the calendar or "
        "the term do: checkup 2, month 3, round 1 of the program evaluation; null for a kind "
        "with one period per term"
    )
    partner_reads_free_text: bool = strawberry.field(
        description="Whether the other side of the pair reads this evaluation's free text (the "
        "program's `evaluations.free_text_shared_with_pair`); staff never do"
    )


@strawberry.type(description="The mentee's needs assessment (NC): its text for the pair only")
class NeedsAssessment:
    mentorship_id: UUID
    asked_by_initial_meeting: bool
    provided: bool
    text: str | None
    text_withheld: bool


@strawberry.type(description="The compatibility checkpoint as the caller may see it")
class Checkpoint:
    mentorship_id: UUID
    opens_on: date | None
    due_on: date | None
    closes_on: date | None
    my_decision: str | None
    change_requested: bool
    awaiting: str | None
    outcome: str | None
    state: str
    proposed_mentor_id: UUID | None
    successor_id: UUID | None
    rematch_of: UUID | None
    mentee_eligible_for_next_cohort: bool


@strawberry.type(description="A recorded confidentiality exception (Maine)")
class Disclosure:
    id: UUID
    mentorship_id: UUID
    kind: str
    by_id: UUID
    by_party: str
    recipients: JSON
    about_id: UUID
    parts: list[str]
    description: str
    purpose: str
    occurred_at: datetime
    protege_consent: bool
    protege_informed: bool
    consent: str
    acknowledged_at: datetime | None
    meeting_ids: list[UUID]


@strawberry.input
class RecipientInput:
    role: str
    person_id: UUID


def meeting_log(log: Any) -> MeetingLog:
    cadence = log.cadence
    return MeetingLog(
        meetings=[build(Meeting, m) for m in log.meetings],
        content_withheld=log.content_withheld,
        cadence=Cadence(
            months=[build(MonthCadence, m) for m in cadence.months],
            initial_meeting_missed=cadence.initial_meeting_missed,
            at_risk=cadence.at_risk,
            reason=cadence.reason,
            short_months=list(cadence.short_months),
        ),
    )


def agreement(view: Any) -> Agreement:
    return build(Agreement, view, signatures=[build(Signature, s) for s in view.signatures])


def disclosure(record: Any) -> Disclosure:
    return build(Disclosure, record, recipients=cast(JSON, [dict(r) for r in record.recipients]))


def goal(record: Any) -> Goal:
    comments = cast(JSON, [dict(c) for c in record.comments])
    return build(Goal, record, comments=comments, record=record)


ProgressResult = Annotated[MentorshipProgress | Problem, strawberry.union("ProgressResult")]
AgreementResult = Annotated[Agreement | Problem, strawberry.union("AgreementResult")]
MeetingResult = Annotated[Meeting | Problem, strawberry.union("MeetingResult")]
JournalEntryResult = Annotated[JournalEntry | Problem, strawberry.union("JournalEntryResult")]
GoalResult = Annotated[Goal | Problem, strawberry.union("GoalResult")]
EvaluationResult = Annotated[Evaluation | Problem, strawberry.union("EvaluationResult")]
CheckpointResult = Annotated[Checkpoint | Problem, strawberry.union("CheckpointResult")]
DisclosureResult = Annotated[Disclosure | Problem, strawberry.union("DisclosureResult")]
