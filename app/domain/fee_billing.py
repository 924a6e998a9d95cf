"""Who a program's fee bills (Maine, seed 004 "Cost": "Protégés' departments will be billed
$150.00 for the 9-month initiative").

A protégé enters the initiative when one of their pairs is confirmed by both sides (Maine's
participants confirm their match on Sept 1, after the initial meetings): a proposal declined or
ended before that bills nobody, a pair that ends after it still counts, and a protégé with
several pairs (a rematch) is billed once.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import MentorshipState

# States a pair reaches only once both sides have confirmed it.
_CONFIRMED_STATES = frozenset(
    {MentorshipState.CONFIRMED, MentorshipState.ACTIVE, MentorshipState.COMPLETED}
)


@dataclass(frozen=True, slots=True)
class PairForBilling:
    """The facts of one pair the fee rule reads: whose, where it stands, who confirmed it."""

    protege: Hashable
    state: MentorshipState
    confirmed_by: frozenset[Party] = frozenset()


def entered_initiative(pair: PairForBilling) -> bool:
    """Whether both sides confirmed this pair (whatever became of it later)."""
    return pair.confirmed_by >= PARTICIPANTS or pair.state in _CONFIRMED_STATES


def billed_proteges(pairs: Iterable[PairForBilling]) -> frozenset[Hashable]:
    """The protégés the fee bills, each once: those with a pair both sides confirmed."""
    return frozenset(pair.protege for pair in pairs if entered_initiative(pair))
