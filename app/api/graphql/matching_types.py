"""GraphQL types of matching: runs, their proposals, locks and the mentors on offer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.mentorship_types import Mentorship
from app.api.graphql.relay import PageInfo
from app.services.programs import records
from app.services.volunteers import Volunteer as VolunteerRecord


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
            explanation=cast(JSON, p["explanation"]),
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
                refused_by=cast(JSON, u["refused_by"]),
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
                    refused_by=cast(JSON, m["refused_by"]),
                )
                for m in r.result.get("mentors_without_mentee", ())
            ],
            started_at=r.started_at,
            finished_at=r.finished_at,
            failure=None if r.failure is None else cast(JSON, dict(r.failure)),
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
