"""Matching runs, locked pairs and mentorships of one organisation, and the directory facts
matching needs; the queue of runs computed in the background is `queue`."""

from __future__ import annotations

from app.adapters.db.repositories.matching.facts import SqlMatchingFacts
from app.adapters.db.repositories.matching.mentorships import SqlMentorshipRecords
from app.adapters.db.repositories.matching.runs import SqlMatchingRuns


class SqlMatchingRepository(SqlMatchingRuns, SqlMentorshipRecords, SqlMatchingFacts):
    """The statements of matching runs and mentorships."""


__all__ = ["SqlMatchingRepository"]
