"""How an employee import is written: which rows close a manager cycle, which are new,
which stored employees await a new manager. Pure steps on
plain data, run off the event loop by the import."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any
from uuid import UUID

from app.domain.directory import rows_closing_a_cycle
from app.services.directory.employee_rows import RowError

Rows = list[tuple[int, dict[str, Any]]]
Directory = Mapping[str, tuple[UUID, str | None]]


def planned(
    directory: Directory, valid: Rows
) -> tuple[Rows, list[dict[str, Any]], list[dict[str, Any]], list[str], list[RowError]]:
    """What to write: (rows kept, new employees, existing ones, new employees stored ones
    await as their manager, rows refused for closing a manager cycle)."""
    valid, cycles = refuse_manager_cycles(directory, valid)
    new, existing = _assign_ids(directory, [row for _, row in valid])
    return valid, new, existing, awaited_by(directory, valid, new), cycles


def cycles_closed_by(
    directory: Directory, managers: Iterable[tuple[str, str | None]], order: Mapping[str, int]
) -> dict[str, tuple[str, ...]]:
    """The batch's rows (by number, `order` giving each one's row) that close a manager cycle
    once the batch's managers (number, manager's number) are laid over the directory's."""
    graph = {number: manager for number, (_, manager) in directory.items()}
    graph.update(managers)
    return rows_closing_a_cycle(graph, order)


def refuse_manager_cycles(
    directory: Mapping[str, tuple[UUID, str | None]], rows: list[tuple[int, dict[str, Any]]]
) -> tuple[list[tuple[int, dict[str, Any]]], list[RowError]]:
    """A manager cycle would make every supervisory-chain rule meaningless: refuse the row
    that closes it (the latest one in the batch) and keep the rest."""
    if not any(row["manager_employee_number"] for _, row in rows):
        return rows, []
    blamed = cycles_closed_by(
        directory,
        ((row["employee_number"], row["manager_employee_number"]) for _, row in rows),
        {row["employee_number"]: i for i, row in rows},
    )
    if not blamed:
        return rows, []  # the usual case: no row to take out
    errors = [
        RowError(
            i + 1,
            row["employee_number"],
            "manager_employee_number",
            "would make a manager cycle: "
            + " -> ".join((*blamed[row["employee_number"]], blamed[row["employee_number"]][0])),
        )
        for i, row in rows
        if row["employee_number"] in blamed
    ]
    return [(i, r) for i, r in rows if r["employee_number"] not in blamed], errors


def awaited_by(
    directory: Mapping[str, tuple[UUID, str | None]],
    batch: list[tuple[int, dict[str, Any]]],
    new: list[dict[str, Any]],
) -> list[str]:
    """The new employees whom stored employees outside this batch name as their manager: only
    those links are missing (the batch's own rows were written with theirs). A first import
    of 100,000 rows then spends nothing on it, where a join over all of them took 0.4 s."""
    in_batch = {row["employee_number"] for _, row in batch}
    awaited = {m for n, (_, m) in directory.items() if m is not None and n not in in_batch}
    return [row["employee_number"] for row in new if row["employee_number"] in awaited]


def _assign_ids(
    directory: Mapping[str, tuple[UUID, str | None]], rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Give new employees their ids up front, so each row is written once with its manager
    already linked, whether that manager is stored, new in this batch, or later in it."""
    ids = {number: known for number, (known, _) in directory.items()}
    new, existing = [], []
    for row in rows:
        number = row["employee_number"]
        if number in ids:
            row["id"] = ids[number]
            existing.append(row)
        else:
            row["id"] = ids[number] = uuid.uuid4()
            new.append(row)
    for row in rows:
        row["manager_id"] = ids.get(row["manager_employee_number"] or "")
    return new, existing
