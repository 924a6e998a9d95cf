"""A large import staged as it arrives: each piece of good rows goes to the database at once,
and only each row's (index, number, manager's number) stays in memory for the checks that
need the whole batch (numbers given twice, manager cycles). Pure steps on plain data, run
off the event loop by the import."""

from __future__ import annotations

import os
import uuid
from array import array
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.services.directory.employee_rows import RowError, refuse_duplicates
from app.services.directory.import_plan import Directory, Rows, awaited_by, refuse_manager_cycles


@dataclass(frozen=True, slots=True)
class StagedPlan:
    """How to finish a staged batch: numbers to take out again, and what the rest comes to."""

    refused_numbers: list[str]
    refused_written: list[UUID]  # new employees written as they came, now refused
    created_ids: list[UUID]
    errors: list[RowError]
    created: int
    known: int
    awaited: list[str]
    away: list[UUID]


@dataclass(slots=True)
class StagedBatch:
    directory: Directory
    # Per staged piece: its rows' indexes, numbers and managers' numbers, packed. Kept as
    # small objects, they would be scattered among the freed rows and keep the allocator's
    # pages (and the server's memory) as large as if every row were still held.
    pieces: list[tuple[array[int], str, array[int], str, array[int]]] = field(default_factory=list)
    away: dict[str, UUID] = field(default_factory=dict)  # known employees HR lists as not active
    # New employees written as they came (a number given again is not written twice), and
    # the managers' numbers some of them named before those managers were read.
    written: dict[str, UUID] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)

    @property
    def staged(self) -> bool:
        return bool(self.pieces)

    def keys(self) -> list[tuple[int, str, str | None]]:
        """(index, number, manager's number) of every staged row."""
        keys: list[tuple[int, str, str | None]] = []
        for indexes, numbers, number_lengths, managers, manager_lengths in self.pieces:
            keys += zip(
                indexes,
                _unpacked(numbers, number_lengths),
                (m or None for m in _unpacked(managers, manager_lengths)),
                strict=True,
            )
        return keys

    def prepare(self, rows: Rows) -> list[dict[str, Any]]:
        """The rows to write, each with its id (stored or new), `is_new`, and its manager's
        id when that manager is stored or, for a new employee, was read earlier in the
        batch (one read later is linked at the end). A new number given again is left
        out: it is refused with the first (`plan`)."""
        ids = _new_ids(len(rows))
        prepared = []
        numbers, managers = [], []
        for (_, row), new_id in zip(rows, ids, strict=True):
            number, manager = row["employee_number"], row["manager_employee_number"]
            numbers.append(number)
            managers.append(manager or "")  # a manager's number is never empty
            known = self.directory.get(number)
            if known is None and number in self.written:
                continue
            stored = self.directory.get(manager) if manager else None
            row["is_new"] = known is None
            if known is None:
                row["manager_id"] = stored[0] if stored else self.written.get(manager or "")
                row["id"] = self.written[number] = new_id
                if manager and row["manager_id"] is None:
                    self.pending.add(manager)
            else:
                row["id"] = known[0]
                row["manager_id"] = stored[0] if stored else None
                if str(row["employment_status"]) != "active":
                    self.away[number] = known[0]
            prepared.append(row)
        self.pieces.append(
            (
                array("q", (index for index, _ in rows)),
                "".join(numbers),
                array("L", map(len, numbers)),
                "".join(managers),
                array("L", map(len, managers)),
            )
        )
        return prepared

    def plan(self) -> StagedPlan:
        """Refuse numbers given twice and rows closing a manager cycle, as a batch held
        whole would be (`refuse_duplicates`, `refuse_manager_cycles`)."""
        keys = self.keys()
        rows = [
            (index, {"employee_number": number, "manager_employee_number": manager})
            for index, number, manager in keys
        ]
        kept, duplicates = refuse_duplicates(rows)
        kept, cycles = refuse_manager_cycles(self.directory, kept)
        kept_numbers = {row["employee_number"] for _, row in kept}
        refused = sorted({number for _, number, _ in keys} - kept_numbers)
        new = [row for _, row in kept if row["employee_number"] not in self.directory]
        return StagedPlan(
            refused_numbers=refused,
            refused_written=[self.written[n] for n in refused if n in self.written],
            created_ids=[id_ for n, id_ in self.written.items() if n in kept_numbers],
            errors=duplicates + cycles,
            created=len(new),
            known=len(kept) - len(new),
            # Stored employees awaiting a new one, and new ones named before their manager.
            awaited=sorted({*awaited_by(self.directory, kept, new), *self.pending}),
            away=[id_ for number, id_ in self.away.items() if number in kept_numbers],
        )


def _unpacked(text: str, lengths: array[int]) -> list[str]:
    out, at = [], 0
    for length in lengths:
        out.append(text[at : at + length])
        at += length
    return out


def _new_ids(count: int) -> list[UUID]:
    """Random (version 4) ids, the randomness read once for the whole piece."""
    noise = os.urandom(16 * count)
    return [uuid.UUID(bytes=noise[i : i + 16], version=4) for i in range(0, 16 * count, 16)]
