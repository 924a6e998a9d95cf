"""A whole cohort's cost matrix at once, for an assignment solver (e.g. Hungarian).

Judging 3 million pairs one call at a time is too slow in Python, so rows are built
from per-mentor indexes computed once: a row starts as a copy of a template holding the
terms that depend only on the mentor (for the mentee's gender/race), then only the few
cells a mentee's facts touch are adjusted (same department, preferences, competencies),
and forbidden cells are written last. Columns are sorted by level, most senior first,
so "mentor not senior enough" is one slice assignment. The result equals `pair_cost`
cell by cell (up to float rounding, as sums are taken in another order).
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.matching.rules import remaining_capacity
from app.domain.matching.score import differs, rank_value
from app.domain.policy.choices import SupervisoryLine

if TYPE_CHECKING:
    from app.domain.matching.candidate import MatchCandidate
    from app.domain.policy.model import MatchingPolicy


@dataclass(frozen=True, slots=True)
class CostMatrix:
    """Row-major costs (minus the score; `forbidden` where a hard rule refuses).

    Columns follow `mentor_ids` (most senior first), not the order mentors were given;
    mentors with no capacity left are not columns (`full_mentor_ids`). A mentor with
    `slots[j] > 1` may take that many mentees: repeat the column for the solver.
    With numpy: `numpy.frombuffer(m.costs).reshape(m.shape)` (no copy).
    """

    mentee_ids: tuple[Hashable, ...]
    mentor_ids: tuple[Hashable, ...]
    slots: tuple[int, ...]
    full_mentor_ids: tuple[Hashable, ...]
    costs: array[float]
    forbidden: float

    @property
    def shape(self) -> tuple[int, int]:
        """(mentees, mentor columns)."""
        return len(self.mentee_ids), len(self.mentor_ids)

    def cost(self, row: int, column: int) -> float:
        """One cell."""
        return self.costs[row * len(self.mentor_ids) + column]

    def is_forbidden(self, row: int, column: int) -> bool:
        """Whether a hard rule refuses the cell's pair."""
        return self.cost(row, column) == self.forbidden


class _MentorIndex:
    """Everything about the mentor columns that rows look up, computed once per run."""

    def __init__(self, mentors: Sequence[MatchCandidate], policy: MatchingPolicy) -> None:
        self.mentors = mentors
        self.policy = policy
        self.column = {m.id: j for j, m in enumerate(mentors)}
        self.by_department: dict[str, list[int]] = defaultdict(list)
        self.by_unit: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.offering: dict[str, list[int]] = defaultdict(list)
        self.by_career: dict[str, list[int]] = defaultdict(list)
        self.below: dict[Hashable, list[int]] = defaultdict(list)  # person -> mentors under them
        self.reporting: dict[Hashable, list[int]] = defaultdict(list)  # manager -> direct reports
        self.conflicted: dict[Hashable, list[int]] = defaultdict(list)
        for j, mentor in enumerate(mentors):
            self._index(j, mentor)
        # Levels are negated so the sort is ascending; unknown levels sort last.
        self.neg_levels = [-m.level if m.level is not None else math.inf for m in mentors]
        self.templates: dict[tuple[bool, str | None, str | None], tuple[array[float], ...]] = {}

    def _index(self, j: int, mentor: MatchCandidate) -> None:
        if mentor.department is not None:
            self.by_department[mentor.department].append(j)
            if mentor.unit is not None:
                self.by_unit[(mentor.department, mentor.unit)].append(j)
        for competency in mentor.competencies_offered:
            self.offering[competency].append(j)
        for tag in mentor.career_path:
            self.by_career[tag].append(j)
        for ancestor in mentor.ancestors:
            self.below[ancestor].append(j)
        if mentor.manager is not None:
            self.reporting[mentor.manager].append(j)
        for person in mentor.conflicts:
            self.conflicted[person].append(j)

    def template(self, mentee: MatchCandidate) -> tuple[array[float], ...]:
        """Costs from mentor-only terms: (with cross-department, without it)."""
        key = (mentee.department is not None, mentee.gender, mentee.race)
        cached = self.templates.get(key)
        if cached is None:
            cached = self.templates[key] = self._build_template(*key)
        return cached

    def _build_template(
        self, has_department: bool, gender: str | None, race: str | None
    ) -> tuple[array[float], ...]:
        w = self.policy.weights
        base = [
            -(w.cross_gender * differs(gender, m.gender) + w.cross_race * differs(race, m.race))
            for m in self.mentors
        ]
        with_dept = [
            c - w.cross_department if has_department and m.department is not None else c
            for c, m in zip(base, self.mentors, strict=True)
        ]
        return array("d", with_dept), array("d", base)

    def level_cutoff(self, mentee: MatchCandidate) -> int:
        """How many leading columns are senior enough for this mentee."""
        if not self.policy.require_higher_level:
            return len(self.mentors)
        if mentee.level is None:
            return 0
        return bisect.bisect_right(self.neg_levels, -(mentee.level + self.policy.min_level_gap))


def build_cost_matrix(
    mentees: Iterable[MatchCandidate],
    mentors: Iterable[MatchCandidate],
    policy: MatchingPolicy,
    forbidden: float = math.inf,
) -> CostMatrix:
    """Every mentee x mentor cost in one pass. For scipy, a large finite `forbidden` avoids
    "infeasible" errors when some mentor has no allowed mentee; drop such cells after solving.
    """
    rows = tuple(mentees)
    open_mentors: list[MatchCandidate] = []
    full: list[MatchCandidate] = []
    for mentor in mentors:
        (open_mentors if remaining_capacity(mentor, policy) > 0 else full).append(mentor)
    open_mentors.sort(key=lambda m: -m.level if m.level is not None else math.inf)
    index = _MentorIndex(open_mentors, policy)
    blocked = array("d", [forbidden]) * len(open_mentors)
    costs: array[float] = array("d")
    for mentee in rows:
        costs.extend(_row(mentee, index, blocked, forbidden))
    return CostMatrix(
        mentee_ids=tuple(m.id for m in rows),
        mentor_ids=tuple(m.id for m in open_mentors),
        slots=tuple(remaining_capacity(m, policy) for m in open_mentors),
        full_mentor_ids=tuple(m.id for m in full),
        costs=costs,
        forbidden=forbidden,
    )


def _row(
    mentee: MatchCandidate, index: _MentorIndex, blocked: array[float], forbidden: float
) -> array[float]:
    with_dept, without_dept = index.template(mentee)
    row = with_dept[:]
    if mentee.department is not None:
        for j in index.by_department.get(mentee.department, ()):
            row[j] = without_dept[j]
    weights = index.policy.weights
    for j, value in _preferred_columns(mentee, index).items():
        row[j] -= weights.stated_preference * value
    _subtract_shares(row, mentee.competencies_wanted, index.offering, weights.competency_overlap)
    _subtract_shares(row, mentee.career_path, index.by_career, weights.career_path_overlap)
    cutoff = index.level_cutoff(mentee)
    row[cutoff:] = blocked[cutoff:]
    for j in _refused_columns(mentee, index):
        row[j] = forbidden
    return row


def _subtract_shares(
    row: array[float], wanted: frozenset[str], holders: dict[str, list[int]], weight: float
) -> None:
    if not wanted or weight == 0.0:
        return
    step = weight / len(wanted)
    for item in wanted:
        for j in holders.get(item, ()):
            row[j] -= step


def _preferred_columns(mentee: MatchCandidate, index: _MentorIndex) -> dict[int, float]:
    """`stated_preference` of each column the mentee prefers (a ranked mentor by rank)."""
    columns = {j: 1.0 for d in mentee.preferred_departments for j in index.by_department.get(d, ())}
    columns.update({index.column[m]: 1.0 for m in mentee.preferred_mentors if m in index.column})
    for m in mentee.ranked_mentors:
        if m in index.column:
            columns[index.column[m]] = rank_value(mentee.ranked_mentors, m)
    return columns


def _refused_columns(mentee: MatchCandidate, index: _MentorIndex) -> list[int]:
    """Columns refused by the set-based hard rules (level and capacity are handled apart)."""
    policy, column = index.policy, index.column
    refused = [column[p] for p in (mentee.id, *mentee.conflicts) if p in column]
    refused += index.conflicted.get(mentee.id, ())
    if policy.forbid_supervisory_chain:
        if policy.supervisory_line is SupervisoryLine.DIRECT_SUPERVISOR:
            refused += [column[mentee.manager]] if mentee.manager in column else []
            refused += index.reporting.get(mentee.id, ())
        else:
            refused += [column[a] for a in mentee.ancestors if a in column]
            refused += index.below.get(mentee.id, ())
    department = mentee.department
    if department is not None:
        if policy.forbid_same_department:
            refused += index.by_department.get(department, ())
        elif policy.forbid_same_unit and mentee.unit is not None:
            refused += index.by_unit.get((department, mentee.unit), ())
    return refused
