"""One run's people as arrays: index maps, integer codes, sparse marks and overlaps.

Each person's facts are turned into arrays once per run, so a large cohort can be judged
and scored a block of mentees at a time (`costs.CohortFeatures.block`) without building any
person's facts twice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.score import rank_value
from app.domain.policy.model import MatchingPolicy, SupervisoryLine

Mask = NDArray[np.bool_]
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Codes = tuple[Ints, Ints]


@dataclass(frozen=True, slots=True)
class Overlap:
    """`share_covered` as a product: wanted items (mentees x items, each row divided by
    its size) times offered items (items x mentors, dense 0/1)."""

    wanted: sparse.csr_matrix
    sizes: Floats
    offered: Floats


class People:
    """Index maps of one run's mentees and mentors, for the sparse features."""

    def __init__(self, mentees: Sequence[MatchCandidate], mentors: Sequence[MatchCandidate]):
        self.mentees, self.mentors = mentees, mentors
        self.shape = (len(mentees), len(mentors))
        self.row = {m.id: i for i, m in enumerate(mentees)}
        self.column = {m.id: j for j, m in enumerate(mentors)}

    def cells(self, pairs: Iterable[tuple[int, int]]) -> sparse.csr_matrix:
        found = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
        marks = sparse.csr_matrix(
            (np.ones(len(found), dtype=np.bool_), (found[:, 0], found[:, 1])), shape=self.shape
        )
        marks.sum_duplicates()
        return marks

    def either_way(
        self, related: Callable[[MatchCandidate], frozenset[Hashable]]
    ) -> sparse.csr_matrix:
        """The mentor is in the mentee's `related` set, or the mentee in the mentor's."""
        column, row = self.column, self.row
        return self.cells(
            chain(
                (
                    (i, column[p])
                    for i, m in enumerate(self.mentees)
                    for p in related(m)
                    if p in column
                ),
                ((row[p], j) for j, m in enumerate(self.mentors) for p in related(m) if p in row),
            )
        )

    def department_wishes(self) -> tuple[Mask, Ints]:
        """Mentees x mentor departments (last column: a mentor without one, never wished for),
        and each mentor's column there."""
        departments: dict[str, int] = {}
        mentor_codes = np.array(
            [
                -1
                if m.department is None
                else departments.setdefault(m.department, len(departments))
                for m in self.mentors
            ],
            dtype=np.int64,
        )
        mentor_codes[mentor_codes < 0] = len(departments)
        wanted = np.zeros((len(self.mentees), len(departments) + 1), dtype=np.bool_)
        for i, mentee in enumerate(self.mentees):
            for department in mentee.preferred_departments:
                if department in departments:
                    wanted[i, departments[department]] = True
        return wanted, mentor_codes

    def named(self) -> sparse.csr_matrix:
        """The stated-preference value of each mentor a mentee named (1) or ranked (by rank)."""
        values: dict[tuple[int, int], float] = {}
        for i, mentee in enumerate(self.mentees):
            for p in mentee.preferred_mentors:
                if p in self.column:
                    values[(i, self.column[p])] = 1.0
            for p in mentee.ranked_mentors:  # a rank outweighs a plain naming (004)
                if p in self.column:
                    values[(i, self.column[p])] = rank_value(mentee.ranked_mentors, p)
        at = np.array(list(values), dtype=np.int64).reshape(-1, 2)
        return sparse.csr_matrix(
            (
                np.fromiter(values.values(), dtype=np.float64, count=len(values)),
                (at[:, 0], at[:, 1]),
            ),
            shape=self.shape,
        )

    def overlap(
        self,
        wanted: Callable[[MatchCandidate], frozenset[str]],
        offered: Callable[[MatchCandidate], frozenset[str]],
    ) -> Overlap:
        items: dict[str, int] = {}
        asks = [
            (i, items.setdefault(t, len(items)))
            for i, m in enumerate(self.mentees)
            for t in wanted(m)
        ]
        gives = np.zeros((len(items), len(self.mentors)), dtype=np.float64)
        for j, m in enumerate(self.mentors):
            for t in offered(m):
                if t in items:
                    gives[items[t], j] = 1.0
        at = np.array(asks, dtype=np.int64).reshape(-1, 2)
        asked = sparse.csr_matrix(
            (np.ones(len(at)), (at[:, 0], at[:, 1])), shape=(len(self.mentees), len(items))
        )
        sizes = np.array([max(len(wanted(m)), 1) for m in self.mentees], dtype=np.float64)
        return Overlap(asked, sizes, gives)


def levels(people: Sequence[MatchCandidate]) -> Floats:
    return np.array([np.nan if p.level is None else p.level for p in people], dtype=np.float64)


def codes(
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    key: Callable[[MatchCandidate], Hashable | None],
) -> Codes:
    """One integer per distinct value of `key` across both sides; -1 where it is None."""
    table: dict[Hashable, int] = {}

    def encode(people: Sequence[MatchCandidate]) -> Ints:
        values = (key(p) for p in people)
        return np.array(
            [-1 if v is None else table.setdefault(v, len(table)) for v in values],
            dtype=np.int64,
        )

    return encode(mentees), encode(mentors)


def line_of(policy: MatchingPolicy) -> Callable[[MatchCandidate], frozenset[Hashable]]:
    """Who is above a person on the supervisory line this policy reads (its handbook's)."""
    if policy.supervisory_line is SupervisoryLine.DIRECT_SUPERVISOR:
        return direct_supervisor
    return whole_chain


def direct_supervisor(person: MatchCandidate) -> frozenset[Hashable]:
    return frozenset() if person.manager is None else frozenset((person.manager,))


def whole_chain(person: MatchCandidate) -> frozenset[Hashable]:
    return person.ancestors


def department(person: MatchCandidate) -> str | None:
    return person.department


def unit_key(person: MatchCandidate) -> tuple[str, str] | None:
    # Units are "within a department" (004): the same unit name in two departments differs.
    if person.unit is None or person.department is None:
        return None
    return (person.department, person.unit)
