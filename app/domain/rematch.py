"""A change of mentor at the compatibility checkpoint, while the coordinator decides.

Charlotte (000 "Relationship Compatibility"): "Every effort will be made to accommodate these
requests. If an alternative match cannot be made, the mentee will be withdrawn". So when the
coordinator declines a proposed mentor, that mentor is set aside and the next alternative is
proposed; only when none is left is the mentee withdrawn (eligible for the next session).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.errors import TransitionRefused
from app.domain.lifecycle.parties import Party
from app.domain.timeline import Timeline


@dataclass(frozen=True, slots=True)
class PendingRematch:
    """The mentor proposed for the mentee, and those the coordinator has declined before."""

    asked_by: Party
    mentor_id: str
    declined: tuple[str, ...] = ()

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any] | None) -> PendingRematch | None:
        if stored is None:
            return None
        declined = tuple(str(m) for m in stored.get("declined", ()))
        return cls(Party(stored["asked_by"]), str(stored["mentor_id"]), declined)


def pending(stored: Mapping[str, Any] | None) -> PendingRematch:
    """The change awaiting the coordinator, or a refusal naming the rule."""
    found = PendingRematch.from_stored(stored)
    if found is None:
        raise TransitionRefused(
            "no change of mentor is awaiting confirmation", rule="no_rematch_pending"
        )
    return found


def decline(proposal: PendingRematch) -> tuple[str, ...]:
    """The coordinator declines the proposed mentor: every mentor declined so far, in order."""
    if proposal.mentor_id in proposal.declined:
        return proposal.declined
    return (*proposal.declined, proposal.mentor_id)


def excluded_mentors(previous_mentor_id: str, declined: tuple[str, ...]) -> frozenset[str]:
    """Mentors never proposed to this mentee again: the one they leave and every declined one."""
    return frozenset({previous_mentor_id, *declined})


@dataclass(frozen=True, slots=True)
class SuccessorTerm:
    """The dates of the pair a rematch forms."""

    starts_on: date
    ends_on: date


def successor_term(original: Timeline, today: date) -> SuccessorTerm:
    """A rematch continues the same session (000 "Relationship Compatibility"): the new pair
    starts on the day the change is confirmed and ends when the original term ends; it has no
    checkpoint of its own, so none falls past the session."""
    if today >= original.ends_on:
        raise TransitionRefused(
            f"the session ended on {original.ends_on.isoformat()}; there is no term left to "
            "continue with another mentor",
            rule="session_over",
        )
    return SuccessorTerm(max(today, original.starts_on), original.ends_on)
