"""Computing queued matching runs: the background loop's step (`compute_next_run`).

Each step claims the oldest pending run of any organisation (`FOR UPDATE SKIP LOCKED`, so
any number of loops share the queue and none computes a run another holds), marks it
`computing` and commits, so pollers see it; then computes it in the run's organisation,
off the event loop as a request would, and stores the proposals and `computed` in one
transaction, or `failed` with a problem document. A run left `computing` longer than the
lease (its process died) is claimed again; after `MAX_ATTEMPTS` claims it fails instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal, Role
from app.domain.errors import DomainError
from app.services.matching.runs import computed_result
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import ClaimedRun

logger = logging.getLogger(__name__)

# Longer than the largest run takes to compute: a run computing for longer is taken over.
LEASE = timedelta(minutes=30)
MAX_ATTEMPTS = 3
PROBLEMS = "/problems/"  # the problem types' prefix, as the API's problem documents have it


def system_principal(organization_id: UUID) -> Principal:
    """The service itself, computing a run for one organisation."""
    return Principal(organization_id, Role.ORG_ADMIN, "system:matching")


def problem_of(error: DomainError) -> dict[str, Any]:
    """The reason a run failed, shaped as an RFC 9457 problem document (no `status`: the
    run is read with 200, whatever became of it)."""
    extra = {k: v for k, v in (("field", error.field), ("rule", error.rule)) if v}
    return {
        "type": f"{PROBLEMS}{error.code}",
        "title": "Matching run failed",
        "detail": error.detail,
        **extra,
    }


INTERRUPTED = {
    "type": f"{PROBLEMS}run-interrupted",
    "title": "Matching run failed",
    "detail": f"the computation was interrupted {MAX_ATTEMPTS} times; start a new run",
}
UNEXPECTED = {
    "type": f"{PROBLEMS}internal-error",
    "title": "Matching run failed",
    "detail": "the computation failed; the error was logged",
}


async def compute_next_run(
    *,
    admin_uow: Callable[[], UnitOfWork],
    tenant_uow: Callable[[UUID], UnitOfWork],
    clock: Clock,
    lease: timedelta = LEASE,
) -> bool:
    """Compute the oldest pending run, if any; answers whether there was one."""
    async with admin_uow() as uow:
        claimed = await uow.programs.claim_run(now=clock.now(), lease=lease)
        await uow.commit()
    if claimed is None:
        return False
    if claimed.attempts > MAX_ATTEMPTS:
        await _fail(tenant_uow(claimed.organization_id), clock, claimed, INTERRUPTED)
        return True
    try:
        await _compute(tenant_uow(claimed.organization_id), clock, claimed)
    except DomainError as error:
        await _fail(tenant_uow(claimed.organization_id), clock, claimed, problem_of(error))
    except Exception:
        logger.exception("matching run %s failed", claimed.id)
        await _fail(tenant_uow(claimed.organization_id), clock, claimed, UNEXPECTED)
    return True


async def _compute(uow: UnitOfWork, clock: Clock, claimed: ClaimedRun) -> None:
    async with uow:
        version, result = await computed_result(uow, claimed.cohort_id, clock.now().date())
        run = await uow.programs.finish_run(
            claimed.id,
            attempt=claimed.attempts,
            now=clock.now(),
            policy_version=version,
            result=result,
        )
        if run is None:
            return  # taken over after the lease ran out: the later claim records the run
        proposals, unmatched = len(result["proposals"]), len(result["unmatched"])
        await uow.access.record(
            AuditEvent.by(
                system_principal(claimed.organization_id),
                "matching_run.computed",
                "matching_run",
                run.id,
                proposals=proposals,
                unmatched=unmatched,
            )
        )
        await uow.outbox.emit(
            "matching_run.computed",
            {
                "matching_run_id": str(run.id),
                "cohort_id": str(run.cohort_id),
                "proposals": proposals,
                "unmatched": unmatched,
            },
        )
        await uow.commit()


async def _fail(
    uow: UnitOfWork, clock: Clock, claimed: ClaimedRun, failure: Mapping[str, Any]
) -> None:
    async with uow:
        run = await uow.programs.fail_run(
            claimed.id, attempt=claimed.attempts, now=clock.now(), failure=failure
        )
        if run is None:
            return
        await uow.access.record(
            AuditEvent.by(
                system_principal(claimed.organization_id),
                "matching_run.failed",
                "matching_run",
                run.id,
                problem_type=failure["type"],
            )
        )
        await uow.outbox.emit(
            "matching_run.failed",
            {
                "matching_run_id": str(run.id),
                "cohort_id": str(run.cohort_id),
                "problem_type": failure["type"],
                "detail": failure["detail"],
            },
        )
        await uow.commit()
