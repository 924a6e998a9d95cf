"""GraphQL types of the programs area, each built from a service record."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import mentorship_relations as relations
from app.api.graphql import relationship_types as t
from app.api.graphql.context import context_of
from app.api.graphql.employees import Employee
from app.api.graphql.loaders import Loaders
from app.api.graphql.page_relations import Related
from app.api.graphql.preconditions import ETAG, record_etag, version_etag
from app.api.graphql.relay import PageInfo
from app.domain.eligibility.facts import ApplicantRole as DomainApplicantRole
from app.domain.policy.model import PairFormation as DomainPairFormation
from app.domain.policy.presets import Preset as PresetRecord
from app.services.programs import records
from app.services.versions import fingerprint
from app.services.volunteers import Volunteer as VolunteerRecord

ApplicantRole = strawberry.enum(DomainApplicantRole, name="ApplicantRole")
PairFormation = strawberry.enum(DomainPairFormation, name="PairFormation")


def _json(value: Any) -> JSON:
    return cast(JSON, value)


@strawberry.type
class Preset:
    key: str
    title: str
    description: str
    policy: JSON

    @classmethod
    def of(cls, p: PresetRecord) -> Preset:
        return cls(
            key=p.key, title=p.title, description=p.description, policy=_json(p.policy.to_dict())
        )


@strawberry.type
class Program:
    id: UUID
    name: str
    preset: str
    policy_version: int
    policy: JSON = strawberry.field(description="The effective policy")

    @classmethod
    def of(cls, p: records.Program) -> Program:
        return cls(
            id=p.id,
            name=p.name,
            preset=p.preset,
            policy_version=p.policy_version,
            policy=_json(p.policy.to_dict()),
        )

    @strawberry.field(description=f"{ETAG} (of `updateProgramPolicy`)")
    def etag(self) -> str:
        return version_etag(self.policy_version)


@strawberry.type
class CohortEvent:
    id: UUID
    cohort_id: UUID
    kind: str
    title: str
    starts_on: date
    ends_on: date | None
    attendees: list[UUID]
    record: strawberry.Private[records.CohortEvent]

    @classmethod
    def of(cls, e: records.CohortEvent) -> CohortEvent:
        return cls(
            id=e.id,
            cohort_id=e.cohort_id,
            kind=e.kind,
            title=e.title,
            starts_on=e.starts_on,
            ends_on=e.ends_on,
            attendees=list(e.attendees),
            record=e,
        )

    # Worked out only when asked for: a calendar read for its dates never pays for it.
    @strawberry.field(description=f"{ETAG} (of `moveCohortEvent`, `recordAttendance`)")
    def etag(self) -> str:
        return record_etag(self.record)


@strawberry.type
class Cohort:
    id: UUID
    program_id: UUID
    name: str
    starts_on: date
    ends_on: date | None
    applications_close_on: date | None
    etag: str = strawberry.field(
        description="The `ETag` REST answers for this cohort: `ifMatch` of `updateCohort`"
    )

    @classmethod
    def of(cls, c: records.Cohort) -> Cohort:
        return cls(
            id=c.id,
            program_id=c.program_id,
            name=c.name,
            starts_on=c.starts_on,
            ends_on=c.ends_on,
            applications_close_on=c.applications_close_on,
            etag=f'"{fingerprint(c)}"',
        )

    @strawberry.field(description="The cohort's calendar in date order, with attendance")
    async def events(self, info: strawberry.Info) -> list[CohortEvent]:
        found = await context_of(info).loaders.cohort_events.load(self.id)
        return [CohortEvent.of(e) for e in found]


@strawberry.type
class RuleOutcome:
    rule: str
    passed: bool
    reason: str


@strawberry.type
class Eligibility:
    eligible: bool
    rules: list[RuleOutcome]


@strawberry.type
class Application:
    id: UUID
    cohort_id: UUID
    employee_id: UUID
    role: ApplicantRole  # type: ignore[valid-type]
    profile: JSON
    capacity: int
    supervisor_approval: str | None
    overrides: JSON
    eligibility: Eligibility
    record: strawberry.Private[records.Application]

    @classmethod
    def of(cls, a: records.Application) -> Application:
        rules = [
            RuleOutcome(rule=r["rule"], passed=r["passed"], reason=r["reason"])
            for r in a.eligibility.get("rules", ())
        ]
        return cls(
            id=a.id,
            cohort_id=a.cohort_id,
            employee_id=a.employee_id,
            role=a.role,
            profile=_json(dict(a.profile)),
            capacity=a.capacity,
            supervisor_approval=a.supervisor_approval,
            overrides=_json([dict(o) for o in a.overrides]),
            eligibility=Eligibility(eligible=a.eligible, rules=rules),
            record=a,
        )

    @strawberry.field(
        description=f"{ETAG} (of `editApplication`, `rankShortlist`, "
        "`decideSupervisorApproval`, `overrideEligibility`)"
    )
    def etag(self) -> str:
        return record_etag(self.record)


@strawberry.type
class RunnerUp:
    mentor_id: UUID
    score: float


@strawberry.type
class Proposal:
    mentee_id: UUID
    mentor_id: UUID
    score: float
    locked: bool
    explanation: JSON = strawberry.field(description="Rules passed and the score by term")
    runners_up: list[RunnerUp]

    @classmethod
    def of(cls, p: Mapping[str, Any]) -> Proposal:
        return cls(
            mentee_id=UUID(p["mentee_id"]),
            mentor_id=UUID(p["mentor_id"]),
            score=p["score"],
            locked=p["locked"],
            explanation=_json(p["explanation"]),
            runners_up=[
                RunnerUp(mentor_id=UUID(u["mentor_id"]), score=u["score"]) for u in p["runners_up"]
            ],
        )


@strawberry.type
class ProposalEdge:
    cursor: str
    node: Proposal


@strawberry.type(description="A page of a matching run's proposals, in mentee id order")
class ProposalConnection:
    edges: list[ProposalEdge]
    page_info: PageInfo


@strawberry.type
class Unmatched:
    mentee_id: UUID
    reason: str
    refused_by: JSON


@strawberry.type
class SupervisoryLine:
    reading: str | None
    rule: str


@strawberry.type
class IdleMentor:
    mentor_id: UUID
    reason: str
    refused_by: JSON


@strawberry.type
class MatchingRun:
    id: UUID
    cohort_id: UUID
    state: str = strawberry.field(
        description="queued or computing (in the background; proposals empty until then), "
        "computed, failed (see `failure`), or published"
    )
    policy_version: int
    proposals: list[Proposal]
    unmatched: list[Unmatched]
    total_score: float
    created_by: str = strawberry.field(
        description="Who ran it: the employee behind the token, or an integration token's label"
    )
    created_at: datetime | None
    published_at: datetime | None
    supervisory_line: SupervisoryLine | None = strawberry.field(
        default=None, description="Which supervisory reading the run applied (its handbook's)"
    )
    mentors_without_mentee: list[IdleMentor] = strawberry.field(
        default_factory=list, description="Eligible mentors who got no mentee, and why"
    )
    started_at: datetime | None = strawberry.field(
        default=None, description="When its computation (last) began"
    )
    finished_at: datetime | None = strawberry.field(
        default=None, description="When it was computed, or failed"
    )
    failure: JSON | None = strawberry.field(
        default=None, description="Why it failed: an RFC 9457 problem document"
    )

    @classmethod
    def of(cls, r: records.MatchingRun) -> MatchingRun:
        proposals = [Proposal.of(p) for p in r.result.get("proposals", ())]
        unmatched = [
            Unmatched(
                mentee_id=UUID(u["mentee_id"]),
                reason=u["reason"],
                refused_by=_json(u["refused_by"]),
            )
            for u in r.result.get("unmatched", ())
        ]
        return cls(
            id=r.id,
            cohort_id=r.cohort_id,
            state=r.state,
            policy_version=r.policy_version,
            proposals=proposals,
            unmatched=unmatched,
            total_score=r.result.get("total_score", 0.0),
            created_by=r.created_by,
            created_at=r.created_at,
            published_at=r.published_at,
            supervisory_line=_supervisory_line(r.result.get("supervisory_line")),
            mentors_without_mentee=[
                IdleMentor(
                    mentor_id=UUID(m["mentor_id"]),
                    reason=m["reason"],
                    refused_by=_json(m["refused_by"]),
                )
                for m in r.result.get("mentors_without_mentee", ())
            ],
            started_at=r.started_at,
            finished_at=r.finished_at,
            failure=None if r.failure is None else _json(dict(r.failure)),
        )


def _supervisory_line(stored: Any) -> SupervisoryLine | None:
    if not stored:
        return None
    return SupervisoryLine(reading=stored["reading"], rule=stored["rule"])


@strawberry.type
class MatchLock:
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    locked_by: str


def _policy(root: Mentorship) -> JSON:
    return _json(dict(root.record.policy))


def _explanation(root: Mentorship) -> JSON:
    return _json(dict(root.record.explanation))


@strawberry.type
class Mentorship:
    id: UUID
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    state: str
    formed_by: str
    matching_run_id: UUID | None
    starts_on: date
    ends_on: date
    checkpoint_due_on: date | None
    policy_version: int
    record: strawberry.Private[records.Mentorship]
    # The documents are decoded only when asked for: a dashboard of pairs never reads them.
    policy: JSON = strawberry.field(
        resolver=_policy, description="The policy snapshot it lives under"
    )
    explanation: JSON = strawberry.field(resolver=_explanation)
    # The relations without arguments: answers ready when the page loaded them for all its
    # nodes at once, else loaded when selected (see mentorship_relations).
    mentee: relations.Answer[Employee] = strawberry.field(
        graphql_type=Employee | None, description="Null when the caller may not see this employee"
    )
    mentor: relations.Answer[Employee] = strawberry.field(
        graphql_type=Employee | None, description="Null when the caller may not see this employee"
    )
    goals: relations.Answer[relations.GoalConnection] = relations.GOALS
    last_meeting: relations.Answer[t.Meeting] = strawberry.field(
        graphql_type=t.Meeting | None,
        description="The latest meeting not cancelled; what was said only for those who may "
        "read it (facts for the rest); null when none or out of reach",
    )
    progress: relations.Answer[t.MentorshipProgress] = strawberry.field(
        graphql_type=t.MentorshipProgress | None,
        description="Facts: confirmations, signatures, timeline, checkpoint outcome (the "
        "cadence signal is on `mentorshipProgress`)",
    )
    # The relations its page loaded for all its nodes at once; None: each loads its own.
    related: strawberry.Private[Related | None] = None

    @classmethod
    def of(
        cls, m: records.Mentorship, loaders: Loaders, related: Related | None = None
    ) -> Mentorship:
        return cls(
            id=m.id,
            cohort_id=m.cohort_id,
            mentee_id=m.mentee_id,
            mentor_id=m.mentor_id,
            state=m.state,
            formed_by=m.formed_by,
            matching_run_id=m.matching_run_id,
            starts_on=m.starts_on,
            ends_on=m.ends_on,
            checkpoint_due_on=m.checkpoint_due_on,
            policy_version=m.policy_version,
            record=m,
            mentee=relations.person(loaders, related, m.mentee_id),
            mentor=relations.person(loaders, related, m.mentor_id),
            last_meeting=relations.last_meeting(loaders, related, m.id),
            progress=relations.progress(loaders, related, m.id),
            related=related,
        )


@strawberry.type
class MentorshipEdge:
    cursor: str
    node: Mentorship


@strawberry.type
class MentorshipConnection:
    edges: list[MentorshipEdge]
    page_info: PageInfo


@strawberry.type
class PublishedRun:
    matching_run_id: UUID
    mentorships: list[Mentorship]


@strawberry.type
class SuggestedMentor:
    mentor_id: UUID
    score: float
    explanation: JSON


@strawberry.type
class Volunteer:
    employee_id: UUID
    name: str
    job_title: str | None
    department: str
    profile: JSON
    open_places: int

    @classmethod
    def of(cls, v: VolunteerRecord) -> Volunteer:
        return cls(
            employee_id=v.employee_id,
            name=v.name,
            job_title=v.job_title,
            department=v.department,
            profile=cast(JSON, v.profile),
            open_places=v.open_places,
        )
