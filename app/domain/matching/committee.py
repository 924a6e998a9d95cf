"""The selection committee (000 "Selection Committee"): members review applications against
mentor profiles and recommend one mentor per mentee; the coordinator publishes the slate."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class CommitteeRecommendation:
    """The committee's pair for one mentee of a cohort, with its note and who recommended it."""

    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    note: str
    recommended_by: str
    recommended_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.mentee_id == self.mentor_id:
            raise InvalidInput("a person cannot mentor themselves", field="mentor_id")
        if len(self.note) > 2000:
            raise InvalidInput("a note is at most 2000 characters", field="note")


def other_picks(
    slate: Iterable[CommitteeRecommendation], mentor_id: Hashable, mentee_id: Hashable
) -> int:
    """How many other mentees the slate already gives this mentor (they count as load)."""
    return sum(1 for r in slate if r.mentor_id == mentor_id and r.mentee_id != mentee_id)
