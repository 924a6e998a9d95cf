"""Who asks to read a mentorship's record, and who reads each part when nothing was disclosed."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.confidentiality.parts import ContentPart


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


@dataclass(frozen=True, slots=True)
class Viewer:
    """The person asking: their relation to the mentorship, their id, and authorship."""

    relation: ViewerRelation
    person_id: Hashable | None = None
    is_respondent: bool = False  # wrote the evaluation whose free text is asked for


_R = ViewerRelation
_PAIR = frozenset({_R.MENTEE, _R.MENTOR})
_PROGRAM_STAFF = frozenset({_R.COORDINATOR, _R.ADMINISTRATOR, _R.ORG_ADMIN})

# Default readers per part. Evaluation free text is decided separately (the respondent).
_READERS: dict[ContentPart, frozenset[ViewerRelation]] = {
    ContentPart.MEETING_NOTES: _PAIR,
    ContentPart.JOURNAL: frozenset({_R.MENTEE}),
    ContentPart.AGREEMENT_CONCERNS: _PAIR,
    # 003: the mentee provides the form "to the Mentor"; staff see that it was provided.
    ContentPart.NEEDS_ASSESSMENT: _PAIR,
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


def default_allows(viewer: Viewer, part: ContentPart, shared_with_pair: bool) -> bool:
    """Whether ``viewer`` reads ``part`` without any disclosure (``shared_with_pair``: the
    program shows evaluation free text to both sides, not only to its respondent)."""
    if part is ContentPart.EVALUATION_FREE_TEXT:
        if viewer.relation not in _PAIR:
            return False
        return viewer.is_respondent or shared_with_pair
    return viewer.relation in _READERS[part]
