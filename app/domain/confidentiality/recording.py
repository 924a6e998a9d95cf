"""Seed 004's rules for recording a disclosure: who may disclose under each exception, to
whom, what, and what the protege must know or approve."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import datetime

from app.domain.confidentiality.disclosure import (
    Consent,
    DisclosingParty,
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
    Recipient,
)
from app.domain.confidentiality.parts import ContentPart
from app.domain.confidentiality.viewers import Viewer, ViewerRelation, default_allows
from app.domain.errors import InvalidInput

# Seed 004: who may disclose under each exception, and to whom.
_DISCLOSERS: dict[DisclosureKind, frozenset[DisclosingParty]] = {
    DisclosureKind.ADVICE_FROM_ADMINISTRATOR: frozenset({DisclosingParty.MENTOR}),
    DisclosureKind.SUPERVISOR_WITH_APPROVAL: frozenset({DisclosingParty.MENTOR}),
    DisclosureKind.RELATIONSHIP_NOT_WORKING: frozenset(DisclosingParty),
    DisclosureKind.SAFETY_AT_RISK: frozenset({DisclosingParty.MENTOR}),
}
_RECIPIENTS: dict[DisclosureKind, frozenset[DisclosureRecipient]] = {
    DisclosureKind.ADVICE_FROM_ADMINISTRATOR: frozenset({DisclosureRecipient.ADMINISTRATOR}),
    DisclosureKind.SUPERVISOR_WITH_APPROVAL: frozenset({DisclosureRecipient.SUPERVISOR}),
    DisclosureKind.RELATIONSHIP_NOT_WORKING: frozenset({DisclosureRecipient.ADMINISTRATOR}),
    DisclosureKind.SAFETY_AT_RISK: frozenset(DisclosureRecipient),
}


def record_disclosure(
    *,
    kind: DisclosureKind,
    by: Hashable,
    by_party: DisclosingParty,
    to: Iterable[Recipient],
    about: Hashable,
    occurred_at: datetime,
    allowed: frozenset[DisclosureKind],
    parts: Iterable[ContentPart] = (),
    description: str = "",
    purpose: str = "",
    protege_consent: bool = False,
    protege_informed: bool = False,
    meetings: Iterable[Hashable] = (),
) -> Disclosure:
    """Validate and build a disclosure under one of seed 004's exceptions, or refuse it.

    Raises InvalidInput naming the unmet requirement (its `rule` is the kind).
    """
    recipients = tuple(to)
    named_parts = frozenset(parts)
    _check_kind_and_parties(kind, by_party, recipients, allowed)
    _check_what(kind, by_party, named_parts, description, occurred_at)
    _check_protege_side(kind, purpose, protege_consent, protege_informed)
    needs_approval = kind is DisclosureKind.SUPERVISOR_WITH_APPROVAL
    return Disclosure(
        kind=kind,
        by=by,
        by_party=by_party,
        to=recipients,
        about=about,
        parts=named_parts,
        description=description.strip(),
        purpose=purpose.strip(),
        occurred_at=occurred_at,
        protege_consent=False,
        protege_informed=protege_informed,
        consent=Consent.REQUESTED if needs_approval else Consent.NOT_NEEDED,
        meetings=frozenset(meetings),
    )


def _refuse(kind: DisclosureKind, detail: str, field: str) -> InvalidInput:
    return InvalidInput(detail, field=field, rule=kind.value)


def _check_kind_and_parties(
    kind: DisclosureKind,
    by_party: DisclosingParty,
    recipients: tuple[Recipient, ...],
    allowed: frozenset[DisclosureKind],
) -> None:
    if kind not in allowed:
        raise _refuse(kind, f"this program does not allow {kind.value} disclosures", "kind")
    if by_party not in _DISCLOSERS[kind]:
        raise _refuse(kind, f"a {by_party.value} may not disclose under {kind.value}", "by_party")
    if not recipients:
        raise _refuse(kind, "a disclosure must name its recipient", "to")
    permitted = _RECIPIENTS[kind]
    for recipient in recipients:
        if recipient.role not in permitted:
            roles = " or ".join(sorted(r.value for r in permitted))
            raise _refuse(kind, f"{kind.value} may only go to the {roles}", "to")


def _check_what(
    kind: DisclosureKind,
    by_party: DisclosingParty,
    parts: frozenset[ContentPart],
    description: str,
    occurred_at: datetime,
) -> None:
    if occurred_at.tzinfo is None or occurred_at.utcoffset() is None:
        raise _refuse(kind, "occurred_at must be timezone-aware", "occurred_at")
    if not parts and not description.strip():
        raise _refuse(kind, "a disclosure must say what was disclosed", "description")
    # Nobody can pass on what they could not read themselves; the journal never leaves.
    discloser = Viewer(ViewerRelation(by_party.value), is_respondent=True)
    for part in sorted(parts):
        if not default_allows(discloser, part, shared_with_pair=False):
            raise _refuse(kind, f"a {by_party.value} cannot disclose the {part.value}", "parts")


def _check_protege_side(
    kind: DisclosureKind,
    purpose: str,
    protege_consent: bool,
    protege_informed: bool,
) -> None:
    # 004: "with the protege's approval" is the protege's own act: a request is sent to them.
    if protege_consent:
        detail = "the protege gives approval themselves, answering the request sent to them"
        raise _refuse(kind, detail, "protege_consent")
    if kind is DisclosureKind.SUPERVISOR_WITH_APPROVAL and not purpose.strip():
        raise _refuse(kind, "speaking to the supervisor needs an agreed purpose", "purpose")
    if kind is DisclosureKind.SAFETY_AT_RISK and not protege_informed:
        detail = "a safety disclosure is made with the protege's knowledge"
        raise _refuse(kind, detail, "protege_informed")
