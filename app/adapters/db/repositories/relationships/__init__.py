"""Repository of running a mentorship, one module per record it keeps. Every statement is
scoped to one organisation."""

from __future__ import annotations

from app.adapters.db.repositories.relationships.agreements import SqlAgreementRecords
from app.adapters.db.repositories.relationships.cohorts import SqlCohortRecords
from app.adapters.db.repositories.relationships.conclusion import SqlConclusionRecords
from app.adapters.db.repositories.relationships.disclosures import SqlDisclosureRecords
from app.adapters.db.repositories.relationships.goals import SqlGoalRecords
from app.adapters.db.repositories.relationships.meetings import SqlMeetingRecords
from app.adapters.db.repositories.relationships.progress import SqlProgressRecords


class SqlRelationshipRepository(
    SqlProgressRecords,
    SqlAgreementRecords,
    SqlMeetingRecords,
    SqlGoalRecords,
    SqlDisclosureRecords,
    SqlConclusionRecords,
    SqlCohortRecords,
):
    """A mentorship's progress and records, for one organisation."""


__all__ = ["SqlRelationshipRepository"]
