"""Examples of what a pair keeps, one module per record: agreements, meetings, goals,
evaluations, disclosures, progress and conclusion."""

from __future__ import annotations

from app.api.rest.examples.relationships.agreements import (
    AGREEMENT_READ,
    AGREEMENT_REGISTER_ENTRY_READ,
    AGREEMENT_VERSION_READ,
    SIGNATURE_READ,
)
from app.api.rest.examples.relationships.conclusion import (
    DEBRIEF_READ,
    PROGRESS_REPORT_READ,
)
from app.api.rest.examples.relationships.disclosures import (
    DISCLOSURE_CREATE,
    DISCLOSURE_READ,
)
from app.api.rest.examples.relationships.goals import (
    EVALUATION_READ,
    GOAL_READ,
    GOAL_UPDATE,
)
from app.api.rest.examples.relationships.meetings import (
    CALENDAR_ENTRY_READ,
    CALENDAR_FEED_READ,
    JOURNAL_ENTRY_READ,
    MEETING_LOG_READ,
    MEETING_READ,
)
from app.api.rest.examples.relationships.progress import (
    CHECKPOINT_READ,
    COMPLETION_CREATE,
    MENTORSHIP_PROGRESS_READ,
)

__all__ = [
    "AGREEMENT_READ",
    "AGREEMENT_REGISTER_ENTRY_READ",
    "AGREEMENT_VERSION_READ",
    "CALENDAR_ENTRY_READ",
    "CALENDAR_FEED_READ",
    "CHECKPOINT_READ",
    "COMPLETION_CREATE",
    "DEBRIEF_READ",
    "DISCLOSURE_CREATE",
    "DISCLOSURE_READ",
    "EVALUATION_READ",
    "GOAL_READ",
    "GOAL_UPDATE",
    "JOURNAL_ENTRY_READ",
    "MEETING_LOG_READ",
    "MEETING_READ",
    "MENTORSHIP_PROGRESS_READ",
    "PROGRESS_REPORT_READ",
    "SIGNATURE_READ",
]
