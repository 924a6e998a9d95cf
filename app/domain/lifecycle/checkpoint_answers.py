"""The compatibility checkpoint's answers as a status records them (the transition that takes
them is app.domain.compatibility_checkpoint)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.lifecycle.parties import Party


class CheckpointDecision(StrEnum):
    """A participant's answer at the compatibility checkpoint."""

    CONTINUE = "continue"
    CHANGE = "change"


class CheckpointOutcome(StrEnum):
    """What the checkpoint led to."""

    CONTINUE = "continue"
    REMATCHED = "rematched"
    WITHDRAWN = "withdrawn"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class CheckpointAnswer:
    """One participant's checkpoint answer; a change needs no reason."""

    party: Party
    decision: CheckpointDecision
    answered_on: date
    late: bool = False
