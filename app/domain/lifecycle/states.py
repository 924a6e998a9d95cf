"""Where a mentorship is in its life, and the groups of states the rules speak of."""

from __future__ import annotations

from enum import StrEnum


class MentorshipState(StrEnum):
    """Where a mentorship is in its life."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"
    REMATCHED = "rematched"


TERMINAL_STATES = frozenset(
    {
        MentorshipState.COMPLETED,
        MentorshipState.ENDED,
        MentorshipState.WITHDRAWN,
        MentorshipState.REMATCHED,
    }
)
# A pair still in play: it holds its people (capacity, one mentor at a time, HR-change checks).
OPEN_STATES = frozenset(
    {MentorshipState.PROPOSED, MentorshipState.CONFIRMED, MentorshipState.ACTIVE}
)
# A pair both people have confirmed and that has not ended: deadlines and group work apply.
RUNNING_STATES = frozenset({MentorshipState.CONFIRMED, MentorshipState.ACTIVE})
