"""The employee import from HR: every good row is stored, every bad row reported.

A batch arrives a chunk at a time (a streamed body) or whole (a list): the same path. Each
chunk is checked as it comes, off the event loop. A small batch is held and written in one
statement; a large one is staged in the database as it arrives (`StagedBatch`), so memory
holds a few fields per row rather than every row, and the database writes while the rest
of the body is still being read. Either way the batch is written in one transaction with
its events, HR-change re-checks and audit record.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.errors import InvalidInput
from app.services import eligibility_decisions
from app.services.bulk_work import off_the_loop
from app.services.directory.employee_rows import (
    MAX_IMPORT_ROWS,
    CheckedRows,
    RowError,
    complete,
    refuse_duplicates,
    validate_rows,
)
from app.services.directory.import_plan import Directory, Rows, planned
from app.services.directory.staged_batch import StagedBatch
from app.services.integrations import hr_changes
from app.services.ports import Clock, UnitOfWork

# Above this many rows an import is a bulk sync: one summary event, not one per employee.
EVENTS_PER_EMPLOYEE_UP_TO = 1_000
# Above this many good rows a batch is staged as it arrives instead of held.
HOLD_UP_TO = 1_000
# Good rows sent to the stage at a time: each statement has a fixed cost, paid once per piece.
STAGE_PIECE = 5_000
# Rows of a list batch checked per worker-thread call.
LIST_PIECE = 2_000

Chunks = AsyncIterable[Sequence[Mapping[str, Any]] | CheckedRows]


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    errors: list[RowError]


@dataclass(frozen=True, slots=True)
class _Written:
    created: int
    known: int
    changed: list[UUID]
    away: list[UUID]
    refused: list[RowError]


async def pieces(rows: Sequence[Mapping[str, Any]]) -> AsyncIterator[Sequence[Mapping[str, Any]]]:
    """A list batch as chunks, so it takes the streamed batch's path."""
    for start in range(0, len(rows), LIST_PIECE):
        yield rows[start : start + LIST_PIECE]


async def run_import(
    uow: UnitOfWork, principal: Principal, clock: Clock, chunks: Chunks
) -> ImportReport:
    async with uow:
        await uow.employees.lock_directory()  # imports of one organisation take turns
        directory = await uow.employees.directory_index()
        batch = StagedBatch(directory)
        held, errors = await _read(uow, batch, chunks)
        written = await (_merge(uow, batch) if batch.staged else _write(uow, directory, held))
        report = await _finish(uow, principal, clock, written, errors)
        await uow.commit()
    return report


async def _read(uow: UnitOfWork, batch: StagedBatch, chunks: Chunks) -> tuple[Rows, list[RowError]]:
    """Check every chunk; stage the good rows of a large batch as they come (each piece's
    write runs while the next piece is read and checked). The rows held, and the errors."""
    held: Rows = []
    errors: list[RowError] = []
    count, staging = 0, Staging(uow)
    try:
        async for chunk in chunks:
            if isinstance(chunk, CheckedRows):
                good: Rows = list(enumerate(chunk.rows, count))
            else:
                good, bad = await off_the_loop(validate_rows, chunk, count)
                errors += bad
            count += len(chunk)
            if count > MAX_IMPORT_ROWS:  # read on, for the body's own errors, but keep none
                held = []
                continue
            held += good
            if len(held) > (STAGE_PIECE if batch.staged else HOLD_UP_TO):
                await staging.send(await off_the_loop(batch.prepare, held))
                held = []
        if count > MAX_IMPORT_ROWS:
            raise InvalidInput(f"at most {MAX_IMPORT_ROWS} rows per import", field="employees")
        if batch.staged and held:
            await staging.send(await off_the_loop(batch.prepare, held))
            held = []
    except BaseException:
        await staging.settled(quiet=True)  # the first failure is the one to report
        raise
    await staging.settled()
    return held, errors


class Staging:
    """Pieces sent to the stage one after another, each while the next is being made."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self._sending: asyncio.Future[None] | None = None

    async def send(self, piece: tuple[list[dict[str, Any]], UUID]) -> None:
        rows, first_id = piece
        await self.settled()
        self._sending = asyncio.ensure_future(self._uow.employees.stage(rows, first_id=first_id))

    async def settled(self, *, quiet: bool = False) -> None:
        """The piece in flight is written (or has failed: raised here unless `quiet`), and
        the connection is free again."""
        sending, self._sending = self._sending, None
        if sending is not None:
            await asyncio.wait([sending])
            if not quiet:
                sending.result()
            elif not sending.cancelled():
                sending.exception()  # seen, so it is not logged as never retrieved


async def _write(uow: UnitOfWork, directory: Directory, held: Rows) -> _Written:
    """A small batch, held whole: written from arrays in one statement each."""
    held = [(index, complete(row)) for index, row in held]  # a few rows: on the loop
    valid, duplicates = await off_the_loop(refuse_duplicates, held)
    valid, new, existing, awaited, cycles = await off_the_loop(planned, directory, valid)
    # Each written employee is announced with it (employee.created / .updated), unless the
    # batch is a bulk sync: then one employees.imported event says so, with the counts.
    one_by_one = len(new) + len(existing) <= EVENTS_PER_EMPLOYEE_UP_TO
    await uow.employees.insert(new, event_type="employee.created" if one_by_one else None)
    changed = await uow.employees.update(
        existing, event_type="employee.updated" if one_by_one else None
    )
    await uow.employees.link_reports_of(awaited)
    # Someone already on leave or gone is flagged too, not only who changed now.
    away = [row["id"] for row in existing if str(row["employment_status"]) != "active"]
    return _Written(len(new), len(existing), changed, away, duplicates + cycles)


async def _merge(uow: UnitOfWork, batch: StagedBatch) -> _Written:
    """A large batch, staged: the refused rows taken out, the rest merged by one statement
    for the new employees and one for the known ones."""
    plan = await off_the_loop(batch.plan)
    await uow.employees.drop_staged(plan.refused_numbers)
    one_by_one = plan.created + plan.known <= EVENTS_PER_EMPLOYEE_UP_TO
    changed = await uow.employees.merge_staged(
        created="employee.created" if one_by_one else None,
        updated="employee.updated" if one_by_one else None,
    )
    await uow.employees.link_reports_of(plan.awaited)
    return _Written(plan.created, plan.known, changed, plan.away, plan.errors)


async def _finish(
    uow: UnitOfWork, principal: Principal, clock: Clock, written: _Written, errors: list[RowError]
) -> ImportReport:
    """Open pairs that now break a hard rule are flagged, applications of changed people are
    decided again, and the import is announced and audited."""
    changed = written.changed
    await hr_changes.flag_broken_pairs(uow, clock, sorted({*changed, *written.away}))
    await eligibility_decisions.refresh_within(uow, principal, changed, clock.now().date())
    refused = errors + written.refused
    report = ImportReport(
        created=written.created,
        updated=len(changed),
        unchanged=written.known - len(changed),
        errors=sorted(refused, key=lambda e: (e.row, e.field or "")) if refused else [],
    )
    if written.created + written.known > EVENTS_PER_EMPLOYEE_UP_TO:
        await uow.outbox.emit(
            "employees.imported",
            {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "refused": len(report.errors),
            },
        )
    await uow.access.record(
        AuditEvent.by(
            principal,
            "employees.imported",
            "employees",
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            refused=len(report.errors),
        )
    )
    return report
