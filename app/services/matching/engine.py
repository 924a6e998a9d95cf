"""Matching a cohort: the globally best set of pairs under the program's hard rules.

`solve_matching` proposes mentors for a whole cohort with one assignment: each mentee's
shortlist of its best allowed mentors (`candidates_per_mentee`, from the policy), with each
mentor's best mentees beside them (`shortlists`), is solved as a sparse graph, widened where the
solution cannot be proven the whole cohort's best (`assignment`), so the result is the optimum
of every allowed pair. It keeps coordinator-locked pairs exactly as they are, and says why each
mentee left without a mentor is.
`rematch` finds one mentee a new mentor at the compatibility checkpoint.
Pure: no I/O, and the same input in any order gives the same result (timings aside).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from time import perf_counter
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from app.domain.errors import InvalidInput
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import (
    MatchExplanation,
    explain,
    refusals,
)
from app.domain.policy.model import MatchingPolicy
from app.services.matching.assignment import Assignment, best_assignment
from app.services.matching.costs import (
    AssignmentProblem,
    CohortMatrices,
    assignment_problem,
    cohort_features,
    cohort_matrices,
)
from app.services.matching.shortlists import Shortlists, shortlists, widened
from app.services.matching.solver_graph import Floats


@dataclass(frozen=True, slots=True)
class RunnerUp:
    """Another allowed mentor a coordinator could choose instead, and that pair's score."""

    mentor_id: Hashable
    score: float


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed pair: why it is allowed, what it scores, and the next best mentors."""

    mentee_id: Hashable
    mentor_id: Hashable
    score: float
    explanation: MatchExplanation
    runners_up: tuple[RunnerUp, ...]
    locked: bool = False


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A mentee left without a mentor; `refused_by`: how many mentors each hard rule refused."""

    mentee_id: Hashable
    reason: str
    refused_by: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class MatchingStats:
    """Sizes and timings of one run, for benchmarks and logs; `explain_seconds` covers
    explanations, runners-up and reasons for the unmatched."""

    mentees: int
    mentors: int
    allowed_pairs: int
    solver_shape: tuple[int, int]
    rules_and_scores_seconds: float
    solve_seconds: float
    explain_seconds: float
    listed_pairs: int = 0  # pairs on the mentees' shortlists when the run was proven
    solve_rounds: int = 0  # rounds of widening
    solves: int = 0  # rounds that needed a solve (the others proved the last solution)


@dataclass(frozen=True, slots=True)
class MatchingResult:
    """Proposals and unmatched mentees, each in mentee id order; stats never affect equality."""

    proposals: tuple[Proposal, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float
    stats: MatchingStats = field(compare=False, repr=False)


def solve_matching(
    *,
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    locked: Sequence[tuple[Hashable, Hashable]] = (),
    runners_up: int = 3,
) -> MatchingResult:
    """The best pairs for a cohort: as many mentees matched as the rules allow, then the
    highest total score. Locked (mentee, mentor) pairs are kept and use the mentor's capacity."""
    if runners_up < 0:
        raise InvalidInput("runners_up must be >= 0", field="runners_up")
    started = perf_counter()
    mentees, mentors = _in_id_order(mentees, "mentee"), _in_id_order(mentors, "mentor")
    locks = _checked_locks(locked, mentees, mentors, policy)
    solved, built = _assignment(mentees, mentors, policy, locks, runners_up)
    lists = solved.lists
    done = perf_counter()
    paired = {**solved.chosen, **locks}
    proposals = tuple(
        _proposal(
            mentees[i],
            mentors[j],
            policy,
            _alternatives(lists, i, j, runners_up),
            mentors,
            locked=i in locks,
        )
        for i, j in sorted(paired.items())
    )
    unmatched = tuple(
        _unmatched(lists, i, m.id, len(mentors)) for i, m in enumerate(mentees) if i not in paired
    )
    stats = MatchingStats(
        mentees=len(mentees),
        mentors=len(mentors),
        allowed_pairs=int(lists.allowed.sum()),
        solver_shape=solved.shape,
        rules_and_scores_seconds=built - started,
        solve_seconds=done - built,
        explain_seconds=perf_counter() - done,
        listed_pairs=len(lists.rows),
        solve_rounds=solved.rounds,
        solves=solved.solves,
    )
    total = math.fsum(p.score for p in proposals)
    return MatchingResult(proposals, unmatched, total, stats)


def _assignment(
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    locks: dict[int, int],
    runners_up: int,
) -> tuple[Assignment, float]:
    """The best assignment of the mentees no lock holds, and when its rules and scores were
    built (`perf_counter`), for the run's stats."""
    load = np.bincount(np.array(list(locks.values()), dtype=np.int64), minlength=len(mentors))
    # Runners-up are read off the same lists, so each keeps at least as many as are shown.
    keep = max(policy.candidates_per_mentee, runners_up + 1)
    features = cohort_features(mentees, mentors, policy, load.tolist())
    lists = shortlists(features, len(mentees), keep)
    built = perf_counter()
    free = np.ones(len(mentees), dtype=np.bool_)
    free[list(locks)] = False

    def widen(
        current: Shortlists, bounds: dict[int, float], prices: Floats
    ) -> tuple[Shortlists, int]:
        return widened(current, features, bounds, prices, keep)

    return best_assignment(lists, features.slots, free, widen), built


def rematch(
    *,
    mentee: MatchCandidate,
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    previous_mentor_id: Hashable | None = None,
    runners_up: int = 3,
) -> Proposal | Unmatched:
    """A new mentor for one mentee (the checkpoint's change of mentor), other pairs untouched:
    `mentors` carry their current load. The previous mentor, when given, is not proposed."""
    available = [m for m in mentors if previous_mentor_id is None or m.id != previous_mentor_id]
    result = solve_matching(
        mentees=[mentee], mentors=available, policy=policy, runners_up=runners_up
    )
    return result.proposals[0] if result.proposals else result.unmatched[0]


def solver_input(
    *, mentees: Sequence[MatchCandidate], mentors: Sequence[MatchCandidate], policy: MatchingPolicy
) -> AssignmentProblem:
    """The matrix `solve_matching` hands the solver for this cohort (no locks): for benchmarks."""
    mentees, mentors = _in_id_order(mentees, "mentee"), _in_id_order(mentors, "mentor")
    matrices = cohort_matrices(mentees, mentors, policy)
    return assignment_problem(matrices, _solvable_rows(matrices, range(len(mentees))))


# --- steps ---------------------------------------------------------------------------------


def _in_id_order(people: Sequence[MatchCandidate], role: str) -> tuple[MatchCandidate, ...]:
    """Sorted by stable id, so input order never changes a tie-break; duplicates refused."""
    ordered = tuple(sorted(people, key=lambda p: (str(p.id), repr(p.id))))
    if len({p.id for p in ordered}) != len(ordered):
        raise InvalidInput(f"a {role} is listed twice", field=f"{role}s")
    return ordered


def _checked_locks(
    locked: Sequence[tuple[Hashable, Hashable]],
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
) -> dict[int, int]:
    """Row -> column of each locked pair; a pair that breaks a hard rule is refused by name."""
    row = {m.id: i for i, m in enumerate(mentees)}
    column = {m.id: j for j, m in enumerate(mentors)}
    locks: dict[int, int] = {}
    taken = [0] * len(mentors)
    for mentee_id, mentor_id in sorted(locked, key=lambda pair: (str(pair[0]), str(pair[1]))):
        if mentee_id not in row or mentor_id not in column:
            raise InvalidInput(
                f"locked pair ({mentee_id}, {mentor_id}) names someone not in this run",
                field="locked",
            )
        i, j = row[mentee_id], column[mentor_id]
        if i in locks:
            raise InvalidInput(f"mentee {mentee_id} is locked to two mentors", field="locked")
        # Earlier locks on the same mentor count as load, so capacity is checked like any rule.
        mentor = replace(mentors[j], current_load=mentors[j].current_load + taken[j])
        broken = refusals(mentees[i], mentor, policy)
        if broken:
            raise InvalidInput(
                f"locked pair ({mentee_id}, {mentor_id}) breaks {broken[0].rule.value}: "
                f"{broken[0].reason}",
                field="locked",
                rule=broken[0].rule.value,
            )
        locks[i] = j
        taken[j] += 1
    return locks


def _solvable_rows(matrices: CohortMatrices, free_rows: Iterable[int]) -> NDArray[np.int64]:
    """Rows with at least one allowed mentor; the others cannot be matched by any solve."""
    has_mentor = np.flatnonzero(matrices.allowed.any(axis=1))
    return np.intersect1d(has_mentor, np.fromiter(free_rows, dtype=np.int64))


def _alternatives(lists: Shortlists, row: int, chosen: int, count: int) -> list[tuple[int, float]]:
    """The row's `count` best other listed mentors (a list keeps its mentee's best mentors,
    best first, equal scores by lower id)."""
    columns, scores = lists.of(row)
    others = columns != chosen
    return list(zip(columns[others][:count].tolist(), scores[others][:count].tolist(), strict=True))


def _proposal(
    mentee: MatchCandidate,
    mentor: MatchCandidate,
    policy: MatchingPolicy,
    alternatives: list[tuple[int, float]],
    mentors: Sequence[MatchCandidate],
    *,
    locked: bool,
) -> Proposal:
    explanation = explain(mentee, mentor, policy)
    return Proposal(
        mentee_id=mentee.id,
        mentor_id=mentor.id,
        score=explanation.score.total,
        explanation=explanation,
        runners_up=tuple(RunnerUp(mentors[j].id, score) for j, score in alternatives),
        locked=locked,
    )


def _unmatched(lists: Shortlists, row: int, mentee_id: Hashable, mentors: int) -> Unmatched:
    allowed = int(lists.allowed[row])
    if allowed:
        return Unmatched(
            mentee_id,
            f"all {allowed} allowed mentor(s) were needed for other mentees: capacity ran out",
            MappingProxyType({"mentor_has_capacity": allowed}),
        )
    reason = (
        f"none of the {mentors} mentor(s) passes every hard rule"
        if mentors
        else "there are no mentors to choose from"
    )
    return Unmatched(mentee_id, reason, MappingProxyType(dict(lists.refused_by.get(row, {}))))
