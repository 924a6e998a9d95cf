"""Every signed version of a pair's agreement, kept: the pair read each one and print it;
the coordinator keeps the file of signed agreements (NC 003 "Confidentiality": the program
coordinator keeps "a file of signed agreements"): who signed which version, when, and never
the pair's concerns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.access import Principal
from app.domain.agreement_copy import SignedBy, agreement_html
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.parts import ContentPart
from app.domain.errors import NotFound, PolicyError
from app.domain.policy.model import stored_policy
from app.services.ports import UnitOfWork
from app.services.relationships.agreements import CONCERNS
from app.services.relationships.pairs import Pair, audit_read, open_pair, readable
from app.services.relationships.records import Agreement, Signature

AT_MOST = 1_000_000


@dataclass(frozen=True, slots=True)
class AgreementVersion:
    """One version as the caller may read it (concerns withheld from all but the pair)."""

    mentorship_id: UUID
    version: int
    terms: dict[str, object]
    signatures: tuple[Signature, ...]
    signed_by_both: bool
    withheld: tuple[str, ...]
    written_at: datetime | None


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """A line of the coordinator's file: which pair's version, signed by whom, when."""

    mentorship_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    title: str
    version: int
    signatures: tuple[Signature, ...]
    signed_by_both: bool


async def list_agreement_versions(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> list[AgreementVersion]:
    """Every version of the agreement, oldest first, each with its own signatures."""
    async with uow:
        _, shown = await _versions(uow, principal, mentorship_id)
        await uow.commit()
    return shown


async def printable_agreement(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID, version: int | None = None
) -> str:
    """One version (the latest by default) as a printable HTML page, with the signers' names
    and dates."""
    async with uow:
        pair, shown = await _versions(uow, principal, mentorship_id)
        wanted = version if version is not None else max((v.version for v in shown), default=0)
        found = next((v for v in shown if v.version == wanted), None)
        if found is None:
            raise NotFound(f"no version {wanted} of this agreement", field="version")
        signers = await uow.employees.get_many([s.signed_by for s in found.signatures])
        await uow.commit()
    names = {e.id: f"{e.given_name} {e.family_name}" for e in signers}
    return agreement_html(
        title=pair.policy.agreement.title,
        version=found.version,
        sections=pair.policy.agreement.sections,
        terms=found.terms,
        signatures=[
            SignedBy(s.party, names.get(s.signed_by, "unknown"), s.signed_at)
            for s in found.signatures
        ],
        withheld=found.withheld,
    )


async def _versions(
    uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> tuple[Pair, list[AgreementVersion]]:
    scope = reach(principal, Resource.AGREEMENTS, Action.READ)
    pair = await open_pair(uow, principal, mentorship_id, scope)
    found = await uow.relationships.agreement_versions([mentorship_id])
    shown = [_shown(pair, principal, a) for a in found]
    read = sum(1 for v in shown if CONCERNS in v.terms)
    if read:
        await audit_read(uow, principal, pair, ContentPart.AGREEMENT_CONCERNS, read)
    return pair, shown


async def agreement_register(
    *, uow: UnitOfWork, principal: Principal, cohort_id: UUID
) -> list[RegisterEntry]:
    """The coordinator's file of signed agreements of a cohort: facts, never terms."""
    reach(principal, Resource.REPORTS, Action.READ)
    async with uow.read_only():
        cohort = await uow.programs.get_cohort(cohort_id)
        program = await uow.programs.get_program(cohort.program_id) if cohort else None
        if program is None:
            raise NotFound("no such cohort", field="id")
        if not program.policy.agreement.coordinator_keeps_file:
            raise PolicyError(
                "this program keeps no file of signed agreements",
                field="agreement.coordinator_keeps_file",
                rule="no_agreement_file",
            )
        pairs = await uow.programs.mentorships(cohort_id=cohort_id, limit=AT_MOST)
        by_id = {m.id: m for m in pairs}
        versions = await uow.relationships.agreement_versions(list(by_id)) if by_id else []
    return [
        RegisterEntry(
            mentorship_id=a.mentorship_id,
            mentee_id=by_id[a.mentorship_id].mentee_id,
            mentor_id=by_id[a.mentorship_id].mentor_id,
            title=stored_policy(by_id[a.mentorship_id].policy).agreement.title,
            version=a.version,
            signatures=a.signatures,
            signed_by_both=len({s.party for s in a.signatures}) == 2,
        )
        for a in versions
        if a.signatures
    ]


def _shown(pair: Pair, principal: Principal, agreement: Agreement) -> AgreementVersion:
    terms = dict(agreement.terms)
    withheld: tuple[str, ...] = ()
    if CONCERNS in terms and not readable(pair, principal, ContentPart.AGREEMENT_CONCERNS):
        terms.pop(CONCERNS)
        withheld = (CONCERNS,)
    return AgreementVersion(
        mentorship_id=agreement.mentorship_id,
        version=agreement.version,
        terms=terms,
        signatures=agreement.signatures,
        signed_by_both=len({s.party for s in agreement.signatures}) == 2,
        withheld=withheld,
        written_at=agreement.created_at,
    )
