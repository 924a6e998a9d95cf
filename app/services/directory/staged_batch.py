"""A large import staged as it arrives: each piece of good rows goes to the database at once,
and only each row's (index, number, manager's number) stays in memory for the checks that
need the whole batch (numbers given twice, manager cycles). Pure steps on plain data, run
off the event loop by the import."""

from __future__ import annotations

import secrets
import time
from array import array
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.services.directory.employee_rows import RowError, refuse_duplicates
from app.services.directory.import_plan import (
    Directory,
    Rows,
    awaited_by,
    cycles_closed_by,
    refuse_manager_cycles,
)

Key = tuple[int, str, str | None]  # a staged row's index, number and manager's number


@dataclass(frozen=True, slots=True)
class StagedPlan:
    """How to finish a staged batch: numbers to take out again, and what the rest comes to."""

    refused_numbers: list[str]
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
    next_id: int = field(default_factory=lambda: _first_id())

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

    def prepare(self, rows: Rows) -> tuple[list[dict[str, Any]], UUID]:
        """The piece's rows as they go to the stage, with the id the first of them gets if it
        is new (the next ones count on; the database finds known ones' ids and stored
        managers'). Their keys are kept here. A row may leave its optional fields out."""
        numbers = [row["employee_number"] for _, row in rows]
        # A manager's number is never empty: "" stands for none.
        managers = [row.get("manager_employee_number") or "" for _, row in rows]
        for (_, row), number in zip(rows, numbers, strict=True):
            known = self.directory.get(number)
            if known is not None and row.get("employment_status", "active") != "active":
                self.away[number] = known[0]
        self.pieces.append(
            (
                array("q", (index for index, _ in rows)),
                "".join(numbers),
                array("L", map(len, numbers)),
                "".join(managers),
                array("L", map(len, managers)),
            )
        )
        first_id, self.next_id = UUID(int=self.next_id), self.next_id + len(rows)
        return [row for _, row in rows], first_id

    def plan(self) -> StagedPlan:
        """Refuse numbers given twice and rows closing a manager cycle, as a batch held
        whole would be (`refuse_duplicates`, `refuse_manager_cycles`)."""
        keys = self.keys()
        numbers = {number: index for index, number, _ in keys}
        if len(numbers) == len(keys) and not _closing_a_cycle(self.directory, keys, numbers):
            return self._all_kept(keys, numbers)  # the usual case, without a row per key
        rows = [
            (index, {"employee_number": number, "manager_employee_number": manager})
            for index, number, manager in keys
        ]
        kept, duplicates = refuse_duplicates(rows)
        kept, cycles = refuse_manager_cycles(self.directory, kept)
        kept_numbers = {row["employee_number"] for _, row in kept}
        refused = sorted(numbers.keys() - kept_numbers)
        new = [row for _, row in kept if row["employee_number"] not in self.directory]
        return StagedPlan(
            refused_numbers=refused,
            errors=duplicates + cycles,
            created=len(new),
            known=len(kept) - len(new),
            awaited=awaited_by(self.directory, kept, new),
            away=[id_ for number, id_ in self.away.items() if number in kept_numbers],
        )

    def _all_kept(self, keys: list[Key], numbers: dict[str, int]) -> StagedPlan:
        """The plan when no row is refused: what `plan` comes to then, on the keys alone."""
        new = [number for number in numbers if number not in self.directory]
        awaited = {m for n, (_, m) in self.directory.items() if m is not None and n not in numbers}
        return StagedPlan(
            refused_numbers=[],
            errors=[],
            created=len(new),
            known=len(keys) - len(new),
            awaited=[number for number in new if number in awaited],
            away=list(self.away.values()),
        )


def _closing_a_cycle(directory: Directory, keys: list[Key], numbers: dict[str, int]) -> bool:
    """Whether some row closes a manager cycle (`refuse_manager_cycles` says which)."""
    if not any(manager for _, _, manager in keys):
        return False
    return bool(cycles_closed_by(directory, ((n, m) for _, n, m in keys), numbers))


def _unpacked(text: str, lengths: array[int]) -> list[str]:
    out, at = [], 0
    for length in lengths:
        out.append(text[at : at + length])
        at += length
    return out


def _first_id() -> int:
    """A batch's first id: time-ordered (the layout of a version 7 UUID, RFC 9562), so a
    batch's new employees are appended to the id index rather than scattered through it, and
    counted on a row at a time from random bits low enough never to carry into the variant."""
    unix_ms = time.time_ns() // 1_000_000 & (1 << 48) - 1
    head = unix_ms << 16 | 0x7 << 12 | secrets.randbits(12)
    return head << 64 | 0b10 << 62 | secrets.randbits(61)
