"""The protege's own acts on a disclosure about them (004): "with the protege's approval" is
the protege granting or refusing the mentor's request, and "with the protege's knowledge" is
the protege acknowledging a safety disclosure, each recorded from the protege themselves."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from datetime import datetime

from app.domain.confidentiality.disclosure import Consent, Disclosure, DisclosureKind
from app.domain.errors import Conflict, InvalidInput, NotPermitted


def answer_consent(disclosure: Disclosure, *, by: Hashable, grant: bool) -> Disclosure:
    """The protege, and only the protege, grants or refuses a requested disclosure, once."""
    if by != disclosure.about:
        raise NotPermitted("only the protege can answer this request", rule="protege_only")
    if disclosure.consent is not Consent.REQUESTED:
        raise Conflict(
            f"this disclosure's consent is {disclosure.consent.value}", rule="consent_answered"
        )
    answer = Consent.GRANTED if grant else Consent.REFUSED
    return replace(disclosure, consent=answer, protege_consent=grant)


def acknowledge(disclosure: Disclosure, *, by: Hashable, at: datetime) -> Disclosure:
    """The protege records that they know of a safety disclosure (004 exception 4)."""
    if by != disclosure.about:
        raise NotPermitted("only the protege can acknowledge it", rule="protege_only")
    if disclosure.kind is not DisclosureKind.SAFETY_AT_RISK:
        raise InvalidInput(
            "only a safety disclosure is acknowledged", field="id", rule="not_a_safety_disclosure"
        )
    if disclosure.acknowledged_at is not None:
        raise Conflict("already acknowledged", rule="already_acknowledged")
    return replace(disclosure, acknowledged_at=at)
