"""GraphQL types of programs, cohorts and applications, each built from a service record."""

from __future__ import annotations

from datetime import date
from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.context import context_of
from app.api.graphql.preconditions import ETAG, record_etag, version_etag
from app.domain.eligibility.facts import ApplicantRole as DomainApplicantRole
from app.domain.policy.presets import Preset as PresetRecord
from app.services.programs import records
from app.services.programs.cohort_view import CohortView
from app.services.versions import fingerprint

ApplicantRole = strawberry.enum(DomainApplicantRole, name="ApplicantRole")


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
    attendees: list[UUID] = strawberry.field(description="Recorded present")
    excused: list[UUID] = strawberry.field(
        description="Excused from it: an excused absence is not a missed session"
    )
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
            excused=list(e.excused),
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
    ends_on: date | None = strawberry.field(
        description="The first day past the cohort's term (its last day is the day before)"
    )
    applications_close_on: date | None
    applications_open_until: date | None = strawberry.field(
        description="The last day the cohort takes applications: `applicationsCloseOn` if set, "
        "else as the program's policy reads it (its start, or, where pairs form as people "
        "come, its last day: the day before `endsOn`); null: open while the cohort has no end"
    )
    etag: str = strawberry.field(
        description="The `ETag` REST answers for this cohort: `ifMatch` of `updateCohort`"
    )

    @classmethod
    def of(cls, c: CohortView) -> Cohort:
        return cls(
            id=c.id,
            program_id=c.program_id,
            name=c.name,
            starts_on=c.starts_on,
            ends_on=c.ends_on,
            applications_close_on=c.applications_close_on,
            applications_open_until=c.applications_open_until,
            etag=f'"{fingerprint(c.record)}"',
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
