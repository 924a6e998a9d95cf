"""A cohort's hard rules and scores as numpy matrices (mentees x mentors), for the solver.

The same rules and arithmetic as the domain's `is_allowed` and `pair_score`, a matrix at a
time: levels by broadcasting; departments, units, genders and races as integer codes;
supervisory chains, conflicts and named mentors as sparse cells; competency and
career-path overlap as a sparse 0/1 matrix product. Terms are added in `pair_score`'s
order, so every cell equals the domain's score exactly, not just approximately.
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
from app.domain.policy.model import MatchingPolicy, PreferenceWeights, SupervisoryLine

Mask = NDArray[np.bool_]
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
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


def cohort_matrices(
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    locked_load: Sequence[int] | None = None,
) -> CohortMatrices:
    """Every pair's refusing rules and score; `locked_load[j]`: slots already taken by locks."""
    cohort = _Cohort(mentees, mentors)
    here = np.array([places_in_program(m, policy) for m in mentors], dtype=np.int64)
    # No cap never binds: the program's places do alone.
    overall = np.array([_or(places_in_organization(m), _NO_CAP) for m in mentors], dtype=np.int64)
    if locked_load is not None:
        here -= np.asarray(locked_load, dtype=np.int64)
        overall -= np.asarray(locked_load, dtype=np.int64)
    refused = cohort.refusals(policy, here, overall)
    any_refused = np.zeros(cohort.shape, dtype=np.bool_)
    for mask in refused.values():
        any_refused |= mask
    slots = np.minimum(here, overall)
    return CohortMatrices(refused, ~any_refused, cohort.scores(policy.weights), slots)


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


class _Cohort:
    """Index maps and per-rule, per-term matrix builders for one set of mentees and mentors."""

    def __init__(self, mentees: Sequence[MatchCandidate], mentors: Sequence[MatchCandidate]):
        self.mentees, self.mentors = mentees, mentors
        self.shape = (len(mentees), len(mentors))
        self.row = {m.id: i for i, m in enumerate(mentees)}
        self.column = {m.id: j for j, m in enumerate(mentors)}

    def refusals(self, policy: MatchingPolicy, here: Ints, overall: Ints) -> dict[HardRule, Mask]:
        builders: dict[HardRule, Callable[[], Mask]] = {
            HardRule.NOT_THE_SAME_PERSON: self.same_person,
            HardRule.MENTOR_LEVEL_ABOVE_MENTEE: lambda: self.level_too_low(policy.min_level_gap),
            HardRule.NOT_IN_SUPERVISORY_CHAIN: lambda: self.either_way(_line_of(policy)),
            HardRule.NOT_SAME_UNIT: lambda: self.same(self.codes(_unit_key)),
            HardRule.NOT_SAME_DEPARTMENT: lambda: self.same(self.codes(_department)),
            HardRule.NO_CONFLICT_OF_INTEREST: lambda: self.either_way(lambda p: p.conflicts),
            HardRule.MENTOR_HAS_CAPACITY: lambda: np.broadcast_to(here <= 0, self.shape),
            HardRule.WITHIN_ORGANIZATION_CAP: lambda: np.broadcast_to(overall <= 0, self.shape),
        }
        return {rule: builders[rule]() for rule in active_rules(policy)}

    def scores(self, weights: PreferenceWeights) -> Floats:
        total = np.zeros(self.shape, dtype=np.float64)
        terms: tuple[Callable[[], Mask | Floats], ...] = (
            self.stated_preference,
            lambda: self.differ(self.codes(_department)),
            lambda: self.differ(self.codes(lambda p: p.gender)),
            lambda: self.differ(self.codes(lambda p: p.race)),
            lambda: self.overlap(lambda p: p.competencies_wanted, lambda p: p.competencies_offered),
            lambda: self.overlap(lambda p: p.career_path, lambda p: p.career_path),
        )
        # A zero weight adds exactly 0.0 in `pair_score`, so skipping it changes no bit.
        for weight, term in zip(weight_vector(weights), terms, strict=True):
            if weight != 0.0:
                total += weight * term()
        return total

    # --- building blocks -----------------------------------------------------------------

    def cells(self, pairs: Iterable[tuple[int, int]]) -> Mask:
        mask = np.zeros(self.shape, dtype=np.bool_)
        found = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
        mask[found[:, 0], found[:, 1]] = True
        return mask

    def either_way(self, related: Callable[[MatchCandidate], frozenset[Hashable]]) -> Mask:
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

    def same_person(self) -> Mask:
        return self.cells(
            (i, self.column[m.id]) for i, m in enumerate(self.mentees) if m.id in self.column
        )

    def level_too_low(self, gap: int) -> Mask:
        """Unknown levels are NaN, and a comparison with NaN is false: refused, as in the domain."""
        below = np.array([np.nan if m.level is None else m.level for m in self.mentees])
        above = np.array([np.nan if m.level is None else m.level for m in self.mentors])
        enough: Mask = above[None, :] - below[:, None] >= gap
        return ~enough

    def codes(self, key: Callable[[MatchCandidate], Hashable | None]) -> tuple[Ints, Ints]:
        """One integer per distinct value of `key` across both sides; -1 where it is None."""
        table: dict[Hashable, int] = {}

        def encode(people: Sequence[MatchCandidate]) -> Ints:
            values = (key(p) for p in people)
            return np.array(
                [-1 if v is None else table.setdefault(v, len(table)) for v in values],
                dtype=np.int64,
            )

        return encode(self.mentees), encode(self.mentors)

    @staticmethod
    def same(codes: tuple[Ints, Ints]) -> Mask:
        mine, theirs = codes[0][:, None], codes[1][None, :]
        same: Mask = (mine == theirs) & (mine >= 0)
        return same

    @staticmethod
    def differ(codes: tuple[Ints, Ints]) -> Mask:
        mine, theirs = codes[0][:, None], codes[1][None, :]
        differ: Mask = (mine != theirs) & (mine >= 0) & (theirs >= 0)
        return differ

    def stated_preference(self) -> Floats:
        departments: dict[str, int] = {}
        mentor_codes = [
            len(self.column) if m.department is None else departments.setdefault(m.department, j)
            for j, m in enumerate(self.mentors)
        ]
        wanted = np.zeros((len(self.mentees), len(self.column) + 1), dtype=np.bool_)
        for i, mentee in enumerate(self.mentees):
            for department in mentee.preferred_departments:
                if department in departments:
                    wanted[i, departments[department]] = True
        named = self.cells(
            (i, self.column[p])
            for i, m in enumerate(self.mentees)
            for p in m.preferred_mentors
            if p in self.column
        )
        values: Floats = (wanted[:, mentor_codes] | named).astype(np.float64)
        for i, mentee in enumerate(self.mentees):  # a ranked mentor counts by rank (004)
            for p in mentee.ranked_mentors:
                if p in self.column:
                    values[i, self.column[p]] = rank_value(mentee.ranked_mentors, p)
        return values

    def overlap(
        self,
        wanted: Callable[[MatchCandidate], frozenset[str]],
        offered: Callable[[MatchCandidate], frozenset[str]],
    ) -> Floats:
        """`share_covered` for every pair: (wanted x items) @ (items x offered) / len(wanted)."""
        items: dict[str, int] = {}
        asks = [
            (i, items.setdefault(t, len(items)))
            for i, m in enumerate(self.mentees)
            for t in wanted(m)
        ]
        gives = [
            (items[t], j) for j, m in enumerate(self.mentors) for t in offered(m) if t in items
        ]
        if not asks or not gives:
            return np.zeros(self.shape, dtype=np.float64)
        counts = _incidence(asks, (self.shape[0], len(items))) @ _incidence(
            gives, (len(items), self.shape[1])
        )
        sizes = np.array([max(len(wanted(m)), 1) for m in self.mentees], dtype=np.float64)
        result: Floats = counts.toarray() / sizes[:, None]
        return result


def _incidence(cells: list[tuple[int, int]], shape: tuple[int, int]) -> sparse.csr_matrix:
    at = np.array(cells, dtype=np.int64)
    return sparse.csr_matrix((np.ones(len(at)), (at[:, 0], at[:, 1])), shape=shape)


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
