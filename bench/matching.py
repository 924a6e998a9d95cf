"""Matching benchmark: a whole `solve_matching` run against the bare solver, in one run.

A synthetic organisation (20,000 employees, fan-out 5-10, levels falling down the tree,
departments and units as subtrees), a cohort of 3,000 mentees from the lower levels and
1,000 mentors from the upper ones with capacity 3. Measured side by side:
1. the whole run (rules, scores, shortlists, the sparse solve and its proof, explanations,
   runners-up) vs the bare dense solver, `scipy.optimize.linear_sum_assignment` alone on the
   dense matrix of the same cohort;
2. the vectorised rules-and-scores matrices vs the domain's pure-Python `build_cost_matrix`.

Run: `python -m bench.matching` (`--help` for sizes).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

from scipy.optimize import linear_sum_assignment

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.explanation import build_cost_matrix
from app.domain.org_chart import ancestor_sets
from app.domain.policy.model import MatchingPolicy, PreferenceWeights
from app.services.matching.costs import cohort_matrices
from app.services.matching.engine import solve_matching, solver_input

COMPETENCIES = [f"competency-{n}" for n in range(40)]
CAREERS = [f"path-{n}" for n in range(12)]
POLICY = MatchingPolicy(
    one_to_one=False,
    default_mentor_capacity=3,
    weights=PreferenceWeights(
        stated_preference=3.0,
        cross_department=1.0,
        cross_gender=0.5,
        cross_race=0.5,
        competency_overlap=2.0,
        career_path_overlap=1.0,
    ),
)


@dataclass(frozen=True)
class Employee:
    id: int
    level: int
    department: str
    unit: str


def organisation(size: int, rng: random.Random) -> tuple[list[Employee], dict[int, int | None]]:
    """Breadth-first: each manager gets 5-10 reports; a report is 1-2 levels below."""
    manager_of: dict[int, int | None] = {0: None}
    people = [Employee(0, 14, "Executive", "Office")]
    queue = [0]
    for boss in queue:
        for _ in range(rng.randint(5, 10)):
            if len(people) == size:
                return people, manager_of
            n, above = len(people), people[boss]
            department = f"D{n}" if boss == 0 else above.department
            unit = f"U{n}" if manager_of[boss] == 0 else above.unit
            people.append(
                Employee(n, max(1, above.level - rng.choice((1, 1, 2))), department, unit)
            )
            manager_of[n] = boss
            queue.append(n)
    return people, manager_of


def cohort(
    size: int, mentees: int, mentors: int, seed: int
) -> tuple[list[MatchCandidate], list[MatchCandidate]]:
    rng = random.Random(seed)
    people, manager_of = organisation(size, rng)
    ancestors = ancestor_sets(manager_of)
    by_level = sorted(people[1:], key=lambda p: -p.level)
    mentor_people = rng.sample(by_level[: mentors * 5 // 2], mentors)
    mentee_people = rng.sample(by_level[-mentees * 4 :], mentees)
    mentor_ids = [p.id for p in mentor_people]
    departments = sorted({p.department for p in people})

    def candidate(p: Employee, mentee: bool) -> MatchCandidate:
        return MatchCandidate(
            id=p.id,
            level=p.level,
            department=p.department,
            unit=p.unit,
            ancestors=ancestors[p.id],
            gender=rng.choice("fm") if rng.random() < 0.6 else None,
            race=rng.choice("abcd") if rng.random() < 0.4 else None,
            competencies_wanted=frozenset(rng.sample(COMPETENCIES, rng.randint(1, 4))),
            competencies_offered=frozenset(rng.sample(COMPETENCIES, rng.randint(2, 6))),
            career_path=frozenset(rng.sample(CAREERS, rng.randint(1, 2 if mentee else 3))),
            preferred_mentors=frozenset(
                rng.sample(mentor_ids, rng.randint(1, 2)) if mentee and rng.random() < 0.1 else ()
            ),
            preferred_departments=frozenset(
                [rng.choice(departments)] if mentee and rng.random() < 0.3 else ()
            ),
            conflicts=frozenset([rng.choice(mentor_ids)] if rng.random() < 0.01 else ()),
        )

    return [candidate(p, True) for p in mentee_people], [candidate(p, False) for p in mentor_people]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--mentees", type=int, default=3_000)
    parser.add_argument("--mentors", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=2, help="best of N for each timing")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    mentees, mentors = cohort(args.employees, args.mentees, args.mentors, args.seed)
    print(
        f"{args.employees} employees; {len(mentees)} mentees x {len(mentors)} mentors, capacity 3"
    )

    problem = solver_input(mentees=mentees, mentors=mentors, policy=POLICY)
    wholes, bares, results = [], [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        started = time.perf_counter()
        results.append(solve_matching(mentees=mentees, mentors=mentors, policy=POLICY))
        wholes.append(time.perf_counter() - started)
        bares.append(best_of(1, lambda: linear_sum_assignment(problem.costs)))
    whole, bare = min(wholes), min(bares)
    last = results[-1]
    stats = last.stats
    print(
        f"  whole solve_matching      {whole:6.2f} s  (rules+scores "
        f"{stats.rules_and_scores_seconds:.2f}, solve {stats.solve_seconds:.2f}, "
        f"explanations+runners-up {stats.explain_seconds:.2f}; {stats.listed_pairs} pairs "
        f"listed, {stats.solve_rounds} solve round(s))"
    )
    print(f"  bare linear_sum_assignment {bare:5.2f} s  on the same {problem.costs.shape} matrix")
    verdict = "met" if whole <= bare else "NOT met"
    print(f"ratio (whole run / bare solver): {whole / bare:.2f}  (goal <= 1.00: {verdict})")
    print(
        f"  matched {len(last.proposals)}, unmatched {len(last.unmatched)} "
        f"({sum(1 for u in last.unmatched if 'capacity' in u.reason)} for lack of capacity), "
        f"allowed pairs {stats.allowed_pairs}, total score {last.total_score:.1f}"
    )

    vectorised = best_of(args.repeat, lambda: cohort_matrices(mentees, mentors, POLICY))
    python = best_of(1, lambda: build_cost_matrix(mentees, mentors, POLICY, forbidden=1e9))
    print(
        f"  rules+scores: numpy {vectorised:5.2f} s, domain build_cost_matrix {python:5.2f} s "
        f"(speed-up {python / vectorised:.1f}x)"
    )

    tracemalloc.start()
    solve_matching(mentees=mentees, mentors=mentors, policy=POLICY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  memory: tracemalloc peak of one run {peak / 2**20:.0f} MiB, "
        f"process max RSS {rss:.0f} MiB"
    )


if __name__ == "__main__":
    main()
