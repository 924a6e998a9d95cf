"""The pair's written agreement in the policy's form (Charlotte's Mentoring Relationship
Agreement, Caltrans' contract, NC's agreement): versioned, each participant signs each
version, an amendment needs both signatures again; coordinators see that it is signed,
never the "concerns" the pair wrote down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.agreed_term import agreed_term, term_change, term_notice
from app.domain.agreement_terms import check_required_sections, check_terms
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.confidentiality.parts import ContentPart
from app.domain.errors import PreconditionFailed, TransitionRefused
from app.domain.lifecycle import activation
from app.domain.lifecycle.parties import PARTICIPANTS
from app.domain.lifecycle.status import MentorshipStatus
from app.services.ports import Clock, UnitOfWork
from app.services.relationships.pairs import (
    Pair,
    audit_read,
    open_pair,
    participant,
    readable,
    save_transition,
)
from app.services.relationships.records import Agreement, Signature

CONCERNS = "concerns"  # 000 agreement: "concerns" is what the pair keep between themselves


@dataclass(frozen=True, slots=True)
class AgreementView:
    """An agreement as the caller may see it (`terms` without what they may not read)."""

    mentorship_id: UUID
    title: str
    sections: tuple[str, ...]
    version: int
    terms: Mapping[str, Any]
    signatures: tuple[Signature, ...]
    signed_by_both: bool
    withheld: tuple[str, ...]
    written_at: datetime | None
    # The stated term is shorter than the policy recommends (002 FAQ, 003 "Duration"): a
    # fact the pair and the coordinator both see; the term is accepted all the same.
    term_notice: str | None


async def write_agreement(
    *,
    uow: UnitOfWork,
    principal: Principal,
    mentorship_id: UUID,
    terms: Mapping[str, str],
    if_version: int | None = None,
) -> AgreementView:
    """A new version of the agreement's terms; any earlier signatures no longer count.
    `if_version` (an `If-Match`): refused as stale unless the agreement is still at it."""
    scope = reach(principal, Resource.AGREEMENTS, Action.WRITE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        author = participant(pair)
        if pair.status.is_terminal:
            raise TransitionRefused(
                f"the mentorship is {pair.status.state}; that is final", rule="terminal_state"
            )
        check_terms(pair.policy.agreement, terms)
        agreed_term(pair.policy, terms)  # a term the pair could never sign is refused now
        current = await uow.relationships.agreement(mentorship_id)
        # The pair's row is locked above, so no other writer slips in between.
        if if_version is not None and (current.version if current else 0) != if_version:
            raise PreconditionFailed(
                "the agreement changed since it was read; read it again", field="If-Match"
            )
        version = current.version + 1 if current else 1
        assert principal.employee_id is not None
        await uow.relationships.add_agreement(
            Agreement(mentorship_id, version, dict(terms), principal.employee_id)
        )
        await save_transition(uow, principal, pair, activation.amend_agreement(pair.status))
        await uow.access.record(
            AuditEvent.by(
                principal,
                "agreement.written",
                "mentorship",
                mentorship_id,
                version=version,
                by=author.value,
            )
        )
        await uow.outbox.emit(
            "agreement.written", {"mentorship_id": str(mentorship_id), "version": version}
        )
        view = await _view(uow, principal, pair)
        await uow.commit()
    return view


async def sign_agreement(
    *,
    uow: UnitOfWork,
    principal: Principal,
    clock: Clock,
    mentorship_id: UUID,
    if_version: int | None = None,
) -> AgreementView:
    """The caller signs the current version (once); `active` when both have, where required.
    `if_version` (an `If-Match`): refused as stale unless the agreement is still the version
    the caller read, so nobody signs terms they have not seen."""
    scope = reach(principal, Resource.AGREEMENTS, Action.WRITE)
    async with uow.holding_pair(mentorship_id):
        pair = await open_pair(uow, principal, mentorship_id, scope)
        party = participant(pair)
        current = await uow.relationships.agreement(mentorship_id)
        if current is None:
            raise TransitionRefused("there is no agreement to sign yet", rule="no_agreement")
        if if_version is not None and current.version != if_version:
            raise PreconditionFailed(
                "the agreement changed since it was read; read it again", field="If-Match"
            )
        check_required_sections(pair.policy.agreement, current.terms)
        now = clock.now()
        transition = activation.sign_agreement(pair.status, by=party, today=now.date())
        assert principal.employee_id is not None
        signature = Signature(party.value, principal.employee_id, now)
        if not await uow.relationships.add_signature(mentorship_id, current.version, signature):
            raise TransitionRefused(f"the {party} has already signed", rule="already_signed")
        await save_transition(uow, principal, pair, transition)
        if transition.status.agreement_signed_by >= PARTICIPANTS:
            await _apply_term(uow, principal, pair, transition.status, current, now.date())
        pair = await open_pair(uow, principal, mentorship_id, scope)
        view = await _view(uow, principal, pair)
        await uow.commit()
    return view


async def get_agreement(
    *, uow: UnitOfWork, principal: Principal, mentorship_id: UUID
) -> AgreementView:
    """The current agreement; staff see its terms and signatures, not the pair's concerns."""
    scope = reach(principal, Resource.AGREEMENTS, Action.READ)
    async with uow:
        pair = await open_pair(uow, principal, mentorship_id, scope)
        view = await _view(uow, principal, pair)
        await uow.commit()
    return view


async def _apply_term(
    uow: UnitOfWork,
    principal: Principal,
    pair: Pair,
    signed: MentorshipStatus,
    agreement: Agreement,
    today: date,
) -> None:
    """Both signed: a term the agreement states (Caltrans) moves the end and every date derived
    from it, in the signature's transaction."""
    timeline = term_change(signed, agreed_term(pair.policy, agreement.terms), today)
    if timeline is None:
        return
    await uow.relationships.set_term(pair.id, timeline.ends_on)
    facts = {"months": timeline.duration_months, "ends_on": timeline.ends_on.isoformat()}
    await uow.access.record(
        AuditEvent.by(principal, "mentorship.term_agreed", "mentorship", pair.id, **facts)
    )
    await uow.outbox.emit("mentorship.term_agreed", {"mentorship_id": str(pair.id), **facts})


async def _view(uow: UnitOfWork, principal: Principal, pair: Pair) -> AgreementView:
    current = await uow.relationships.agreement(pair.id)
    terms = dict(current.terms) if current else {}
    withheld: tuple[str, ...] = ()
    if CONCERNS in terms:
        if readable(pair, principal, ContentPart.AGREEMENT_CONCERNS):
            await audit_read(uow, principal, pair, ContentPart.AGREEMENT_CONCERNS, 1)
        else:
            terms.pop(CONCERNS)
            withheld = (CONCERNS,)
    signatures = current.signatures if current else ()
    return AgreementView(
        mentorship_id=pair.id,
        title=pair.policy.agreement.title,
        sections=pair.policy.agreement.sections,
        version=current.version if current else 0,
        terms=terms,
        signatures=signatures,
        signed_by_both=len({s.party for s in signatures}) == 2,
        withheld=withheld,
        written_at=current.created_at if current else None,
        term_notice=term_notice(pair.policy, terms),
    )
