"""A cohort's hard rules and scores as numpy matrices (mentees x mentors), for the solver.

The same rules and arithmetic as the domain's `is_allowed` and `pair_score`, a matrix at a
time. Each person's facts are turned into arrays once per run (`cohort_features`): levels as
floats, departments, units, genders and races as integer codes, competencies and career paths
as 0/1 rows, supervisory chains, conflicts and named mentors as sparse matrices. A block of
mentee rows is then judged and scored with numpy alone (`CohortFeatures.block`), so a large
cohort is scored a block at a time without building any person's facts twice. Terms are added
in `pair_score`'s order, so every cell equals the domain's score exactly, not approximately.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import HardRule, active_rules
from app.domain.matching.rules import places_in_organization, places_in_program
from app.domain.matching.score import rank_value, weight_vector
from app.domain.policy.model import MatchingPolicy, SupervisoryLine

Mask = NDArray[np.bool_]
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Codes = tuple[Ints, Ints]
_NO_CAP = 2**31  # more places than any run has mentees


@dataclass(frozen=True, slots=True)
class CohortMatrices:
    """Row i is `mentees[i]`, column j is `mentors[j]`.

    `refused[rule]` marks the pairs each active hard rule refuses (rules in explanation
    order); `allowed` the pairs none refuses; `scores` every pair's score, refused or not;
    `slots` each mentor's capacity left for this run.
    """

    refused: Mapping[HardRule, Mask]
    allowed: Mask
    scores: Floats
    slots: Ints


@dataclass(frozen=True, slots=True)
class AssignmentProblem:
    """The matrix handed to the solver: solver row r is mentee `rows[r]`, solver column c
    is a free slot of mentor `columns[c]`; refused cells cost `forbidden`."""

    costs: Floats
    rows: Ints
    columns: Ints
    forbidden: float


@dataclass(frozen=True, slots=True)
class _Overlap:
    """`share_covered` as a product: wanted items (mentees x items, each row divided by
    its size) times offered items (items x mentors, dense 0/1)."""

    wanted: sparse.csr_matrix
    sizes: Floats
    offered: Floats


@dataclass(frozen=True, slots=True)
class CohortFeatures:
    """One run's people as arrays; `block(rows)` judges and scores those mentee rows."""

    policy: MatchingPolicy
    mentors: int
    here: Ints  # places left in this program
    overall: Ints  # places left under the organisation's cap (no cap: more than enough)
    levels: tuple[Floats, Floats]
    departments: Codes
    units: Codes
    genders: Codes
    races: Codes
    same_person: sparse.csr_matrix
    line: sparse.csr_matrix
    conflicts: sparse.csr_matrix
    wanted_departments: Mask  # mentees x (mentor department codes + 1 for "none")
    mentor_department: Ints  # each mentor's column in `wanted_departments`
    named: sparse.csr_matrix  # named or ranked mentors: the value of that term
    competencies: _Overlap
    careers: _Overlap

    def block(self, rows: Ints) -> CohortMatrices:
        """The matrices of mentee rows `rows` (every mentor), built from the arrays alone."""
        shape = (len(rows), self.mentors)
        builders: dict[HardRule, Callable[[], Mask]] = {
            HardRule.NOT_THE_SAME_PERSON: lambda: _dense(self.same_person, rows),
            HardRule.MENTOR_LEVEL_ABOVE_MENTEE: lambda: self._level_too_low(rows),
            HardRule.NOT_IN_SUPERVISORY_CHAIN: lambda: _dense(self.line, rows),
            HardRule.NOT_SAME_UNIT: lambda: _same(self.units, rows),
            HardRule.NOT_SAME_DEPARTMENT: lambda: _same(self.departments, rows),
            HardRule.NO_CONFLICT_OF_INTEREST: lambda: _dense(self.conflicts, rows),
            HardRule.MENTOR_HAS_CAPACITY: lambda: np.broadcast_to(self.here <= 0, shape),
            HardRule.WITHIN_ORGANIZATION_CAP: lambda: np.broadcast_to(self.overall <= 0, shape),
        }
        refused = {rule: builders[rule]() for rule in active_rules(self.policy)}
        any_refused = np.zeros(shape, dtype=np.bool_)
        for mask in refused.values():
            any_refused |= mask
        return CohortMatrices(refused, ~any_refused, self._scores(rows), self.slots)

    @property
    def slots(self) -> Ints:
        """Each mentor's places for this run: the tighter of the program's and the cap's."""
        return np.minimum(self.here, self.overall)

    def _scores(self, rows: Ints) -> Floats:
        total = np.zeros((len(rows), self.mentors), dtype=np.float64)
        terms: tuple[Callable[[], Mask | Floats], ...] = (
            lambda: self._stated_preference(rows),
            lambda: _differ(self.departments, rows),
            lambda: _differ(self.genders, rows),
            lambda: _differ(self.races, rows),
            lambda: _covered(self.competencies, rows),
            lambda: _covered(self.careers, rows),
        )
        # A zero weight adds exactly 0.0 in `pair_score`, so skipping it changes no bit.
        for weight, term in zip(weight_vector(self.policy.weights), terms, strict=True):
            if weight != 0.0:
                total += weight * term()
        return total

    def _level_too_low(self, rows: Ints) -> Mask:
        """Unknown levels are NaN, and a comparison with NaN is false: refused, as in the domain."""
        below, above = self.levels
        enough: Mask = above[None, :] - below[rows, None] >= self.policy.min_level_gap
        return ~enough

    def _stated_preference(self, rows: Ints) -> Floats:
        values: Floats = self.wanted_departments[rows][:, self.mentor_department].astype(np.float64)
        # A named mentor counts 1, a ranked one by rank (004), whatever their department.
        named = self.named[rows].tocoo()
        values[named.row, named.col] = named.data
        return values


def cohort_features(
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    locked_load: Sequence[int] | None = None,
) -> CohortFeatures:
    """The arrays of one run; `locked_load[j]`: slots of mentor j already taken by locks."""
    here = np.array([places_in_program(m, policy) for m in mentors], dtype=np.int64)
    # No cap never binds: the program's places do alone.
    overall = np.array([_or(places_in_organization(m), _NO_CAP) for m in mentors], dtype=np.int64)
    if locked_load is not None:
        here -= np.asarray(locked_load, dtype=np.int64)
        overall -= np.asarray(locked_load, dtype=np.int64)
    people = _People(mentees, mentors)
    wanted, mentor_department = people.department_wishes()
    return CohortFeatures(
        policy=policy,
        mentors=len(mentors),
        here=here,
        overall=overall,
        levels=(_levels(mentees), _levels(mentors)),
        departments=_codes(mentees, mentors, _department),
        units=_codes(mentees, mentors, _unit_key),
        genders=_codes(mentees, mentors, lambda p: p.gender),
        races=_codes(mentees, mentors, lambda p: p.race),
        same_person=people.cells(
            (i, people.column[m.id]) for i, m in enumerate(mentees) if m.id in people.column
        ),
        line=people.either_way(_line_of(policy)),
        conflicts=people.either_way(lambda p: p.conflicts),
        wanted_departments=wanted,
        mentor_department=mentor_department,
        named=people.named(),
        competencies=people.overlap(
            lambda p: p.competencies_wanted, lambda p: p.competencies_offered
        ),
        careers=people.overlap(lambda p: p.career_path, lambda p: p.career_path),
    )


def cohort_matrices(
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    locked_load: Sequence[int] | None = None,
) -> CohortMatrices:
    """Every pair's refusing rules and score; `locked_load[j]`: slots already taken by locks."""
    features = cohort_features(mentees, mentors, policy, locked_load)
    return features.block(np.arange(len(mentees), dtype=np.int64))


def _or(places: int | None, otherwise: int) -> int:
    return otherwise if places is None else places


def assignment_problem(matrices: CohortMatrices, rows: Ints) -> AssignmentProblem:
    """The solver's matrix for `rows`: each mentor repeated once per slot it could fill."""
    allowed = matrices.allowed[rows]
    # A mentor never needs more columns than mentees it may take: fewer columns, same optimum.
    copies = np.minimum(np.maximum(matrices.slots, 0), allowed.sum(axis=0))
    columns = np.repeat(np.arange(len(copies), dtype=np.int64), copies)
    allowed_scores = matrices.scores[rows][allowed]
    span = float(allowed_scores.max() - allowed_scores.min()) if allowed_scores.size else 0.0
    # Matched mentees first, then score: a refused cell costs more than the whole score of
    # any assignment could ever differ by, so the solver only takes one when it must, and
    # one more matched mentee always outweighs any gain in total score.
    forbidden = (span + 1.0) * (min(len(rows), len(columns)) + 1)
    compact = -matrices.scores[rows]
    compact[~allowed] = forbidden
    return AssignmentProblem(compact[:, columns], rows, columns, forbidden)


# --- building blocks -----------------------------------------------------------------------


class _People:
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
    ) -> _Overlap:
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
        return _Overlap(asked, sizes, gives)


def _dense(marks: sparse.csr_matrix, rows: Ints) -> Mask:
    mask = np.zeros((len(rows), marks.shape[1]), dtype=np.bool_)
    found = marks[rows].tocoo()
    mask[found.row, found.col] = True
    return mask


def _covered(overlap: _Overlap, rows: Ints) -> Floats:
    """Counts of shared items (exact small integers), divided as `share_covered` divides."""
    if overlap.offered.shape[0] == 0:
        return np.zeros((len(rows), overlap.offered.shape[1]), dtype=np.float64)
    counts = np.asarray(overlap.wanted[rows] @ overlap.offered)
    result: Floats = counts / overlap.sizes[rows, None]
    return result


def _levels(people: Sequence[MatchCandidate]) -> Floats:
    return np.array([np.nan if p.level is None else p.level for p in people], dtype=np.float64)


def _codes(
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


def _same(codes: Codes, rows: Ints) -> Mask:
    mine, theirs = codes[0][rows, None], codes[1][None, :]
    same: Mask = (mine == theirs) & (mine >= 0)
    return same


def _differ(codes: Codes, rows: Ints) -> Mask:
    mine, theirs = codes[0][rows, None], codes[1][None, :]
    differ: Mask = (mine != theirs) & (mine >= 0) & (theirs >= 0)
    return differ


def _line_of(policy: MatchingPolicy) -> Callable[[MatchCandidate], frozenset[Hashable]]:
    """Who is above a person on the supervisory line this policy reads (its handbook's)."""
    if policy.supervisory_line is SupervisoryLine.DIRECT_SUPERVISOR:
        return _direct_supervisor
    return _whole_chain


def _direct_supervisor(person: MatchCandidate) -> frozenset[Hashable]:
    return frozenset() if person.manager is None else frozenset((person.manager,))


def _whole_chain(person: MatchCandidate) -> frozenset[Hashable]:
    return person.ancestors


def _department(person: MatchCandidate) -> str | None:
    return person.department


def _unit_key(person: MatchCandidate) -> tuple[str, str] | None:
    # Units are "within a department" (004): the same unit name in two departments differs.
    if person.unit is None or person.department is None:
        return None
    return (person.department, person.unit)
