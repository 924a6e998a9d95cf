"""A Maine pair's contacts with the administrator, as the recommendation rule reads them."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import UTC, datetime
from typing import Any

from app.domain.confidentiality.disclosure import (
    DisclosingParty,
    Disclosure,
    DisclosureKind,
    DisclosureRecipient,
    Recipient,
)

MENTEE, MENTOR, STRANGER, ADMINISTRATOR = "mentee", "mentor", "someone-else", "administrator"
PAIR = frozenset({MENTEE, MENTOR})
TOLD_ON = datetime(2024, 9, 1, 8, tzinfo=UTC)


def not_working(
    by: Hashable = MENTEE,
    *,
    at: datetime = TOLD_ON,
    kind: DisclosureKind = DisclosureKind.RELATIONSHIP_NOT_WORKING,
) -> Disclosure:
    """``by`` tells the administrator, at ``at``, that the relationship is not working."""
    party = DisclosingParty.MENTOR if by == MENTOR else DisclosingParty.MENTEE
    return Disclosure(
        kind=kind,
        by=by,
        by_party=party,
        to=(Recipient(DisclosureRecipient.ADMINISTRATOR, ADMINISTRATOR),),
        about=MENTEE,
        parts=frozenset(),
        description="we never find time",
        purpose="",
        occurred_at=at,
        protege_consent=False,
        protege_informed=False,
    )


# The keyword arguments of a recommendation that answers the protégé's contact.
CONTACTED: dict[str, Any] = {"contacts": {"told": not_working()}, "participants": PAIR}
