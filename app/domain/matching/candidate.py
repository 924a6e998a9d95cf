"""A person as matching sees them: their facts gathered once, read by every rule and score."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MatchCandidate:
    """One mentee's or mentor's matching facts, gathered once per run.

    `ancestors` is the person's whole supervisory chain (`org_chart.ancestor_sets`), `manager`
    the direct supervisor alone (the reading of 000/001, 002 and 003).
    `gender` / `race` are set only when the person opted in to cross-gender /
    cross-racial pairing (000/001); left None they never count for or against a pair.
    For a mentee, `career_path` is where they want to go; for a mentor, where they have been.
    """

    id: Hashable
    level: int | None
    department: str | None = None
    unit: str | None = None
    ancestors: frozenset[Hashable] = frozenset()
    gender: str | None = None
    race: str | None = None
    competencies_wanted: frozenset[str] = frozenset()
    competencies_offered: frozenset[str] = frozenset()
    career_path: frozenset[str] = frozenset()
    preferred_mentors: frozenset[Hashable] = frozenset()
    # Mentors the mentee ranked after interviewing them (Maine's shortlist, 004), best first.
    ranked_mentors: tuple[Hashable, ...] = ()
    preferred_departments: frozenset[str] = frozenset()
    conflicts: frozenset[Hashable] = frozenset()  # ids of people declared in conflict (004)
    capacity: int | None = None  # None: the policy's default_mentor_capacity
    current_load: int = 0  # open pairs in this program
    manager: Hashable | None = None
    load_elsewhere: int = 0  # open pairs in the organisation's other programs
    # The organisation's cap on one mentor's open pairs in all its programs (None: no cap):
    # the organisation's setting, not the program's policy.
    organization_cap: int | None = None
