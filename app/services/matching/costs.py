"""A cohort's hard rules and scores as numpy matrices (mentees x mentors), for the solver.

The same rules and arithmetic as the domain's `is_allowed` and `pair_score`, a matrix at a
time. Each person's facts are turned into arrays once per run (`cohort_features`, from
`cohort_arrays`): levels as floats, departments, units, genders and races as integer codes,
competencies and career paths as 0/1 rows, supervisory chains, conflicts and named mentors as
sparse matrices. A block of
mentee rows is then judged and scored with numpy alone (`CohortFeatures.block`), so a large
cohort is scored a block at a time without building any person's facts twice. Terms are added
in `pair_score`'s order, so every cell equals the domain's score exactly, not approximately.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import HardRule, active_rules
from app.domain.matching.rules import places_in_organization, places_in_program
from app.domain.matching.score import weight_vector
from app.domain.policy.model import MatchingPolicy
from app.services.matching.cohort_arrays import (
    Codes,
    Floats,
    Ints,
    Mask,
    Overlap,
    People,
    codes,
    department,
    levels,
    line_of,
    unit_key,
)

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
    competencies: Overlap
    careers: Overlap

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
    people = People(mentees, mentors)
    wanted, mentor_department = people.department_wishes()
    return CohortFeatures(
        policy=policy,
        mentors=len(mentors),
        here=here,
        overall=overall,
        levels=(levels(mentees), levels(mentors)),
        departments=codes(mentees, mentors, department),
        units=codes(mentees, mentors, unit_key),
        genders=codes(mentees, mentors, lambda p: p.gender),
        races=codes(mentees, mentors, lambda p: p.race),
        same_person=people.cells(
            (i, people.column[m.id]) for i, m in enumerate(mentees) if m.id in people.column
        ),
        line=people.either_way(line_of(policy)),
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


def _dense(marks: sparse.csr_matrix, rows: Ints) -> Mask:
    mask = np.zeros((len(rows), marks.shape[1]), dtype=np.bool_)
    found = marks[rows].tocoo()
    mask[found.row, found.col] = True
    return mask


def _covered(overlap: Overlap, rows: Ints) -> Floats:
    """Counts of shared items (exact small integers), divided as `share_covered` divides."""
    if overlap.offered.shape[0] == 0:
        return np.zeros((len(rows), overlap.offered.shape[1]), dtype=np.float64)
    counts = np.asarray(overlap.wanted[rows] @ overlap.offered)
    result: Floats = counts / overlap.sizes[rows, None]
    return result


def _same(codes: Codes, rows: Ints) -> Mask:
    mine, theirs = codes[0][rows, None], codes[1][None, :]
    same: Mask = (mine == theirs) & (mine >= 0)
    return same


def _differ(codes: Codes, rows: Ints) -> Mask:
    mine, theirs = codes[0][rows, None], codes[1][None, :]
    differ: Mask = (mine != theirs) & (mine >= 0) & (theirs >= 0)
    return differ
