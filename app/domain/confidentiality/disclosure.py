"""A recorded confidentiality exception (seed 004), and what it lets its recipients read."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.domain.confidentiality.parts import ContentPart


class DisclosureKind(StrEnum):
    """Maine MMS's four confidentiality exceptions (seed 004)."""

    ADVICE_FROM_ADMINISTRATOR = "advice_from_administrator"
    SUPERVISOR_WITH_APPROVAL = "supervisor_with_approval"
    RELATIONSHIP_NOT_WORKING = "relationship_not_working"
    SAFETY_AT_RISK = "safety_at_risk"


class Consent(StrEnum):
    """The protege's answer to a disclosure that needs their approval (004 exception 2)."""

    NOT_NEEDED = "not_needed"
    REQUESTED = "requested"
    GRANTED = "granted"
    REFUSED = "refused"


class DisclosureRecipient(StrEnum):
    """Whom seed 004 lets a confidence go to."""

    ADMINISTRATOR = "administrator"
    SUPERVISOR = "supervisor"


class DisclosingParty(StrEnum):
    """Which side of the pair made the disclosure."""

    MENTOR = "mentor"
    MENTEE = "mentee"


@dataclass(frozen=True, slots=True)
class Recipient:
    """One person a confidence went to, in the role seed 004 allows."""

    role: DisclosureRecipient
    person_id: Hashable


@dataclass(frozen=True, slots=True)
class Disclosure:
    """A recorded confidentiality exception: who told whom what, about whom, why and when."""

    kind: DisclosureKind
    by: Hashable
    by_party: DisclosingParty
    to: tuple[Recipient, ...]
    about: Hashable
    parts: frozenset[ContentPart]
    description: str
    purpose: str
    occurred_at: datetime
    protege_consent: bool
    protege_informed: bool
    consent: Consent = Consent.NOT_NEEDED
    acknowledged_at: datetime | None = None
    meetings: frozenset[Hashable] = frozenset()  # the meetings named, if the mentor chose some

    def grants(
        self,
        person_id: Hashable | None,
        part: ContentPart,
        written_on: date | None = None,
        item: Hashable | None = None,
    ) -> bool:
        """Whether this disclosure lets `person_id` read `part` (written on ``written_on``):
        only once the protege has approved it where approval is needed, and only what existed
        when it was made: the mentor shares what they choose, not every later note (004)."""
        if person_id is None or part not in self.parts:
            return False
        if self.consent in (Consent.REQUESTED, Consent.REFUSED):
            return False
        if written_on is not None and written_on > self.occurred_at.date():
            return False
        if self.meetings and item is not None and item not in self.meetings:
            return False
        return any(r.person_id == person_id for r in self.to)
