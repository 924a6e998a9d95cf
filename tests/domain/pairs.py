"""A pair as the domain tests start from it: made active the way a program makes one."""

from __future__ import annotations

from datetime import date

from app.domain.lifecycle.activation import confirm, sign_agreement
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipStatus, propose
from app.domain.policy.model import Policy


def active_pair(policy: Policy, starts_on: date) -> MentorshipStatus:
    """Proposed, confirmed by both sides and, where the program asks for an agreement, signed
    by both, all on ``starts_on``."""
    status = propose(policy=policy, starts_on=starts_on)
    for party in (Party.MENTEE, Party.MENTOR):
        status = confirm(status, by=party, today=starts_on).status
    if status.state is MentorshipState.CONFIRMED:
        for party in (Party.MENTEE, Party.MENTOR):
            status = sign_agreement(status, by=party, today=starts_on).status
    assert status.state is MentorshipState.ACTIVE
    return status
