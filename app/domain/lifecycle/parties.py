"""Who acts on a mentorship."""

from __future__ import annotations

from enum import StrEnum


class Party(StrEnum):
    """Who acts on a mentorship."""

    MENTEE = "mentee"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"
    ADMINISTRATOR = "administrator"
    SYSTEM = "system"


PARTICIPANTS = frozenset({Party.MENTEE, Party.MENTOR})
