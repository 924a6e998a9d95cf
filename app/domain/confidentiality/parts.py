"""The readable parts of a mentorship's record, and which of them are confidential."""

from __future__ import annotations

from enum import StrEnum


class ContentPart(StrEnum):
    """A readable part of a mentorship's record: confidential content first, then facts."""

    MEETING_NOTES = "meeting_notes"
    JOURNAL = "journal"
    EVALUATION_FREE_TEXT = "evaluation_free_text"
    AGREEMENT_CONCERNS = "agreement_concerns"
    NEEDS_ASSESSMENT = "needs_assessment"
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
        ContentPart.NEEDS_ASSESSMENT,
    }
)
