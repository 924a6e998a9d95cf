"""The GraphQL type of a mentorship, with its relations and its page."""

from __future__ import annotations

from datetime import date
from typing import cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import mentorship_relations as relations
from app.api.graphql import relationship_types as t
from app.api.graphql.employees import Employee
from app.api.graphql.loaders import Loaders
from app.api.graphql.page_relations import Related
from app.api.graphql.relay import PageInfo
from app.domain.policy.model import PairFormation as DomainPairFormation
from app.services.programs import records

PairFormation = strawberry.enum(DomainPairFormation, name="PairFormation")


def _policy(root: Mentorship) -> JSON:
    return cast(JSON, dict(root.record.policy))


def _explanation(root: Mentorship) -> JSON:
    return cast(JSON, dict(root.record.explanation))


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
