"""Who may read what about a mentorship, and Maine's recorded disclosures (seed 004).

What mentor and mentee say to each other is confidential before, during and after the
relationship (seeds 000/001); coordinators see facts (dates, hours, states), not content.
Seed 004 names four exceptions; each is recorded as a `Disclosure`, and a disclosure lets
its recipients read exactly the parts it names, nothing more.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.domain.errors import InvalidInput


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


class ContentPart(StrEnum):
    """A readable part of a mentorship's record: confidential content first, then facts."""

    MEETING_NOTES = "meeting_notes"
    JOURNAL = "journal"
    EVALUATION_FREE_TEXT = "evaluation_free_text"
    AGREEMENT_CONCERNS = "agreement_concerns"
    MEETING_FACTS = "meeting_facts"
    AGREEMENT_SIGNED = "agreement_signed"
    MENTORSHIP_STATE = "mentorship_state"
    CHECKUP_SCORES_AGGREGATE = "checkup_scores_aggregate"
    SUPERVISOR_APPROVAL = "supervisor_approval"
    DISCLOSURE_RECORD = "disclosure_record"


CONFIDENTIAL_PARTS = frozenset(
    {
        ContentPart.MEETING_NOTES,
        ContentPart.JOURNAL,
        ContentPart.EVALUATION_FREE_TEXT,
        ContentPart.AGREEMENT_CONCERNS,
    }
)


class ViewerRelation(StrEnum):
    """How the person asking stands to the mentorship whose record they ask for."""

    MENTEE = "mentee"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"
    ADMINISTRATOR = "administrator"
    ORG_ADMIN = "org_admin"
    COMMITTEE = "committee"
    SUPERVISOR_OF_MENTEE = "supervisor_of_mentee"
    OTHER_PARTICIPANT = "other_participant"
    INTEGRATION = "integration"
    DISCLOSURE_RECIPIENT = "disclosure_recipient"


class DisclosureRecipient(StrEnum):
    """Whom seed 004 lets a confidence go to."""

    ADMINISTRATOR = "administrator"
    SUPERVISOR = "supervisor"


class DisclosingParty(StrEnum):
    """Which side of the pair made the disclosure."""

    MENTOR = "mentor"
    MENTEE = "mentee"


_R = ViewerRelation
_PAIR = frozenset({_R.MENTEE, _R.MENTOR})
_PROGRAM_STAFF = frozenset({_R.COORDINATOR, _R.ADMINISTRATOR, _R.ORG_ADMIN})

# Default readers per part. Evaluation free text is decided separately (the respondent).
_READERS: dict[ContentPart, frozenset[ViewerRelation]] = {
    ContentPart.MEETING_NOTES: _PAIR,
    ContentPart.JOURNAL: frozenset({_R.MENTEE}),
    ContentPart.AGREEMENT_CONCERNS: _PAIR,
    ContentPart.MEETING_FACTS: _PAIR | _PROGRAM_STAFF,
    ContentPart.AGREEMENT_SIGNED: _PAIR | _PROGRAM_STAFF,
    ContentPart.MENTORSHIP_STATE: _PAIR
    | _PROGRAM_STAFF
    | {_R.COMMITTEE, _R.SUPERVISOR_OF_MENTEE, _R.INTEGRATION},
    ContentPart.CHECKUP_SCORES_AGGREGATE: _PROGRAM_STAFF | {_R.COMMITTEE},
    # The supervisor sees the approval they gave for their own report (Caltrans), no more.
    ContentPart.SUPERVISOR_APPROVAL: _PROGRAM_STAFF | {_R.MENTEE, _R.SUPERVISOR_OF_MENTEE},
    # Seed 004: each disclosure is visible to the protege; staff keep the file.
    ContentPart.DISCLOSURE_RECORD: _PAIR | _PROGRAM_STAFF,
}

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


@dataclass(frozen=True, slots=True)
class Viewer:
    """The person asking: their relation to the mentorship, their id, and authorship."""

    relation: ViewerRelation
    person_id: Hashable | None = None
    is_respondent: bool = False  # wrote the evaluation whose free text is asked for


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


@dataclass(frozen=True, slots=True)
class AccessDecision:
    """May the viewer read the part, and why (or why not)."""

    allowed: bool
    reason: str
    granted_by: DisclosureKind | None = None


def may_read(
    viewer: Viewer,
    part: ContentPart,
    disclosures: Iterable[Disclosure] = (),
    *,
    evaluations_shared_with_pair: bool = False,
    written_on: date | None = None,
    item: Hashable | None = None,
) -> AccessDecision:
    """Decide whether `viewer` may read `part` of one mentorship's record.

    `disclosures` are the mentorship's recorded exceptions; one lets its recipients read
    the parts it names, as they stood when it was made (``written_on``: the item's date).
    The journal is the mentee's alone whatever was disclosed (001).
    """
    relation = viewer.relation
    if part is ContentPart.JOURNAL:
        if relation is _R.MENTEE:
            return AccessDecision(True, "the journal is the mentee's own")
        return AccessDecision(False, "the journal is readable by the mentee alone")
    if _default_allows(viewer, part, evaluations_shared_with_pair):
        return AccessDecision(True, f"a {relation.value} may read the {part.value}")
    for disclosure in disclosures:
        if disclosure.grants(viewer.person_id, part, written_on, item):
            return AccessDecision(
                True,
                f"disclosed to this reader under {disclosure.kind.value}",
                granted_by=disclosure.kind,
            )
    if part in CONFIDENTIAL_PARTS:
        reason = f"the {part.value} is confidential; a {relation.value} sees facts only"
    else:
        reason = f"a {relation.value} may not read the {part.value}"
    return AccessDecision(False, reason)


def _default_allows(viewer: Viewer, part: ContentPart, shared_with_pair: bool) -> bool:
    if part is ContentPart.EVALUATION_FREE_TEXT:
        if viewer.relation not in _PAIR:
            return False
        return viewer.is_respondent or shared_with_pair
    return viewer.relation in _READERS[part]


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
        if not _default_allows(discloser, part, shared_with_pair=False):
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
