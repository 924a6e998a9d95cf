"""A whole matching run through the service (database included) against the bare solver.

`bench/matching.py` measures the engine on in-memory candidates. This one stores the same
kind of organisation (20,000 employees, a management tree) and a cohort of 3,000 mentee and
1,000 mentor applications (capacity 3), then times `start_matching_run`: eligibility decided
again and stored for every applicant, supervisory chains from a recursive query, loads, the
engine, and the run stored with every explanation. Side by side, in the same run:
`linear_sum_assignment` alone on the matrix that run solves.

Run: `python -m bench.matching_service` (`--help` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import resource
import time
import tracemalloc
import uuid
from datetime import UTC, date, datetime

import asyncpg
from scipy.optimize import linear_sum_assignment

from app.adapters.clock import SystemClock
from app.adapters.db import migrations
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.domain.access import Principal, Role
from app.services import cohorts, organizations
from app.services.directory import employees
from app.services.matching import runs as matching_runs
from app.services.matching.engine import solver_input
from app.services.matching.pool import cohort_pool
from app.services.programs import catalog as programs
from bench.harness import database, libpq_url
from bench.matching import COMPETENCIES, best_of, organisation

POLICY = {
    "eligibility": {"mentee_rules": [], "mentor_rules": []},
    "matching": {
        "one_to_one": False,
        "default_mentor_capacity": 3,
        "weights": {"stated_preference": 3.0, "cross_department": 1.0, "competency_overlap": 2.0},
    },
}


class Clock:
    def now(self) -> datetime:
        return datetime(2026, 6, 1, tzinfo=UTC)


async def seed(db: Database, url: str, size: int, mentees: int, mentors: int) -> tuple:
    """An organisation, its directory, and a cohort with its applications (setup, untimed)."""
    rng = random.Random(5)
    org = await organizations.create_organization(
        uow=SqlUnitOfWork(db, None), name="bench", slug="bench-" + uuid.uuid4().hex[:6]
    )
    staff = Principal(org.id, Role.ORG_ADMIN, "bench")
    people, manager_of = organisation(size, rng)
    rows = [
        {
            "employee_number": f"E{p.id}",
            "given_name": "G",
            "family_name": "F",
            "level": p.level,
            "department": p.department,
            "unit": p.unit,
            "manager_employee_number": None if manager_of[p.id] is None else f"E{manager_of[p.id]}",
            "hire_date": "2015-01-01",
            "employment_status": "active",
            "in_good_standing": True,
        }
        for p in people
    ]
    await employees.import_employees(
        uow=SqlUnitOfWork(db, org.id), principal=staff, clock=SystemClock(), rows=rows
    )
    program = await programs.create_program(
        uow=SqlUnitOfWork(db, org.id),
        principal=staff,
        name="P",
        preset_name="nc-model",
        overrides=POLICY,
    )
    cohort = await cohorts.create_cohort(
        uow=SqlUnitOfWork(db, org.id),
        principal=staff,
        program_id=program.id,
        name="C",
        starts_on=date(2026, 9, 1),
    )
    await _applications(url, org.id, cohort.id, people, mentees, mentors, rng)
    return org, staff, cohort


async def _applications(url, org_id, cohort_id, people, mentees, mentors, rng) -> None:
    conn = await asyncpg.connect(libpq_url(url))
    ids = {
        r["employee_number"]: r["id"]
        for r in await conn.fetch(
            "SELECT employee_number, id FROM employees WHERE organization_id = $1", org_id
        )
    }
    by_level = sorted(people[1:], key=lambda p: -p.level)
    chosen = [(p, "mentor", 3) for p in rng.sample(by_level[: mentors * 5 // 2], mentors)]
    taken = {p.id for p, _, _ in chosen}
    pool = [p for p in by_level[-mentees * 4 :] if p.id not in taken]
    chosen += [(p, "mentee", 0) for p in rng.sample(pool, mentees)]
    decision = json.dumps({"eligible": True, "rules": []})
    records = []
    for p, role, capacity in chosen:
        key = "competencies_wanted" if role == "mentee" else "competencies"
        profile = json.dumps({key: rng.sample(COMPETENCIES, rng.randint(1, 4))})
        records.append(
            (
                org_id,
                uuid.uuid4(),
                cohort_id,
                ids[f"E{p.id}"],
                role,
                profile,
                capacity,
                "[]",
                True,
                decision,
            )
        )
    await conn.copy_records_to_table(
        "applications",
        records=records,
        columns=[
            "organization_id",
            "id",
            "cohort_id",
            "employee_id",
            "role",
            "profile",
            "capacity",
            "overrides",
            "eligible",
            "eligibility",
        ],
    )
    await conn.close()


async def measure(url: str, args: argparse.Namespace) -> None:
    db = Database(url, pool_size=2)
    await db.open()
    org, staff, cohort = await seed(db, url, args.employees, args.mentees, args.mentors)
    async with SqlUnitOfWork(db, org.id) as uow:  # the very pool the run will match, untimed
        pool = await cohort_pool(uow, cohort.id, Clock().now().date(), store=False)
    problem = solver_input(mentees=pool.mentees, mentors=pool.mentors, policy=pool.policy.matching)
    bare = best_of(args.repeat, lambda: linear_sum_assignment(problem.costs))
    whole, run = math.inf, None
    for _ in range(args.repeat):  # runs are not published, so each matches the same pool
        started = time.perf_counter()
        run = await matching_runs.start_matching_run(
            uow=SqlUnitOfWork(db, org.id), principal=staff, clock=Clock(), cohort_id=cohort.id
        )
        whole = min(whole, time.perf_counter() - started)
    assert run is not None
    # Memory in another, identical run: tracemalloc slows every allocation it traces.
    tracemalloc.start()
    await matching_runs.start_matching_run(
        uow=SqlUnitOfWork(db, org.id), principal=staff, clock=Clock(), cohort_id=cohort.id
    )
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    await db.close()
    matched, unmatched = len(run.result["proposals"]), len(run.result["unmatched"])
    sizes = f"{args.mentees} mentees x {args.mentors} mentors, capacity 3"
    print(f"{args.employees} employees; {sizes}; best of {args.repeat}")
    print(f"  start_matching_run (service + database)  {whole:6.2f} s")
    print(f"  bare linear_sum_assignment                {bare:6.2f} s  on {problem.costs.shape}")
    print(f"ratio (whole run through the service / bare solver): {whole / bare:.2f}")
    print(f"  matched {matched}, unmatched {unmatched}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  memory: tracemalloc peak of the run {peak / 2**20:.0f} MiB, max RSS {rss:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--mentees", type=int, default=3_000)
    parser.add_argument("--mentors", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with database() as url:
        migrations.upgrade(url)
        asyncio.run(measure(url, args))


if __name__ == "__main__":
    main()
