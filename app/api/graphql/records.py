"""GraphQL fields of the records issue 23 adds: Charlotte's luncheon host volunteers, Maine's
protege consent, and kept agreement versions with the coordinator's file."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql import relationship_types as t
from app.api.graphql.built import build
from app.api.graphql.problems import Problem
from app.api.graphql.relationship_common import args, done, found
from app.api.graphql.relay import Connection, bounded
from app.api.pagination import by
from app.services.relationships import agreement_versions, disclosures, luncheon_groups


@strawberry.type(description="A cohort's volunteer luncheon hosts, first offered first")
class LuncheonHosts:
    cohort_id: UUID
    volunteers: list[UUID]


LuncheonHostsResult = Annotated[LuncheonHosts | Problem, strawberry.union("LuncheonHostsResult")]


def _hosts(found: Any) -> LuncheonHosts:
    return LuncheonHosts(cohort_id=found.cohort_id, volunteers=list(found.volunteers))


@strawberry.type(description="One kept version of a pair's agreement")
class AgreementVersion:
    mentorship_id: UUID
    version: int
    terms: JSON
    signatures: list[t.Signature]
    signed_by_both: bool
    withheld: list[str]
    written_at: datetime | None


@strawberry.type(description="A line of the coordinator's file of signed agreements")
class AgreementRegisterEntry:
    mentorship_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    title: str
    version: int
    signatures: list[t.Signature]
    signed_by_both: bool


def _signatures(found: Any) -> list[t.Signature]:
    return [build(t.Signature, s) for s in found.signatures]


@strawberry.type
class RecordsQuery:
    @strawberry.field(description="A cohort's volunteer luncheon hosts (coordinators)")
    async def luncheon_hosts(self, info: strawberry.Info, cohort_id: UUID) -> LuncheonHosts | None:
        work = luncheon_groups.list_luncheon_hosts(**args(info), cohort_id=cohort_id)
        return await found(work, _hosts)

    @strawberry.field(description="Every version of a pair's agreement, with its signatures")
    async def agreement_versions(
        self, info: strawberry.Info, mentorship_id: UUID
    ) -> list[AgreementVersion] | None:
        work = agreement_versions.list_agreement_versions(**args(info), mentorship_id=mentorship_id)
        return await found(
            work,
            lambda vs: [build(AgreementVersion, v, signatures=_signatures(v)) for v in vs],
        )

    @strawberry.field(description="A printable copy (HTML) of one version of the agreement")
    async def printable_agreement(
        self, info: strawberry.Info, mentorship_id: UUID, version: int | None = None
    ) -> str | None:
        work = agreement_versions.printable_agreement(
            **args(info), mentorship_id=mentorship_id, version=version
        )
        return await found(work, str)

    @strawberry.field(description="The coordinator's file of a cohort's signed agreements")
    async def agreement_register(
        self,
        info: strawberry.Info,
        cohort_id: UUID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[AgreementRegisterEntry] | None:
        work = agreement_versions.agreement_register(**args(info), cohort_id=cohort_id)
        return await found(
            work,
            lambda es: bounded(
                es,
                first,
                after,
                last,
                before,
                key=by("mentorship_id", "version"),
                make=lambda e: build(AgreementRegisterEntry, e, signatures=_signatures(e)),
            ),
        )


@strawberry.type
class RecordsMutation:
    @strawberry.mutation(description="A mentor of the cohort volunteers to host a luncheon once")
    async def volunteer_to_host_luncheon(
        self, info: strawberry.Info, cohort_id: UUID
    ) -> LuncheonHostsResult:
        work = luncheon_groups.volunteer_to_host(**args(info), cohort_id=cohort_id)
        return await done(work, _hosts)

    @strawberry.mutation(
        description="The protege grants or refuses a request to speak with their supervisor"
    )
    async def answer_disclosure_consent(
        self, info: strawberry.Info, id: UUID, grant: bool
    ) -> t.DisclosureResult:
        work = disclosures.answer_consent(**args(info), disclosure_id=id, grant=grant)
        return await done(work, t.disclosure)

    @strawberry.mutation(description="The protege acknowledges a safety disclosure about them")
    async def acknowledge_disclosure(self, info: strawberry.Info, id: UUID) -> t.DisclosureResult:
        work = disclosures.acknowledge_disclosure(**args(info, clock=True), disclosure_id=id)
        return await done(work, t.disclosure)
