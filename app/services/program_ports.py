"""Ports of the programs area (programs, cohorts, applications, matching runs, mentorships)."""

from __future__ import annotations

from typing import Protocol


class ProgramRepository(Protocol):
    pass
