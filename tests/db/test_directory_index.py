"""The directory index an import holds: a mapping like any other, that leaves the garbage
collector one object per employee to walk (the id), not two (the id and a tuple)."""

from __future__ import annotations

import gc
from uuid import UUID, uuid4

from app.adapters.db.repositories.directory_index import DirectoryIndex


def _rows(count: int) -> list[tuple[str, UUID, str | None]]:
    return [(f"E{n:05d}", uuid4(), f"E{n // 10:05d}" if n else None) for n in range(count)]


def test_the_index_answers_as_the_dict_it_replaces():
    rows = _rows(50)
    index = DirectoryIndex(rows)
    expected = {number: (id_, manager) for number, id_, manager in rows}
    assert index == expected
    assert dict(index.items()) == expected
    assert index.get("E00003") == expected["E00003"]
    assert index.get("nobody") is None
    assert index.get("nobody", "absent") == "absent"
    assert "E00049" in index
    assert "nobody" not in index
    assert len(index) == 50


def test_an_index_of_many_employees_gives_the_collector_nothing_new_to_walk():
    rows = _rows(5_000)
    gc.collect()
    before = len(gc.get_objects())
    index = DirectoryIndex(rows)
    # The ids existed already; a dict of (id, manager) tuples would add 5,000 objects here.
    assert len(gc.get_objects()) - before < 10
    assert len(index) == 5_000
