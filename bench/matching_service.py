"""Whole matching runs through the service (database included), from 1,000 to 10,000 mentees.

`bench/matching.py` measures the engine on in-memory candidates. This one stores the same
kind of organisation (a management tree; at least 20,000 employees, five per mentee) and a
cohort of mentee and mentor applications (capacity 3), then, right after that import with
autovacuum off (stale statistics, the worst case), times `start_matching_run`: eligibility
decided again and stored for every applicant, supervisory chains, loads, the engine, and the
run stored with every explanation. The same run again under tracemalloc gives its peak memory.
Side by side, in the same run: `linear_sum_assignment` alone on the dense matrix of that
cohort (up to 3,000 mentees: beyond, the dense solver takes minutes and gigabytes).

Run: `python -m bench.matching_service` (`--help` for sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import json
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


async def autovacuum(url: str, *, on: bool) -> None:
    """Autovacuum (and its analyze) off for every table: statistics stay as stale as they are
    right after a large import into a shared table, the worst case a run can meet."""
    conn = await asyncpg.connect(libpq_url(url))
    tables = [
        r[0]
        for r in await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ]
    for table in tables:
        setting = "RESET (autovacuum_enabled)" if on else "SET (autovacuum_enabled = false)"
        await conn.execute(f'ALTER TABLE "{table}" {setting}')
    await conn.close()


async def one_size(
    db: Database, url: str, mentees: int, mentors: int, dense: bool, repeat: int
) -> dict:
    """A fresh organisation and cohort, then at once the run (timed), then the same run under
    tracemalloc for its peak, and the bare dense solver on that run's pool when `dense`."""
    employees_ = max(20_000, 5 * mentees)
    org, staff, cohort = await seed(db, url, employees_, mentees, mentors)
    started = time.perf_counter()
    run = await matching_runs.start_matching_run(
        uow=SqlUnitOfWork(db, org.id), principal=staff, clock=Clock(), cohort_id=cohort.id
    )
    whole = time.perf_counter() - started
    tracemalloc.start()
    await matching_runs.start_matching_run(
        uow=SqlUnitOfWork(db, org.id), principal=staff, clock=Clock(), cohort_id=cohort.id
    )
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    found = {"whole": whole, "peak": peak, "run": run, "employees": employees_, "bare": None}
    if dense:
        async with SqlUnitOfWork(db, org.id) as uow:
            pool = await cohort_pool(uow, cohort.id, Clock().now().date(), store=False)
        matching = pool.policy.matching
        problem = solver_input(mentees=pool.mentees, mentors=pool.mentors, policy=matching)
        found["shape"] = problem.costs.shape
        bares, again = [], []
        for _ in range(repeat):  # in turns, so both see the same machine load
            bares.append(best_of(1, lambda: linear_sum_assignment(problem.costs)))
            started = time.perf_counter()
            await matching_runs.start_matching_run(
                uow=SqlUnitOfWork(db, org.id), principal=staff, clock=Clock(), cohort_id=cohort.id
            )
            again.append(time.perf_counter() - started)
        found["bare"], found["again"] = min(bares), min(again)
    return found


async def measure(url: str, args: argparse.Namespace) -> None:
    db = Database(url, pool_size=2)
    await db.open()
    await autovacuum(url, on=False)
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
    print("each run right after its organisation's import, autovacuum off (stale statistics)")
    print(
        f"{'mentees x mentors':>18} {'employees':>9} {'run s':>7} {'peak MiB':>8} "
        f"{'matched':>7} {'bare dense s':>12}"
    )
    results = []
    try:
        for mentees, mentors in sizes:
            dense = mentees <= args.dense_up_to
            found = await one_size(db, url, mentees, mentors, dense, args.repeat)
            results.append(((mentees, mentors), found))
            run = found["run"]
            bare = "-" if found["bare"] is None else f"{found['bare']:.2f}"
            print(
                f"{mentees:>8} x {mentors:<7} {found['employees']:>9} {found['whole']:>7.2f} "
                f"{found['peak'] / 2**20:>8.0f} {len(run.result['proposals']):>7} {bare:>12}"
            )
    finally:
        await autovacuum(url, on=True)
        await db.close()
    (small, first), (large, last) = results[0], results[-1]
    print(
        f"growth from {small[0]} to {large[0]} mentees ({large[0] / small[0]:.0f}x): time "
        f"{last['whole'] / first['whole']:.1f}x, peak memory {last['peak'] / first['peak']:.1f}x"
    )
    for (mentees, mentors), found in results:
        if found["bare"] is not None:
            print(
                f"ratio (whole run through the service / bare dense solver): "
                f"{found['whole'] / found['bare']:.2f} right after the import, "
                f"{found['again'] / found['bare']:.2f} later (best of {args.repeat}, in turns "
                f"with the solver); {mentees} x {mentors}, dense matrix {found['shape']}"
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  process max RSS {rss:.0f} MiB (the solver process apart)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes",
        default="1000x333,3000x1000,6000x2000,10000x3000",
        help="mentees x mentors (capacity 3), comma separated",
    )
    parser.add_argument(
        "--dense-up-to",
        type=int,
        default=3000,
        help="run the bare dense solver beside runs of at most this many mentees",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="later runs, in turns with the solver"
    )
    args = parser.parse_args()
    with database() as url:
        migrations.upgrade(url)
        asyncio.run(measure(url, args))


if __name__ == "__main__":
    main()
