"""An organisation's whole directory by employee_number, as an import reads it.

A re-import holds it for the whole request: tens of thousands of entries. Held as one
`(id, manager)` tuple per employee, each entry would be two objects the garbage collector
walks at every full collection, which may fall in the middle of any import (and hold every
other tenant's requests while it runs, whatever thread triggers it). Held as two flat
mappings, only the ids are objects it walks: the managers' numbers are strings, which it
never visits, nor the dict holding only them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar, overload
from uuid import UUID

T = TypeVar("T")


class DirectoryIndex(Mapping[str, tuple[UUID, str | None]]):
    """employee_number -> (id, manager's employee_number)."""

    __slots__ = ("_ids", "_managers")

    def __init__(self, rows: Iterable[tuple[str, UUID, str | None]]) -> None:
        self._ids: dict[str, UUID] = {}
        self._managers: dict[str, str | None] = {}
        for number, id_, manager in rows:
            self._ids[number] = id_
            self._managers[number] = manager

    def __getitem__(self, number: str) -> tuple[UUID, str | None]:
        return self._ids[number], self._managers[number]

    @overload
    def get(self, number: str, /) -> tuple[UUID, str | None] | None: ...
    @overload
    def get(
        self, number: str, /, default: tuple[UUID, str | None] | T
    ) -> tuple[UUID, str | None] | T: ...
    def get(self, number: str, /, default: object = None) -> object:
        """As `Mapping.get`, without its exception per absent number (most of a new batch)."""
        id_ = self._ids.get(number)
        return default if id_ is None else (id_, self._managers[number])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, number: object) -> bool:
        return number in self._ids
