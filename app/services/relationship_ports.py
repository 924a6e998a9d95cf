"""Ports of running a mentorship (agreements, goals, meetings, journal, evaluations, ...)."""

from __future__ import annotations

from typing import Protocol


class RelationshipRepository(Protocol):
    pass
